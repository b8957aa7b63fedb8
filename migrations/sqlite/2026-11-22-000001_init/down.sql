DROP TABLE responses;
DROP TABLE imports;
DROP TABLE journeys;
