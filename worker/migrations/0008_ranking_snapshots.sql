-- Rankings served from snapshots (issue 17; worker/src/cycle/ranking-snapshot.ts):
--   ranking_units           one row per (period, unit) with data: its result as the ranking
--                           counts it, computed with the engine's combineScores;
--   ranking_periods         per period, a generation every write that can change its ranking
--                           bumps, and the description of the stored snapshot;
--   ranking_snapshot_chunks the stored ranking in rank order, a JSON array of ranked units
--                           per row (500 a row);
--   ranking_structure       one generation for what every period's ranking reads beside its
--                           own rows (units, merges, baselines, which periods exist).
-- Invalidation is done by triggers, one per table written, so no write path — a route, the
-- seed, the admin CLI — can change a ranking's inputs and leave its snapshot standing.
-- Never edit this file once landed: add 0009_… instead.

-- The score a leaf would have without its condition (`requires`) when that differs from
-- score_cents (the report's scoreIfConditionMet): appraised scores combine from it. Rows are
-- append-only, so the backfill lifts the UPDATE guard for its one statement.
ALTER TABLE submission_items ADD COLUMN raw_cents INTEGER;
DROP TRIGGER submission_items_no_update;
UPDATE submission_items SET raw_cents = (
  SELECT CAST(round(json_extract(j.value, '$.scoreIfConditionMet') * 100) AS INTEGER)
  FROM submissions s, json_each(s.report, '$.items') j
  WHERE s.id = submission_items.submission_id AND json_extract(j.value, '$.code') = submission_items.code)
WHERE submission_id IN (SELECT id FROM submissions WHERE json_valid(report) AND instr(report, '"scoreIfConditionMet"') > 0);
CREATE TRIGGER submission_items_no_update BEFORE UPDATE ON submission_items
BEGIN
  SELECT RAISE(ABORT, 'submission items are append-only');
END;

-- A period's latest versions and each unit's first submission time, read from the index
-- alone (the unique key starts with the unit; a row carries its grid and report).
CREATE INDEX submissions_period_latest ON submissions (period_id, unit_id, version, created_at);

-- rev counts the writes that touched the unit; computed_rev is the rev the result columns
-- were computed at (computed_rev < rev: to compute again before the next ranking).
CREATE TABLE ranking_units (
  period_id    TEXT    NOT NULL,
  unit_id      TEXT    NOT NULL,
  rev          INTEGER NOT NULL DEFAULT 1,
  computed_rev INTEGER NOT NULL DEFAULT 0,
  percent      REAL,
  band         TEXT,
  status       TEXT,
  first_at     TEXT,
  -- total, max, fields, self and appraised score, survey part, basis (JSON)
  entry        TEXT,
  -- effective leaf scores after conditions, as [code, cents, max cents] (JSON): analysis, history
  items        TEXT,
  PRIMARY KEY (period_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX ranking_units_dirty ON ranking_units (period_id, unit_id) WHERE computed_rev < rev;

-- built: the generation the stored snapshot reflects (NULL: none). It also names the
-- generations of what it read beside its rows, and the span of time in which its
-- "on time" answers for units yet to submit hold (ms since the epoch: after < now ≤ until).
CREATE TABLE ranking_periods (
  period_id        TEXT    NOT NULL PRIMARY KEY,
  generation       INTEGER NOT NULL DEFAULT 1,
  built            INTEGER,
  structure        INTEGER,
  prior_period_id  TEXT,
  prior_generation INTEGER,
  valid_after      INTEGER,
  valid_until      INTEGER,
  head             TEXT
);

CREATE TABLE ranking_structure (
  id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO ranking_structure (id, generation) VALUES (1, 1);

-- Every read takes a period's whole ranking in order, and a build writes it all again: a row
-- per unit cost a B-tree entry and a JSON extraction per unit on every build (20,000 at the
-- national scale); a row per 500 units is written as it is.
CREATE TABLE ranking_snapshot_chunks (
  period_id TEXT    NOT NULL,
  chunk     INTEGER NOT NULL,
  -- a JSON array of the ranked units as the API answers them
  items     TEXT    NOT NULL,
  PRIMARY KEY (period_id, chunk)
);

-- A unit's inputs: its versions, its appraisal (status and scores), its survey scores.
CREATE TRIGGER ranking_on_submission AFTER INSERT ON submissions
BEGIN
  INSERT INTO ranking_units (period_id, unit_id) VALUES (NEW.period_id, NEW.unit_id) ON CONFLICT (period_id, unit_id) DO UPDATE SET rev = rev + 1;
  INSERT INTO ranking_periods (period_id) VALUES (NEW.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_review_event AFTER INSERT ON review_events
BEGIN
  INSERT INTO ranking_units (period_id, unit_id) VALUES (NEW.period_id, NEW.unit_id) ON CONFLICT (period_id, unit_id) DO UPDATE SET rev = rev + 1;
  INSERT INTO ranking_periods (period_id) VALUES (NEW.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_appraisal_insert AFTER INSERT ON appraisal_items
BEGIN
  INSERT INTO ranking_units (period_id, unit_id) VALUES (NEW.period_id, NEW.unit_id) ON CONFLICT (period_id, unit_id) DO UPDATE SET rev = rev + 1;
  INSERT INTO ranking_periods (period_id) VALUES (NEW.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_appraisal_update AFTER UPDATE ON appraisal_items
BEGIN
  INSERT INTO ranking_units (period_id, unit_id) VALUES (NEW.period_id, NEW.unit_id) ON CONFLICT (period_id, unit_id) DO UPDATE SET rev = rev + 1;
  INSERT INTO ranking_periods (period_id) VALUES (NEW.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_appraisal_delete AFTER DELETE ON appraisal_items
BEGIN
  INSERT INTO ranking_units (period_id, unit_id) VALUES (OLD.period_id, OLD.unit_id) ON CONFLICT (period_id, unit_id) DO UPDATE SET rev = rev + 1;
  INSERT INTO ranking_periods (period_id) VALUES (OLD.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_survey_insert AFTER INSERT ON survey_scores
BEGIN
  INSERT INTO ranking_units (period_id, unit_id) VALUES (NEW.period_id, NEW.unit_id) ON CONFLICT (period_id, unit_id) DO UPDATE SET rev = rev + 1;
  INSERT INTO ranking_periods (period_id) VALUES (NEW.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_survey_update AFTER UPDATE ON survey_scores
BEGIN
  INSERT INTO ranking_units (period_id, unit_id) VALUES (NEW.period_id, NEW.unit_id) ON CONFLICT (period_id, unit_id) DO UPDATE SET rev = rev + 1;
  INSERT INTO ranking_periods (period_id) VALUES (NEW.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_survey_delete AFTER DELETE ON survey_scores
BEGIN
  INSERT INTO ranking_units (period_id, unit_id) VALUES (OLD.period_id, OLD.unit_id) ON CONFLICT (period_id, unit_id) DO UPDATE SET rev = rev + 1;
  INSERT INTO ranking_periods (period_id) VALUES (OLD.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;

-- A period's own deadlines decide "on time".
CREATE TRIGGER ranking_on_exception_insert AFTER INSERT ON deadline_exceptions
BEGIN
  INSERT INTO ranking_periods (period_id) VALUES (NEW.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_exception_update AFTER UPDATE ON deadline_exceptions
BEGIN
  INSERT INTO ranking_periods (period_id) VALUES (NEW.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
  INSERT INTO ranking_periods (period_id) VALUES (OLD.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_exception_delete AFTER DELETE ON deadline_exceptions
BEGIN
  INSERT INTO ranking_periods (period_id) VALUES (OLD.period_id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER ranking_on_period_deadline AFTER UPDATE OF deadline ON periods
BEGIN
  INSERT INTO ranking_periods (period_id) VALUES (NEW.id) ON CONFLICT (period_id) DO UPDATE SET generation = generation + 1;
END;

-- What every ranking reads beside its own rows: which units a period has, their names and
-- parents, merges (year over year), stated baselines, and which period is last year's.
CREATE TRIGGER ranking_on_unit_insert AFTER INSERT ON units
BEGIN
  UPDATE ranking_structure SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER ranking_on_unit_update AFTER UPDATE ON units
BEGIN
  UPDATE ranking_structure SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER ranking_on_successor_insert AFTER INSERT ON unit_successors
BEGIN
  UPDATE ranking_structure SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER ranking_on_successor_update AFTER UPDATE ON unit_successors
BEGIN
  UPDATE ranking_structure SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER ranking_on_successor_delete AFTER DELETE ON unit_successors
BEGIN
  UPDATE ranking_structure SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER ranking_on_baseline_insert AFTER INSERT ON ranking_baselines
BEGIN
  UPDATE ranking_structure SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER ranking_on_baseline_update AFTER UPDATE ON ranking_baselines
BEGIN
  UPDATE ranking_structure SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER ranking_on_baseline_delete AFTER DELETE ON ranking_baselines
BEGIN
  UPDATE ranking_structure SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER ranking_on_period_insert AFTER INSERT ON periods
BEGIN
  INSERT OR IGNORE INTO ranking_periods (period_id) VALUES (NEW.id);
  UPDATE ranking_structure SET generation = generation + 1 WHERE id = 1;
END;

-- Data stored before this migration: every (period, unit) with data is to be computed.
INSERT INTO ranking_units (period_id, unit_id)
SELECT period_id, unit_id FROM submissions UNION SELECT period_id, unit_id FROM survey_scores;
INSERT INTO ranking_periods (period_id) SELECT id FROM periods;
