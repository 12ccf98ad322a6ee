package io.parley.common.api.tracing;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps the values of query strings out of every span, as the access log keeps the query string out of its lines: a
 * signed playback URL carries its signature and sealed data keys there, and searches carry the numbers searched. The
 * HTTP server's and client's spans record {@code url.query} and {@code url.full} when they start; each value is
 * replaced by {@value #LEFT_OUT}, the parameters' names stay.
 */
@Singleton
public class QueryValuesLeftOut implements SpanProcessor {

    static final String LEFT_OUT = "REDACTED";
    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> FULL = AttributeKey.stringKey("url.full");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(QUERY);
        if (query != null) {
            span.setAttribute(QUERY, namesOnly(query));
        }
        String full = span.getAttribute(FULL);
        int start = full == null ? -1 : full.indexOf('?');
        if (start >= 0) {
            span.setAttribute(FULL, full.substring(0, start + 1) + namesOnly(full.substring(start + 1)));
        }
    }

    /** {@code expires=1&sign=abc} as {@code expires=REDACTED&sign=REDACTED}. */
    static String namesOnly(String query) {
        return Arrays.stream(query.split("&", -1))
                .map(parameter -> parameter.isEmpty() ? parameter
                        : parameter.substring(0, indexOrLength(parameter, '=')) + "=" + LEFT_OUT)
                .collect(Collectors.joining("&"));
    }

    private static int indexOrLength(String text, char character) {
        int index = text.indexOf(character);
        return index < 0 ? text.length() : index;
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
