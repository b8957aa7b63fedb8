CREATE INDEX responses_by_journey ON responses (journey_id, id);
