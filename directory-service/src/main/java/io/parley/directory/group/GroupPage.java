package io.parley.directory.group;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.api.paging.Page;

/** A page of the list as the API answers it; {@code total} is left out where it is not known. */
public record GroupPage(List<GroupView> groups, String nextUrl, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    static GroupPage of(Page<GroupView> page) {
        return new GroupPage(page.items(), page.nextUrl(), page.total());
    }
}
