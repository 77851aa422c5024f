-- PAR INDEX Worker schema. Never edit this file once landed: add 0002_… instead.
-- Submissions and the audit log are append-only (triggers refuse UPDATE and DELETE);
-- published criteria sets are immutable (only their status moves forward).

-- Versioned criteria sets: one row per (id, version); body is the engine's JSON.
CREATE TABLE criteria_sets (
  id           TEXT    NOT NULL,
  version      INTEGER NOT NULL CHECK (version >= 1),
  status       TEXT    NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  unit_type    TEXT    NOT NULL CHECK (unit_type IN ('province', 'department', 'district', 'commune', 'ward')),
  year         INTEGER NOT NULL,
  title        TEXT    NOT NULL,
  body         TEXT    NOT NULL CHECK (json_valid(body)),
  created_at   TEXT    NOT NULL,
  published_at TEXT,
  retired_at   TEXT,
  PRIMARY KEY (id, version)
);
CREATE INDEX criteria_sets_status ON criteria_sets (status, id);

CREATE TRIGGER criteria_sets_immutable BEFORE UPDATE ON criteria_sets
WHEN OLD.body IS NOT NEW.body OR OLD.id IS NOT NEW.id OR OLD.version IS NOT NEW.version
  OR OLD.unit_type IS NOT NEW.unit_type OR OLD.year IS NOT NEW.year OR OLD.title IS NOT NEW.title
BEGIN
  SELECT RAISE(ABORT, 'criteria set versions are immutable: add a new version');
END;

CREATE TRIGGER criteria_sets_status_forward BEFORE UPDATE OF status ON criteria_sets
WHEN NOT ((OLD.status = 'draft' AND NEW.status = 'published') OR (OLD.status = 'published' AND NEW.status = 'retired'))
BEGIN
  SELECT RAISE(ABORT, 'criteria set status moves only draft -> published -> retired');
END;

-- Units of a province, over time. valid_to is the last valid day (inclusive), NULL = open.
CREATE TABLE units (
  id         TEXT NOT NULL PRIMARY KEY,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL CHECK (type IN ('province', 'department', 'district', 'commune', 'ward')),
  parent_id  TEXT REFERENCES units (id),
  valid_from TEXT NOT NULL,
  valid_to   TEXT,
  created_at TEXT NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX units_parent ON units (parent_id);

-- A unit's validity may be closed once (by a merge); nothing else about it changes.
CREATE TRIGGER units_close_once BEFORE UPDATE ON units
WHEN OLD.valid_to IS NOT NULL OR OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.type IS NOT NEW.type
  OR OLD.parent_id IS NOT NEW.parent_id OR OLD.valid_from IS NOT NEW.valid_from
BEGIN
  SELECT RAISE(ABORT, 'units change only by closing their validity once');
END;

-- Merges: 2024's three-tier units → 2025's two-tier successors.
CREATE TABLE unit_successors (
  predecessor_id TEXT NOT NULL REFERENCES units (id),
  successor_id   TEXT NOT NULL REFERENCES units (id),
  weight         REAL NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 1),
  effective_date TEXT NOT NULL,
  PRIMARY KEY (predecessor_id, successor_id),
  CHECK (predecessor_id <> successor_id)
);
CREATE INDEX unit_successors_successor ON unit_successors (successor_id);

-- A year's assessment round: which criteria set version, until when.
CREATE TABLE periods (
  id                   TEXT    NOT NULL PRIMARY KEY,
  year                 INTEGER NOT NULL,
  criteria_set_id      TEXT    NOT NULL,
  criteria_set_version INTEGER NOT NULL,
  deadline             TEXT    NOT NULL,
  locked               INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  created_at           TEXT    NOT NULL,
  FOREIGN KEY (criteria_set_id, criteria_set_version) REFERENCES criteria_sets (id, version)
);

-- A period's criteria set never changes (the Worker caches it per isolate); only `locked` may.
CREATE TRIGGER periods_set_immutable BEFORE UPDATE ON periods
WHEN OLD.criteria_set_id IS NOT NEW.criteria_set_id OR OLD.criteria_set_version IS NOT NEW.criteria_set_version OR OLD.id IS NOT NEW.id
BEGIN
  SELECT RAISE(ABORT, 'a period keeps its criteria set: create a new period');
END;

CREATE TABLE deadline_exceptions (
  unit_id    TEXT NOT NULL REFERENCES units (id),
  period_id  TEXT NOT NULL REFERENCES periods (id),
  deadline   TEXT NOT NULL,
  reason     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, period_id)
);

-- Bearer tokens: only the SHA-256 hash of the secret is stored.
CREATE TABLE tokens (
  id         TEXT NOT NULL PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  role       TEXT NOT NULL CHECK (role IN ('unit', 'reviewer', 'admin')),
  unit_id    TEXT REFERENCES units (id),
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK (role = 'admin' OR unit_id IS NOT NULL)
);

-- Submitted versions: append-only, numbered 1, 2, 3 … per (unit, period).
CREATE TABLE submissions (
  id                TEXT    NOT NULL PRIMARY KEY,
  unit_id           TEXT    NOT NULL REFERENCES units (id),
  period_id         TEXT    NOT NULL REFERENCES periods (id),
  version           INTEGER NOT NULL CHECK (version >= 1),
  token_id          TEXT    NOT NULL REFERENCES tokens (id),
  source            TEXT    NOT NULL CHECK (source IN ('grid', 'items', 'raw')),
  grid              TEXT    NOT NULL,
  report            TEXT    NOT NULL,
  client_report     TEXT,
  accepted_warnings TEXT    NOT NULL DEFAULT '[]',
  total             REAL    NOT NULL,
  percent           REAL    NOT NULL,
  band              TEXT,
  errors            INTEGER NOT NULL,
  warnings          INTEGER NOT NULL,
  created_at        TEXT    NOT NULL,
  UNIQUE (unit_id, period_id, version)
);

CREATE TRIGGER submissions_no_update BEFORE UPDATE ON submissions
BEGIN
  SELECT RAISE(ABORT, 'submissions are append-only');
END;
CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
BEGIN
  SELECT RAISE(ABORT, 'submissions are append-only');
END;

-- Idempotency-Key records: the first answer, replayed byte for byte.
CREATE TABLE idempotency_keys (
  token_id     TEXT    NOT NULL REFERENCES tokens (id),
  key          TEXT    NOT NULL,
  request_hash TEXT    NOT NULL,
  status       INTEGER NOT NULL,
  response     TEXT    NOT NULL,
  created_at   TEXT    NOT NULL,
  PRIMARY KEY (token_id, key)
);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  token_id  TEXT,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
