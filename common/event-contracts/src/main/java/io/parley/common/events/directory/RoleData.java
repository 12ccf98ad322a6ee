package io.parley.common.events.directory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.events.DataVersion;

/**
 * The {@code data} of {@code role.created}, {@code role.updated} and {@code role.deleted}: the role as
 * {@code GET /api/v2/roles/{id}.json} shows it (for a deletion, as it was).
 */
@DataVersion(1)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoleData(@NotNull @Valid Role role) {

    /**
     * The role (OpenAPI {@code RoleView}): its {@code access_level} by its wire name ({@code root}, {@code system},
     * {@code managed_groups}, {@code user}) and its permissions, resource to actions.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Role(@NotNull UUID roleId, @NotNull UUID tenantId,
            @NotNull @Size(max = DirectoryBounds.NAME) String name, String accessLevel,
            Map<String, List<String>> permissions) {
    }
}
