-- The trace an event belongs to: the W3C traceparent of the span that recorded it, when traces are on. The relay sends
-- it as the record's traceparent header, so that the consumer that applies the event continues the same trace.
ALTER TABLE outbox_event ADD COLUMN trace_parent text;
