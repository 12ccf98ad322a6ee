package io.parley.directory.group;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The group fields a client may send on create or update; absent fields are {@code null} and, on update, left as
 * they are (an empty {@code timezone} clears it). {@code group_id} is read-only and ignored.
 */
@JsonIgnoreProperties(value = { "group_id" })
public record GroupInput(UUID tenantId, String name, String timezone) {

    /** The request envelope: {@code {"group": {...}}}. */
    @Schema(name = "GroupInputDocument")
    public record Document(GroupInput group) {
    }
}
