-- The log is read by position, stream, type and transaction id, never filtered on its JSON: the planner has no use
-- for statistics of data and metadata. Gathering them made every auto-analyze of a growing log decompress and read
-- tens of thousands of sampled events, a second of CPU or more on a small server, in the middle of the ingest.
ALTER TABLE events ALTER COLUMN data SET STATISTICS 0;
ALTER TABLE events ALTER COLUMN metadata SET STATISTICS 0;
ALTER INDEX events_article_idx ALTER COLUMN 1 SET STATISTICS 0;
