package io.parley.directory.group;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.api.text.Bounded;
import io.parley.common.api.text.NotBlankWhenSent;
import io.parley.common.api.time.IanaTimezone;
import io.parley.directory.DirectoryLimits;
import io.parley.directory.OnCreate;

/**
 * The group fields a client may send on create or update; absent fields are {@code null} and, on update, left as
 * they are (an empty {@code timezone} clears it). {@code group_id} is read-only and ignored. {@code tenant_id} is
 * checked against the tenants (TenantOwnership), the name's uniqueness against the tenant's groups.
 */
@JsonIgnoreProperties(value = { "group_id" })
public record GroupInput(UUID tenantId,
        @NotNull(groups = OnCreate.class) @NotBlankWhenSent @Bounded(DirectoryLimits.NAME_BYTES) String name,
        @IanaTimezone String timezone) {

    /** A request body without the group: every field left out. */
    static final GroupInput ABSENT = new GroupInput(null, null, null);

    /** The request envelope: {@code {"group": {...}}}. */
    @Schema(name = "GroupInputDocument")
    public record Document(GroupInput group) {
    }
}
