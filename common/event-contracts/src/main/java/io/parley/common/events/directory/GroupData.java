package io.parley.common.events.directory;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.events.DataVersion;

/**
 * The {@code data} of {@code group.created}, {@code group.updated} and {@code group.deleted}: the group as
 * {@code GET /api/v2/groups/{id}.json} shows it (for a deletion, as it was).
 */
@DataVersion(1)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupData(@NotNull @Valid Group group) {

    /** The group (OpenAPI {@code GroupView}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(@NotNull UUID groupId, @NotNull UUID tenantId,
            @NotNull @Size(max = DirectoryBounds.NAME) String name, String timezone) {
    }
}
