package io.parley.directory.user;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.parley.directory.group.GroupMembers;
import io.parley.directory.role.RoleHolders;

/** How many users hold a role, belong to a group or manage it: what keeps a role or a group from being deleted. */
@ApplicationScoped
class UserCounts implements RoleHolders, GroupMembers {

    private final EntityManager entityManager;

    UserCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public long holdersOf(UUID roleId) {
        return User.count("roleId", roleId);
    }

    @Override
    public long membersOf(UUID groupId) {
        return User.count("groupId", groupId);
    }

    @Override
    public long managersOf(UUID groupId) {
        return ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM user_managed_group WHERE group_id = :group")
                .setParameter("group", groupId).getSingleResult()).longValue();
    }
}
