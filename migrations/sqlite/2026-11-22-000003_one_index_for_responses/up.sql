-- The unique (journey_id, source, response_key) index already finds a journey's responses;
-- a second index on (journey_id, id) made every insert update one more B-tree for a sort
-- that a report of a whole journey can do itself.
DROP INDEX responses_by_journey;
