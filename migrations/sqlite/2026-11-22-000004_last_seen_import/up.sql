-- The latest import whose file held each response. Re-importing an overlapping export marks
-- the responses it still holds, which is how an id the file repeats is told apart from a
-- response an earlier import stored, without a set of ids in memory (store/responses.rs).
ALTER TABLE responses ADD COLUMN last_seen_import INTEGER;
UPDATE responses SET last_seen_import = import_id;
