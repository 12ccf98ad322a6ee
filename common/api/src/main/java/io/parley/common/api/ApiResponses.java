package io.parley.common.api;

import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Responses whose shape the API fixes for every resource. */
public final class ApiResponses {

    private ApiResponses() {
    }

    /**
     * {@code 201 Created} for a new object: {@code Location: /api/v2/<plural>/<id>.json} and the same path as
     * {@code {"url": ...}}.
     */
    public static Response created(String path) {
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, path)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("url", path))
                .build();
    }
}
