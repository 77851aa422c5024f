-- Deadlines are stored in one form, Vietnam time with its offset and seconds (milliseconds
-- only when not zero): 2025-01-31T23:59:59+07:00 — what the seed stored and the Worker's
-- deadline parser (src/vietnam-day.ts) now stores for every form it accepts, from the HTTP
-- routes and the admin CLI alike. JavaScript and SQLite's julianday() read that form as the
-- same instant. Before, the admin CLI stored a deadline as typed: julianday() read
-- "01/31/2025" or "…+0700" as NULL (every submission refused as PERIOD_CLOSED while /v1/me
-- offered the period) and "2025-01-31" as UTC midnight. Such a deadline is now refused
-- where it is written. Rows stored before are not changed: find the unreadable ones with
-- SELECT id, deadline FROM periods WHERE julianday(deadline) IS NULL (the same on
-- deadline_exceptions), and check a bare day such as "2025-01-31", read as 07:00 that day in
-- Vietnam. The test: SQLite, reading the deadline and writing that instant
-- back as Vietnam time, gives the same text (so julianday() reads it, as the instant it shows).
-- Never edit this file once landed: add 0015_… instead.
CREATE TRIGGER periods_deadline_form BEFORE INSERT ON periods
WHEN NEW.deadline IS NOT strftime('%Y-%m-%dT%H:%M:%S', NEW.deadline, '+7 hours') || '+07:00'
 AND NEW.deadline IS NOT strftime('%Y-%m-%dT%H:%M:%f', NEW.deadline, '+7 hours') || '+07:00'
BEGIN
  SELECT RAISE(ABORT, 'deadline is stored as Vietnam time, e.g. 2025-01-31T23:59:59+07:00');
END;
CREATE TRIGGER periods_deadline_form_update BEFORE UPDATE OF deadline ON periods
WHEN NEW.deadline IS NOT strftime('%Y-%m-%dT%H:%M:%S', NEW.deadline, '+7 hours') || '+07:00'
 AND NEW.deadline IS NOT strftime('%Y-%m-%dT%H:%M:%f', NEW.deadline, '+7 hours') || '+07:00'
BEGIN
  SELECT RAISE(ABORT, 'deadline is stored as Vietnam time, e.g. 2025-01-31T23:59:59+07:00');
END;
CREATE TRIGGER deadline_exceptions_deadline_form BEFORE INSERT ON deadline_exceptions
WHEN NEW.deadline IS NOT strftime('%Y-%m-%dT%H:%M:%S', NEW.deadline, '+7 hours') || '+07:00'
 AND NEW.deadline IS NOT strftime('%Y-%m-%dT%H:%M:%f', NEW.deadline, '+7 hours') || '+07:00'
BEGIN
  SELECT RAISE(ABORT, 'deadline is stored as Vietnam time, e.g. 2025-01-31T23:59:59+07:00');
END;
CREATE TRIGGER deadline_exceptions_deadline_form_update BEFORE UPDATE OF deadline ON deadline_exceptions
WHEN NEW.deadline IS NOT strftime('%Y-%m-%dT%H:%M:%S', NEW.deadline, '+7 hours') || '+07:00'
 AND NEW.deadline IS NOT strftime('%Y-%m-%dT%H:%M:%f', NEW.deadline, '+7 hours') || '+07:00'
BEGIN
  SELECT RAISE(ABORT, 'deadline is stored as Vietnam time, e.g. 2025-01-31T23:59:59+07:00');
END;
