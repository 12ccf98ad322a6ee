package io.parley.gateway.routing;

import java.time.Duration;

import io.parley.common.api.error.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyResponse;

/** The answers the gateway gives itself, in the API's shapes. */
final class GatewayResponses {

    private static final ApiError UNAVAILABLE = ApiError.of("ServiceUnavailable",
            "The service is temporarily unavailable, please retry");
    private static final ApiError NOT_FOUND = ApiError.of("NotFound", "No such resource");

    private GatewayResponses() {
    }

    /** 401 text/plain with the Basic challenge (reference 2.5). */
    static void unauthorized(HttpServerResponse response, String realm) {
        response.setStatusCode(401)
                .putHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .end("Authentication required");
    }

    /** 429 with {@code Retry-After} in seconds, after too many failed credential checks. */
    static void tooManyFailures(HttpServerResponse response, Duration retryAfter) {
        response.putHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
        json(response, 429, ApiError.of("TooManyRequests",
                "Too many failed sign-in attempts, retry after " + retryAfter.toSeconds() + " seconds"));
    }

    static void notFound(HttpServerResponse response) {
        json(response, 404, NOT_FOUND);
    }

    static void serviceUnavailable(HttpServerResponse response) {
        json(response, 503, UNAVAILABLE);
    }

    static void serviceUnavailable(ProxyResponse response) {
        response.setStatusCode(503)
                .setStatusMessage("Service Unavailable")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .setBody(Body.body(Buffer.buffer(Json.encode(UNAVAILABLE))));
    }

    private static void json(HttpServerResponse response, int status, ApiError error) {
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(error));
    }
}
