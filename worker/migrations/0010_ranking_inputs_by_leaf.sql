-- A ranking built from nothing (after a survey import or an appraisal touches every unit) reads
-- each unit's latest leaves, combines them and writes the unit's result (ranking-units.ts).
-- Never edit this file once landed: add 0011_… instead.

-- 1. The leaves are read from one covering index, in code order: code and raw_cents (the score
--    before a condition zeroed it) were not in submission_items_field_sums, so every leaf was a
--    lookup in the table. The new index covers every reader of submission_items (the ranking
--    inputs, the appraisal's starting scores, the unit's item list); field_code, which only the
--    old index held, is read by none, so the old one is dropped: still one index to write per item.
CREATE INDEX submission_items_leaves ON submission_items
  (period_id, unit_id, version, code, raw_cents, score_cents, not_applicable, max_cents, adjustment, kind);
DROP INDEX submission_items_field_sums;

-- 2. ranking_units.items now holds a unit's effective leaf scores as one number per leaf of the
--    period's criteria set, in set order (null: the leaf does not count), instead of
--    [code, cents, max cents] triples: the code and the maximum are the set's, which a period
--    never changes, and the row is a quarter of the size. Results stored in the old form are
--    computed again when next read.
UPDATE ranking_units SET items = NULL, computed_rev = 0;
