-- Applied events are remembered for a while, not forever (ProcessedEventRetention): a block-range index finds the
-- old ones at almost no cost to inserts, which come in time order.
CREATE INDEX processed_event_processed_at_idx ON processed_event USING brin (processed_at);
