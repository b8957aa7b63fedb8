-- What each import understood and was told: the user's mapping, the file's column names and the
-- role of each column, so "where did these numbers come from?" can be answered per file.
ALTER TABLE imports ADD COLUMN mapping TEXT NOT NULL DEFAULT '{}';
ALTER TABLE imports ADD COLUMN headers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE imports ADD COLUMN roles TEXT NOT NULL DEFAULT '{}';

-- Every value of the response's row (personal data redacted), aligned with imports.headers, so a
-- new mapping can be applied later without the file. NULL for responses stored before this.
ALTER TABLE responses ADD COLUMN original TEXT;
