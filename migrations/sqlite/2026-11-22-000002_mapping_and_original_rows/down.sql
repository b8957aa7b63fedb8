ALTER TABLE responses DROP COLUMN original;
ALTER TABLE imports DROP COLUMN roles;
ALTER TABLE imports DROP COLUMN headers;
ALTER TABLE imports DROP COLUMN mapping;
