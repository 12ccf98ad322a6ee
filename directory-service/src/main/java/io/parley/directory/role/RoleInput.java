package io.parley.directory.role;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The role fields a client may send on create or update; absent fields are {@code null} and, on update, left as they
 * are. {@code access_level} is text so that a wrong value is reported like any other invalid field;
 * {@code permissions}, when sent, replaces the whole dictionary. {@code role_id} is read-only and ignored.
 */
@JsonIgnoreProperties(value = { "role_id" })
public record RoleInput(UUID tenantId, String name, String accessLevel, Map<String, List<String>> permissions) {

    /** The request envelope: {@code {"role": {...}}}. */
    @Schema(name = "RoleInputDocument")
    public record Document(RoleInput role) {
    }
}
