package io.parley.directory.client;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The client fields a caller may send on create or update; absent fields are {@code null} and, on update, left as
 * they are. {@code contacts}, when sent, is the whole list. {@code client_id} is read-only and ignored.
 */
@JsonIgnoreProperties(value = { "client_id" })
public record ClientInput(UUID tenantId, String name, List<Contact> contacts) {

    /** One contact: {@code phone_number} required, {@code name} optional. */
    @Schema(name = "ClientInputContact", requiredProperties = "phone_number")
    public record Contact(String phoneNumber, @Schema(nullable = true) String name) {
    }

    /** The request envelope: {@code {"client": {...}}}. */
    @Schema(name = "ClientInputDocument")
    public record Document(ClientInput client) {
    }
}
