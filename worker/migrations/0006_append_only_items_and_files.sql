-- What rankings are summed from, what units explained and which file a version archived
-- are as append-only as the submissions themselves (issue 15): submission_items and
-- explanations refused UPDATE but not DELETE; submission_files refused neither.
-- Never edit this file once landed: add 0007_… instead.
CREATE TRIGGER submission_items_no_delete BEFORE DELETE ON submission_items
BEGIN
  SELECT RAISE(ABORT, 'submission items are append-only');
END;

CREATE TRIGGER explanations_no_delete BEFORE DELETE ON explanations
BEGIN
  SELECT RAISE(ABORT, 'explanations are append-only');
END;

CREATE TRIGGER submission_files_no_update BEFORE UPDATE ON submission_files
BEGIN
  SELECT RAISE(ABORT, 'submission files are append-only');
END;
CREATE TRIGGER submission_files_no_delete BEFORE DELETE ON submission_files
BEGIN
  SELECT RAISE(ABORT, 'submission files are append-only');
END;
