-- A unit ranked on survey scores alone (nothing sent) now has the sub-index of the fields that
-- hold its survey scores, not null (src/cycle/unit-result.ts; API round 5, API5-5). Results
-- stored before this migration had every field null: those units are computed again, and every
-- period's snapshot is built again, when next read.
-- Never edit this file once landed: add the next migration instead.
UPDATE ranking_units SET rev = rev + 1 WHERE json_extract(entry, '$.basis') = 'none' AND json_extract(entry, '$.survey.imported') = 1;
UPDATE ranking_periods SET generation = generation + 1;
