package io.parley.directory.group;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.tenant.OwnedObjects;

/** A tenant's groups as its deletion removes them. */
@ApplicationScoped
class GroupsOfTenant implements OwnedObjects<Group> {

    @Override
    public Kind kind() {
        return Kind.GROUPS;
    }

    @Override
    public Class<Group> type() {
        return Group.class;
    }

    @Override
    public List<Outbox.Message> deletions(UUID tenantId, List<Group> groups) {
        return groups.stream().map(group -> OwnedObjects.deletion(group.id, DirectoryEvents.GROUP_DELETED, tenantId,
                group.revision, GroupView.of(group).event())).toList();
    }
}
