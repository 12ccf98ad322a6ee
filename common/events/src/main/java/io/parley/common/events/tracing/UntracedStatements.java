package io.parley.common.events.tracing;

import java.util.List;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Samples as the extension does by default (a child as its parent, every new trace), except a database statement that
 * starts a trace: the outbox relay's and the housekeeping's timed queries, which serve no request or event, would
 * otherwise send a trace of one statement every few seconds.
 */
@Singleton
public class UntracedStatements implements Sampler {

    private static final Sampler DEFAULT = Sampler.parentBased(Sampler.alwaysOn());
    private static final List<AttributeKey<String>> DATABASE = List.of(AttributeKey.stringKey("db.system.name"),
            AttributeKey.stringKey("db.system"));

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()
                && DATABASE.stream().anyMatch(key -> attributes.get(key) != null)) {
            return SamplingResult.drop();
        }
        return DEFAULT.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "UntracedStatements{" + DEFAULT.getDescription() + "}";
    }
}
