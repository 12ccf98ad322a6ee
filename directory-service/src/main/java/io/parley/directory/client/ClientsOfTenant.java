package io.parley.directory.client;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.tenant.OwnedObjects;

/** A tenant's clients as its deletion removes them: each deletion event carries the client with its contacts. */
@ApplicationScoped
class ClientsOfTenant implements OwnedObjects<Client> {

    @Override
    public Kind kind() {
        return Kind.CLIENTS;
    }

    @Override
    public Class<Client> type() {
        return Client.class;
    }

    @Override
    public List<Outbox.Message> deletions(UUID tenantId, List<Client> clients) {
        Client.fetchContacts(clients);
        return clients.stream().map(client -> OwnedObjects.deletion(client.id, DirectoryEvents.CLIENT_DELETED,
                tenantId, client.revision, ClientView.of(client).event())).toList();
    }
}
