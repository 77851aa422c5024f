-- A field made only of survey items now has no sub-index (null, empty in the exports) for a unit
-- with no survey score in it — before the survey is imported, or a unit not in the survey —
-- instead of 0 %: the survey column says "Chưa nhập" beside it (src/cycle/unit-result.ts). The
-- total is unchanged. Every stored result is computed again (entries are stored by position,
-- so which units hold such a field is not a WHERE away), and every period's snapshot is built
-- again, when next read.
-- Never edit this file once landed: add the next migration instead.
UPDATE ranking_units SET rev = rev + 1;
UPDATE ranking_periods SET generation = generation + 1;
