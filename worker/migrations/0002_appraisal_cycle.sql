-- The yearly cycle after submission: appraisal rounds, explanations, survey scores,
-- per-item scores for a fast consolidated ranking, stated baselines, archived files.
-- Never edit this file once landed: add 0003_… instead.

-- Per-leaf scores of each submitted version (the server's report, flattened), written in
-- the submission's own batch. The ranking aggregates these rows instead of parsing reports.
CREATE TABLE submission_items (
  submission_id TEXT    NOT NULL REFERENCES submissions (id),
  period_id     TEXT    NOT NULL,
  unit_id       TEXT    NOT NULL,
  version       INTEGER NOT NULL,
  code          TEXT    NOT NULL,
  field_code    TEXT    NOT NULL,
  kind          TEXT    NOT NULL,
  max_cents     INTEGER NOT NULL,
  score_cents   INTEGER NOT NULL,
  not_applicable INTEGER NOT NULL DEFAULT 0,
  adjustment    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (submission_id, code)
);
CREATE INDEX submission_items_latest ON submission_items (period_id, unit_id, version);

CREATE TRIGGER submission_items_no_update BEFORE UPDATE ON submission_items
BEGIN
  SELECT RAISE(ABORT, 'submission items are append-only');
END;

-- Backfill versions stored before this migration (field = first segment of the code).
INSERT INTO submission_items (submission_id, period_id, unit_id, version, code, field_code, kind, max_cents, score_cents, not_applicable, adjustment)
SELECT s.id, s.period_id, s.unit_id, s.version, json_extract(j.value, '$.code'),
       substr(json_extract(j.value, '$.code') || '.', 1, instr(json_extract(j.value, '$.code') || '.', '.') - 1),
       json_extract(j.value, '$.kind'),
       CAST(round(json_extract(j.value, '$.max') * 100) AS INTEGER), CAST(round(json_extract(j.value, '$.score') * 100) AS INTEGER),
       json_extract(j.value, '$.notApplicable') = 1,
       EXISTS (SELECT 1 FROM json_each(s.report, '$.fields') f
               WHERE json_extract(f.value, '$.adjustment') = 1
                 AND json_extract(f.value, '$.code') = substr(json_extract(j.value, '$.code') || '.', 1, instr(json_extract(j.value, '$.code') || '.', '.') - 1))
FROM submissions s, json_each(s.report, '$.items') j
WHERE json_valid(s.report) AND json_type(s.report, '$.items') = 'array';

-- Appraisal status of a unit in a period: append-only events, the current status is the
-- latest event; no event yet = 'submitted' once a version exists.
CREATE TABLE review_transitions (
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  PRIMARY KEY (from_status, to_status)
);
INSERT INTO review_transitions (from_status, to_status) VALUES
  ('submitted', 'under_review'),
  ('under_review', 'returned_for_explanation'),
  ('under_review', 'final'),
  ('returned_for_explanation', 'explained'),
  ('explained', 'under_review'),
  ('final', 'under_review');

CREATE TABLE review_events (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  id        TEXT    NOT NULL UNIQUE,
  period_id TEXT    NOT NULL REFERENCES periods (id),
  unit_id   TEXT    NOT NULL REFERENCES units (id),
  status    TEXT    NOT NULL CHECK (status IN ('under_review', 'returned_for_explanation', 'explained', 'final')),
  round     INTEGER NOT NULL CHECK (round >= 1),
  token_id  TEXT    NOT NULL REFERENCES tokens (id),
  reason    TEXT,
  at        TEXT    NOT NULL
);
CREATE INDEX review_events_unit ON review_events (period_id, unit_id, seq);

-- The database itself refuses a transition the workflow does not allow (also inside bulk
-- batches, which then fail as a whole) and any change to the event history.
CREATE TRIGGER review_events_allowed BEFORE INSERT ON review_events
WHEN NOT EXISTS (SELECT 1 FROM submissions WHERE period_id = NEW.period_id AND unit_id = NEW.unit_id)
  OR NOT EXISTS (
    SELECT 1 FROM review_transitions t
    WHERE t.to_status = NEW.status
      AND t.from_status = COALESCE((SELECT e.status FROM review_events e WHERE e.period_id = NEW.period_id AND e.unit_id = NEW.unit_id ORDER BY e.seq DESC LIMIT 1), 'submitted'))
BEGIN
  SELECT RAISE(ABORT, 'REVIEW_TRANSITION_REFUSED');
END;
CREATE TRIGGER review_events_no_update BEFORE UPDATE ON review_events
BEGIN
  SELECT RAISE(ABORT, 'review events are append-only');
END;
CREATE TRIGGER review_events_no_delete BEFORE DELETE ON review_events
BEGIN
  SELECT RAISE(ABORT, 'review events are append-only');
END;

-- The appraised score and comment per item (latest write wins; each write is audited).
-- Writable only while the unit is under review: final results are locked.
CREATE TABLE appraisal_items (
  period_id   TEXT    NOT NULL,
  unit_id     TEXT    NOT NULL,
  code        TEXT    NOT NULL,
  score_cents INTEGER NOT NULL,
  comment     TEXT,
  round       INTEGER NOT NULL,
  token_id    TEXT    NOT NULL,
  at          TEXT    NOT NULL,
  PRIMARY KEY (period_id, unit_id, code)
);

CREATE TRIGGER appraisal_items_under_review_insert BEFORE INSERT ON appraisal_items
WHEN COALESCE((SELECT e.status FROM review_events e WHERE e.period_id = NEW.period_id AND e.unit_id = NEW.unit_id ORDER BY e.seq DESC LIMIT 1), 'submitted') <> 'under_review'
BEGIN
  SELECT RAISE(ABORT, 'APPRAISAL_LOCKED');
END;
CREATE TRIGGER appraisal_items_under_review_update BEFORE UPDATE ON appraisal_items
WHEN COALESCE((SELECT e.status FROM review_events e WHERE e.period_id = NEW.period_id AND e.unit_id = NEW.unit_id ORDER BY e.seq DESC LIMIT 1), 'submitted') <> 'under_review'
BEGIN
  SELECT RAISE(ABORT, 'APPRAISAL_LOCKED');
END;

-- A unit's explanation (giải trình) per item, with new evidence: append-only, per round.
CREATE TABLE explanations (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  period_id TEXT    NOT NULL,
  unit_id   TEXT    NOT NULL,
  round     INTEGER NOT NULL,
  code      TEXT    NOT NULL,
  text      TEXT    NOT NULL,
  evidence  TEXT    NOT NULL DEFAULT '',
  token_id  TEXT    NOT NULL,
  at        TEXT    NOT NULL
);
CREATE INDEX explanations_unit ON explanations (period_id, unit_id, code, seq);
CREATE TRIGGER explanations_no_update BEFORE UPDATE ON explanations
BEGIN
  SELECT RAISE(ABORT, 'explanations are append-only');
END;

-- Survey scores per period, unit and survey item; an import replaces the rows it names.
CREATE TABLE survey_scores (
  period_id   TEXT    NOT NULL REFERENCES periods (id),
  unit_id     TEXT    NOT NULL REFERENCES units (id),
  code        TEXT    NOT NULL,
  score_cents INTEGER NOT NULL CHECK (score_cents >= 0),
  import_id   TEXT    NOT NULL,
  PRIMARY KEY (period_id, unit_id, code)
);

-- A unit's stated previous-year index, overriding the merge-weighted mean (e.g. a
-- province-published baseline for a 2025 commune formed from several old ones).
CREATE TABLE ranking_baselines (
  unit_id    TEXT    NOT NULL REFERENCES units (id),
  year       INTEGER NOT NULL,
  percent    REAL    NOT NULL CHECK (percent >= 0 AND percent <= 100),
  note       TEXT    NOT NULL,
  created_at TEXT    NOT NULL,
  PRIMARY KEY (unit_id, year)
);

-- The original workbook of a submission, kept in R2 (binding ARCHIVE).
CREATE TABLE submission_files (
  submission_id TEXT    NOT NULL PRIMARY KEY REFERENCES submissions (id),
  r2_key        TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  content_type  TEXT    NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT    NOT NULL
);
