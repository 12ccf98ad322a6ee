package io.parley.common.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.security.StringPermission;

class PermissionsAugmentorTest {

    private static final Set<String> ROLE = Set.of("users:view", "users:edit", "calls:view", "groups");

    @Test
    void grantsAnActionTheRoleHolds() {
        assertTrue(PermissionsAugmentor.grants(ROLE, new StringPermission("users", "view")));
        assertTrue(PermissionsAugmentor.grants(ROLE, new StringPermission("calls", "view")));
    }

    @Test
    void refusesAnActionOfAnotherResourceOrOneTheRoleLacks() {
        assertFalse(PermissionsAugmentor.grants(ROLE, new StringPermission("users", "delete")));
        assertFalse(PermissionsAugmentor.grants(ROLE, new StringPermission("roles", "view")));
        assertFalse(PermissionsAugmentor.grants(ROLE, new StringPermission("calls_own", "view")));
    }

    @Test
    void needsEveryActionOfAPermissionThatNamesSeveral() {
        assertTrue(PermissionsAugmentor.grants(ROLE, new StringPermission("users", "view", "edit")));
        assertFalse(PermissionsAugmentor.grants(ROLE, new StringPermission("users", "view", "add")));
    }

    @Test
    void aBareNameGrantsNothingAndNothingGrantsABareName() {
        assertFalse(PermissionsAugmentor.grants(ROLE, new StringPermission("groups")));
        assertFalse(PermissionsAugmentor.grants(Set.of("groups:view"), new StringPermission("groups")));
        assertFalse(PermissionsAugmentor.grants(ROLE, new StringPermission("groups", "view")));
    }
}
