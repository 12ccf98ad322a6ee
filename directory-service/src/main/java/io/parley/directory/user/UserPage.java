package io.parley.directory.user;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.api.paging.Page;

/** A page of the list as the API answers it; {@code total} is left out where it is not known. */
public record UserPage(List<UserView> users, String nextUrl, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    static UserPage of(Page<UserView> page) {
        return new UserPage(page.items(), page.nextUrl(), page.total());
    }
}
