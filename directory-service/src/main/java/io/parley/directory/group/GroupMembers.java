package io.parley.directory.group;

import java.util.UUID;

/**
 * How many users belong to a group or manage it: a group in use cannot be deleted. Declared here for the group's rules
 * and answered by the user feature, which holds the users and their managed groups.
 */
public interface GroupMembers {

    long membersOf(UUID groupId);

    long managersOf(UUID groupId);
}
