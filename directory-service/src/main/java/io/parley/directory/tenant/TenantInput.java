package io.parley.directory.tenant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The tenant fields a client may send on create or update; absent fields are {@code null} and, on update, left as
 * they are. {@code tenant_id} is read-only and ignored.
 */
@JsonIgnoreProperties(value = { "tenant_id" })
public record TenantInput(String name, String timezone, Boolean encryptData) {

    /** The request envelope: {@code {"tenant": {...}}}. */
    public record Document(TenantInput tenant) {
    }
}
