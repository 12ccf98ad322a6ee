-- A call has a few participants, so the participants table holds about half as many call ids as rows, however large
-- it grows. ANALYZE, sampling a young table, took its call ids for a fixed few: a batch's participants, looked up by
-- their calls' ids, were then estimated as most of the table and read with a sequential scan (up to 340 ms a batch
-- in the ingest benchmark). Stated as a ratio, the estimate grows with the table; it applies from the next ANALYZE.
ALTER TABLE call_participant ALTER COLUMN call_id SET (n_distinct = -0.5);
