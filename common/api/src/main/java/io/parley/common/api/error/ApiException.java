package io.parley.common.api.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure the caller can act on, carrying its HTTP status and the section 2.4 error body. Services throw it; one
 * mapper turns it into the response.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final ApiError error;
    private final Duration retryAfter;

    public ApiException(int status, ApiError error) {
        this(status, error, null);
    }

    private ApiException(int status, ApiError error, Duration retryAfter) {
        super(error.description(), null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    /** When to send the request again ({@code Retry-After}), where the refusal says. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 400 naming one field. */
    public static ApiException invalidField(String fieldName, String code, String description) {
        return invalid(List.of(new ApiError.FieldError(fieldName, code, description)));
    }

    /** 400 naming every rejected field. */
    public static ApiException invalid(List<ApiError.FieldError> fields) {
        return new ApiException(400, ApiError.invalid(fields));
    }

    /** 400 for a query parameter that cannot be served. */
    public static ApiException invalidParameter(String parameter, String description) {
        return invalidField(parameter, "invalid", description);
    }

    /** 404 for an object that does not exist or lies outside the caller's scope. */
    public static ApiException notFound(String resource) {
        return new ApiException(404, ApiError.of("NotFound", resource + " not found"));
    }

    /** 413 for a request body longer than the endpoint takes. */
    public static ApiException payloadTooLarge(long maxBytes) {
        return new ApiException(413, ApiError.of("PayloadTooLarge",
                "The request body must be at most " + maxBytes + " bytes"));
    }

    /**
     * 503 for a request that needs a service or store that cannot answer now; it is answered with
     * {@code Retry-After}, like a database that cannot be used, so that clients send it again in a moment.
     */
    public static ApiException unavailable(String description) {
        return new ApiException(503, ApiError.of("ServiceUnavailable", description));
    }

    /**
     * 429 for a caller that has too much of one kind of work running already; answered with {@code Retry-After}, the
     * time within which what runs has finished.
     */
    public static ApiException tooManyRequests(String description, Duration retryAfter) {
        return new ApiException(429, ApiError.of("TooManyRequests", description), retryAfter);
    }

    /** 409 for a request that conflicts with the current state. */
    public static ApiException conflict(String error, String description) {
        return new ApiException(409, ApiError.of(error, description));
    }
}
