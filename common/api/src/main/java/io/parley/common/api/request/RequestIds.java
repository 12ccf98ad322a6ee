package io.parley.common.api.request;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id that follows one API request from the gateway through every service, in the
 * {@value #HEADER} header and in the {@value #MDC_KEY} field of every log line written while serving it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id when it is a plain token of sensible length, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
