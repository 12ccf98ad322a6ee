-- A number's calls (phone_number equal_to and starts_with without letters) are read from the number B-trees alone:
-- each entry holds the tenant a caller's scope is checked against and what a page of calls is ordered by, so that
-- the thousand calls of a number's beginning are not each read from the table. The two numbers are looked up as a
-- UNION (search/CallQuery), where one condition on both would read every match from the table.
-- Rebuilding them blocks writes to calls while they build: about a minute per ten million calls; recorders' events
-- wait in Kafka meanwhile.
DROP INDEX call_from_number_idx;
DROP INDEX call_to_number_idx;
CREATE INDEX call_from_number_idx ON call (from_number text_pattern_ops) INCLUDE (tenant_id, setup_time, call_id);
CREATE INDEX call_to_number_idx ON call (to_number text_pattern_ops) INCLUDE (tenant_id, setup_time, call_id);
