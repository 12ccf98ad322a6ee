package io.parley.common.events.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

/** A statement is traced within a request's or an event's trace, never as a trace of its own. */
class UntracedStatementsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Attributes STATEMENT = Attributes.builder().put("db.system.name", "postgresql").build();

    private final UntracedStatements sampler = new UntracedStatements();

    @Test
    void aStatementOutsideAnyTraceIsNotRecorded() {
        assertEquals(SamplingDecision.DROP, decide(Context.root(), SpanKind.CLIENT, STATEMENT));
    }

    @Test
    void aStatementWithinATraceIsRecorded() {
        Context request = Context.root().with(Span.wrap(SpanContext.create(TRACE_ID, "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault())));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(request, SpanKind.CLIENT, STATEMENT));
    }

    @Test
    void aRequestStartsATrace() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.SERVER, Attributes.empty()));
    }

    private SamplingDecision decide(Context parent, SpanKind kind, Attributes attributes) {
        return sampler.shouldSample(parent, TRACE_ID, "span", kind, attributes, List.of()).getDecision();
    }
}
