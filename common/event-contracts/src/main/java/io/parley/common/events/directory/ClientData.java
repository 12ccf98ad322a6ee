package io.parley.common.events.directory;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.events.DataVersion;

/**
 * The {@code data} of {@code client.created}, {@code client.updated} and {@code client.deleted}: the client as
 * {@code GET /api/v2/clients/{id}.json} shows it, with its contacts (for a deletion, as it was).
 */
@DataVersion(1)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientData(@NotNull @Valid Client client) {

    /** The client (OpenAPI {@code ClientView}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Client(@NotNull UUID clientId, @NotNull UUID tenantId,
            @NotNull @Size(max = DirectoryBounds.NAME) String name,
            @Size(max = DirectoryBounds.ENTRIES) List<@NotNull @Valid Contact> contacts) {

        /** The contacts' phone numbers, each once; none when the event leaves them out. */
        public List<String> phoneNumbers() {
            return contacts == null ? List.of() : contacts.stream().map(Contact::phoneNumber).distinct().toList();
        }
    }

    /** A contact (OpenAPI {@code ClientContact}); {@code name} is {@code null} when none was given. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(@NotNull @Size(max = DirectoryBounds.NUMBER) String phoneNumber,
            @Size(max = DirectoryBounds.NAME) String name) {
    }
}
