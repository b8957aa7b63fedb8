ALTER TABLE responses DROP COLUMN last_seen_import;
