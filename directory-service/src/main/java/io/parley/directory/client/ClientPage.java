package io.parley.directory.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.api.paging.Page;

/** A page of the list as the API answers it; {@code total} is left out where it is not known. */
public record ClientPage(List<ClientView> clients, String nextUrl, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    static ClientPage of(Page<ClientView> page) {
        return new ClientPage(page.items(), page.nextUrl(), page.total());
    }
}
