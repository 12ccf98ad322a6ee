package io.parley.directory.role;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.api.paging.Page;

/** A page of the list as the API answers it; {@code total} is left out where it is not known. */
public record RolePage(List<RoleView> roles, String nextUrl, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    static RolePage of(Page<RoleView> page) {
        return new RolePage(page.items(), page.nextUrl(), page.total());
    }
}
