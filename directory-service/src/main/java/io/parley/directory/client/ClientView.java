package io.parley.directory.client;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.parley.common.events.directory.ClientData;

/** A client as the API shows it (reference 3.2.1); the directory's events carry the same fields ({@link #event}). */
@Schema(requiredProperties = { "client_id", "tenant_id", "name", "contacts" })
public record ClientView(UUID clientId, UUID tenantId, String name, List<Contact> contacts) {

    /** A contact as the API shows it; {@code name} is {@code null} when none was given. */
    @Schema(name = "ClientContact", requiredProperties = { "phone_number", "name" })
    public record Contact(String phoneNumber, @Schema(nullable = true) String name) {
    }

    public static ClientView of(Client client) {
        return new ClientView(client.id, client.tenantId, client.name,
                client.contacts.stream().map(contact -> new Contact(contact.phoneNumber, contact.name)).toList());
    }

    /** The {@code data} of the client's events. */
    public ClientData event() {
        return new ClientData(new ClientData.Client(clientId, tenantId, name,
                contacts.stream().map(contact -> new ClientData.Contact(contact.phoneNumber(), contact.name()))
                        .toList()));
    }

    /** The single-object envelope: {@code {"client": {...}}}. */
    @Schema(name = "ClientDocument", requiredProperties = "client")
    public record Document(ClientView client) {
    }
}
