-- Ingest inserts every call into four trigram indexes (V2). GIN defers those inserts to a pending list and merges it
-- into the index when it passes gin_pending_list_limit (4 MB by default), in whichever transaction passes it: that
-- ingest batch then took hundreds of milliseconds. Lists of 256 kB are merged sixteen times as often, each in a
-- sixteenth of the time, so that no batch waits long.
ALTER INDEX call_from_number_trgm_idx SET (gin_pending_list_limit = 256);
ALTER INDEX call_to_number_trgm_idx SET (gin_pending_list_limit = 256);
ALTER INDEX call_from_name_trgm_idx SET (gin_pending_list_limit = 256);
ALTER INDEX call_to_name_trgm_idx SET (gin_pending_list_limit = 256);
