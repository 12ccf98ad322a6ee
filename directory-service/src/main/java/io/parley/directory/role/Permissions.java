package io.parley.directory.role;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parley.common.api.error.FieldErrors;

/**
 * The catalog of resources a role's {@code permissions} may name, and the operations each one knows (reference
 * 3.5.1). It is the one definition: validation reads it, and {@code docs/permissions-catalog.md} lists it line by
 * line (a test keeps the two equal). A new release may add resources and operations; it never renames one.
 */
public final class Permissions {

    /** Resource name to its operations, in the order the documentation lists them. */
    public static final Map<String, List<String>> CATALOG = catalog();

    private Permissions() {
    }

    private static Map<String, List<String>> catalog() {
        Map<String, List<String>> catalog = new LinkedHashMap<>();
        catalog.put("calls", List.of("view", "playback", "live_monitor", "categorize", "add_notes", "delete",
                "pause_recording", "export", "on_demand_trigger"));
        catalog.put("calls_own", List.of("view", "playback", "delete"));
        catalog.put("users", List.of("view", "add", "edit", "delete"));
        catalog.put("groups", List.of("view", "add", "edit", "delete"));
        catalog.put("roles", List.of("view", "add", "edit", "delete"));
        catalog.put("tenants", List.of("view", "add", "edit", "delete"));
        catalog.put("clients", List.of("view", "add", "edit", "delete"));
        catalog.put("encrypt_keys", List.of("view", "add", "edit", "delete", "grant"));
        catalog.put("call_categories", List.of("view", "edit", "delete"));
        catalog.put("call_notes", List.of("view", "pin"));
        catalog.put("recorder", List.of("publish"));
        // the reference's own role examples carry these two: a client copying them must not be refused
        catalog.put("system", List.of("view", "edit"));
        return Collections.unmodifiableMap(catalog);
    }

    /**
     * Records a {@code permissions.<resource>} error for every resource the catalog does not know, and for every
     * resource whose list is missing or holds an operation the catalog does not list for it.
     */
    static void validate(Map<String, List<String>> permissions, FieldErrors errors) {
        if (permissions == null) {
            return;
        }
        permissions.forEach((resource, operations) -> {
            String field = "permissions." + resource;
            List<String> known = CATALOG.get(resource);
            if (known == null) {
                errors.invalid(field, "is not a known resource");
            } else if (operations == null || operations.stream().anyMatch(operation -> !isKnown(known, operation))) {
                errors.invalid(field, "must be a list of known operations: " + String.join(", ", known));
            }
        });
    }

    private static boolean isKnown(List<String> known, String operation) {
        return operation != null && known.contains(operation);
    }

    /** A valid dictionary in catalog order, each operation once and in catalog order; {@code null} is empty. */
    static Map<String, List<String>> normalize(Map<String, List<String>> permissions) {
        Map<String, List<String>> normalized = new LinkedHashMap<>();
        if (permissions == null) {
            return normalized;
        }
        CATALOG.forEach((resource, known) -> {
            List<String> operations = permissions.get(resource);
            if (operations != null) {
                normalized.put(resource, known.stream().filter(operations::contains).toList());
            }
        });
        return normalized;
    }
}
