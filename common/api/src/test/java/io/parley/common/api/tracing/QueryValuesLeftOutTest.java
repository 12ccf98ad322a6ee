package io.parley.common.api.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

class QueryValuesLeftOutTest {

    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new QueryValuesLeftOut())
            .build();

    @Test
    void aSignedUrlsSignatureStaysOutOfItsSpansKeepingTheParametersNames() {
        Span span = provider.get("test").spanBuilder("GET /calls/file/{call_id}/signed").setSpanKind(SpanKind.SERVER)
                .setAttribute("url.query", "expires=1796187234&key=local&sign=wcoYuJRytwKCEddal")
                .setAttribute("url.full", "http://call-service:8080/calls/file/1/signed?expires=1&sign=wcoYuJRytwKCEddal")
                .setAttribute("url.path", "/calls/file/1/signed")
                .startSpan();

        ReadableSpan recorded = (ReadableSpan) span;
        assertEquals("expires=REDACTED&key=REDACTED&sign=REDACTED",
                recorded.getAttribute(AttributeKey.stringKey("url.query")));
        assertEquals("http://call-service:8080/calls/file/1/signed?expires=REDACTED&sign=REDACTED",
                recorded.getAttribute(AttributeKey.stringKey("url.full")));
        assertEquals("/calls/file/1/signed", recorded.getAttribute(AttributeKey.stringKey("url.path")));
        span.end();
    }

    @Test
    void aParameterWithoutValueAndAnEmptyQueryKeepTheirShape() {
        assertEquals("flag=REDACTED&q=REDACTED", QueryValuesLeftOut.namesOnly("flag&q=1234"));
        assertEquals("", QueryValuesLeftOut.namesOnly(""));
    }
}
