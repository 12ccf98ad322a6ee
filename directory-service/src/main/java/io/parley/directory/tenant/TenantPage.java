package io.parley.directory.tenant;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.api.paging.Page;

/** A page of the list as the API answers it; {@code total} is left out where it is not known. */
public record TenantPage(List<TenantView> tenants, String nextUrl, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    static TenantPage of(Page<TenantView> page) {
        return new TenantPage(page.items(), page.nextUrl(), page.total());
    }
}
