package io.parley.common.events.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries traces across Kafka (docs/configuration.md, "Traces"): the outbox keeps the W3C {@value #HEADER} of the span
 * that recorded an event, the relay sends it as the record's header, and the consumer that applies the event continues
 * that trace in a span of its own. While traces are off every span here is a no-op and no header is read.
 */
@ApplicationScoped
public class EventTraces {

    public static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () -> Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    /** A span applying records, and its scope: closing it ends the span and restores the context before it. */
    public record Applying(Span span, Scope scope) implements AutoCloseable {

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }

    private final Tracer tracer;

    EventTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The W3C traceparent of the current span, to be stored with an event; {@code null} while traces are off. */
    public static String currentTraceParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /**
     * Starts the span that applies one record, current until closed: a child of the span the connector opened for the
     * record where it traces the channel, otherwise of the span that recorded the event (the record's header).
     */
    public Applying applying(ConsumerRecord<?, ?> record, String consumer) {
        Context parent = Span.current().getSpanContext().isValid() ? Context.current()
                : W3C.extract(Context.root(), record.headers(), KAFKA_HEADERS);
        Span span = tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .startSpan();
        return new Applying(span, span.makeCurrent());
    }

    /**
     * Starts one span that applies a batch of records, current until closed, linked to the trace of each record that
     * has one: a span per record would cost the batch's work many times over.
     */
    public Applying applyingBatch(String topic, Iterable<? extends ConsumerRecord<?, ?>> records) {
        Span span = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER).setNoParent()
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .startSpan();
        if (span.isRecording()) {
            int count = 0;
            for (ConsumerRecord<?, ?> record : records) {
                count++;
                SpanContext sender = Span.fromContext(W3C.extract(Context.root(), record.headers(), KAFKA_HEADERS))
                        .getSpanContext();
                if (sender.isValid()) {
                    span.addLink(sender);
                }
            }
            span.setAttribute("messaging.batch.message_count", count);
        }
        return new Applying(span, span.makeCurrent());
    }
}
