package io.parley.directory.client;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client as the API shows it (reference 3.2.1), and as the directory's events carry it. */
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

    /** The single-object envelope: {@code {"client": {...}}}. */
    @Schema(name = "ClientDocument", requiredProperties = "client")
    public record Document(ClientView client) {
    }
}
