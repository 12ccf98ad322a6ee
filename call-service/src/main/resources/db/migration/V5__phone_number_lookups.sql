-- Phone numbers looked up whole (equal_to) or by their beginning (starts_with): a B-tree per number column serves
-- both, with estimates precise enough for the planner to prefer it over walking the calls in time order.
CREATE INDEX call_from_number_idx ON call (from_number text_pattern_ops);
CREATE INDEX call_to_number_idx ON call (to_number text_pattern_ops);
