package io.parley.directory.role;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.api.text.Bounded;
import io.parley.common.api.text.NotBlankWhenSent;
import io.parley.directory.DirectoryLimits;
import io.parley.directory.OnCreate;

/**
 * The role fields a client may send on create or update; absent fields are {@code null} and, on update, left as they
 * are. {@code access_level} is text so that a wrong value is reported like any other invalid field;
 * {@code permissions}, when sent, replaces the whole dictionary. {@code role_id} is read-only and ignored. The access level's
 * value, the permissions' catalog and the name's uniqueness are checked by the service.
 */
@JsonIgnoreProperties(value = { "role_id" })
public record RoleInput(UUID tenantId,
        @NotNull(groups = OnCreate.class) @NotBlankWhenSent @Bounded(DirectoryLimits.NAME_BYTES) String name,
        @NotNull(groups = OnCreate.class) @NotBlankWhenSent String accessLevel,
        Map<String, List<String>> permissions) {

    /** A request body without the role: every field left out. */
    static final RoleInput ABSENT = new RoleInput(null, null, null, null);

    /** The request envelope: {@code {"role": {...}}}. */
    @Schema(name = "RoleInputDocument")
    public record Document(RoleInput role) {
    }
}
