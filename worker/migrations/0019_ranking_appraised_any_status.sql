-- A unit once appraised now ranks on its appraised scores whatever its status (under review,
-- returned for explanation, explained, final, reopened), not only once final: a reopened
-- 85,5 % result was published as its self-assessed 87,5 %, and a unit returned for
-- explanation ranked on its self-score by not answering (src/cycle/unit-result.ts; CYC1-3,
-- CYC1-4). Results stored before this migration for appraised units are computed again, and
-- every period's snapshot is built again, when next read.
-- Never edit this file once landed: add the next migration instead.
UPDATE ranking_units SET rev = rev + 1
WHERE EXISTS (SELECT 1 FROM appraisal_items a WHERE a.period_id = ranking_units.period_id AND a.unit_id = ranking_units.unit_id);
UPDATE ranking_periods SET generation = generation + 1;
