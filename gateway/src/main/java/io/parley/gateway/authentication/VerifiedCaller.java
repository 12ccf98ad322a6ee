package io.parley.gateway.authentication;

import java.util.UUID;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.gateway.identity.RenewingToken;

/** A caller whose credentials the directory accepted, with the identity token their requests are forwarded with. */
public record VerifiedCaller(CallerIdentity identity, RenewingToken token) {

    /**
     * Whether a change to this directory object (user, group, role or tenant) may change this caller's answer: the
     * user, their tenant, group, role, or a group they manage.
     */
    public boolean references(UUID id) {
        return id.equals(identity.userId()) || id.equals(identity.tenantId()) || id.equals(identity.groupId())
                || id.equals(identity.roleId()) || identity.managedGroups().contains(id);
    }
}
