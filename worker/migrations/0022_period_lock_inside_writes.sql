-- A locked period refuses every write to its results inside the write itself, not only in the
-- check before it (routes/periods.ts): a lock landing between that check and a write's batch
-- had let one appraisal step, appraised score, explanation, survey import or deadline exception
-- through into a published year. Each trigger raises PERIOD_LOCKED, which fails the whole
-- batch (nothing of the write is stored, its audit row and idempotency answer included); the
-- Worker answers it 409 PERIOD_LOCKED as the check does (index.ts). Submissions are refused
-- inside their guarded INSERT already. Deletes stay free: removing a period removes its rows.
-- Never edit this file once landed: add the next migration instead.
CREATE TRIGGER review_events_period_open BEFORE INSERT ON review_events
WHEN (SELECT locked FROM periods WHERE id = NEW.period_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'PERIOD_LOCKED');
END;
CREATE TRIGGER appraisal_items_period_open_insert BEFORE INSERT ON appraisal_items
WHEN (SELECT locked FROM periods WHERE id = NEW.period_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'PERIOD_LOCKED');
END;
CREATE TRIGGER appraisal_items_period_open_update BEFORE UPDATE ON appraisal_items
WHEN (SELECT locked FROM periods WHERE id = NEW.period_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'PERIOD_LOCKED');
END;
CREATE TRIGGER explanations_period_open BEFORE INSERT ON explanations
WHEN (SELECT locked FROM periods WHERE id = NEW.period_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'PERIOD_LOCKED');
END;
CREATE TRIGGER survey_scores_period_open_insert BEFORE INSERT ON survey_scores
WHEN (SELECT locked FROM periods WHERE id = NEW.period_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'PERIOD_LOCKED');
END;
CREATE TRIGGER survey_scores_period_open_update BEFORE UPDATE ON survey_scores
WHEN (SELECT locked FROM periods WHERE id = NEW.period_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'PERIOD_LOCKED');
END;
CREATE TRIGGER deadline_exceptions_period_open_insert BEFORE INSERT ON deadline_exceptions
WHEN (SELECT locked FROM periods WHERE id = NEW.period_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'PERIOD_LOCKED');
END;
CREATE TRIGGER deadline_exceptions_period_open_update BEFORE UPDATE ON deadline_exceptions
WHEN (SELECT locked FROM periods WHERE id = NEW.period_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'PERIOD_LOCKED');
END;
