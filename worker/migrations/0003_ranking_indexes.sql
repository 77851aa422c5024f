-- Consolidated ranking (worker/src/cycle/ranking.ts): a covering index in the order the
-- ranking aggregates — per period, unit, version, then field — so the per-field sums read
-- the index alone, already grouped, with no table lookups and no sort of 100 rows per unit.
-- It starts with (period_id, unit_id, version), so it also serves every lookup the narrower
-- submission_items_latest served; that one is dropped to keep one index to write per item.
-- Never edit this file once landed: add 0004_… instead.
CREATE INDEX submission_items_field_sums ON submission_items
  (period_id, unit_id, version, field_code, kind, adjustment, not_applicable, max_cents, score_cents);
DROP INDEX submission_items_latest;
