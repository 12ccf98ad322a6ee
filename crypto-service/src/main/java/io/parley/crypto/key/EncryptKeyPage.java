package io.parley.crypto.key;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.api.paging.Page;

/** A page of the list as the API answers it; {@code total} is left out where it is not known. */
public record EncryptKeyPage(List<EncryptKeyView> encryptKeys, String nextUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    static EncryptKeyPage of(Page<EncryptKeyView> page) {
        return new EncryptKeyPage(page.items(), page.nextUrl(), page.total());
    }
}
