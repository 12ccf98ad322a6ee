package io.parley.directory.client;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.api.text.Bounded;
import io.parley.common.api.text.NotBlankWhenSent;
import io.parley.directory.DirectoryLimits;
import io.parley.directory.OnCreate;

/**
 * The client fields a caller may send on create or update; absent fields are {@code null} and, on update, left as
 * they are. {@code contacts}, when sent, is the whole list. {@code client_id} is read-only and ignored.
 * {@code tenant_id} is checked against the tenants (TenantOwnership), the name's uniqueness against the tenant's
 * clients.
 */
@JsonIgnoreProperties(value = { "client_id" })
public record ClientInput(UUID tenantId,
        @NotNull(groups = OnCreate.class) @NotBlankWhenSent @Bounded(DirectoryLimits.NAME_BYTES) String name,
        @NotNull(groups = OnCreate.class) @NotBlankWhenSent(message = "At least one contact is required") @Size(max = DirectoryLimits.LIST_ENTRIES, message = "must have at most {max} entries") List<@Valid Contact> contacts) {

    /** A request body without the client: every field left out. */
    static final ClientInput ABSENT = new ClientInput(null, null, null);

    /** One contact: {@code phone_number} required, {@code name} optional. */
    @Schema(name = "ClientInputContact", requiredProperties = "phone_number")
    public record Contact(@NotBlank @Bounded(DirectoryLimits.NUMBER_BYTES) String phoneNumber,
            @Schema(nullable = true) @Bounded(DirectoryLimits.NAME_BYTES) String name) {
    }

    /** The request envelope: {@code {"client": {...}}}. */
    @Schema(name = "ClientInputDocument")
    public record Document(ClientInput client) {
    }
}
