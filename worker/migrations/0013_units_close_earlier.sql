-- A unit created with a planned end (e.g. valid to 2025-06-30, when the districts were
-- abolished) may be merged away earlier: the merge moves its end earlier, to the day before
-- the merge (units.ts, unit-checks.ts). Its end may still never move later or be removed,
-- and a unit that has a successor (merged once) never changes again; nothing else about a
-- unit changes. Never edit this file once landed: add 0014_… instead.
DROP TRIGGER units_close_once;
CREATE TRIGGER units_close_once BEFORE UPDATE ON units
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.type IS NOT NEW.type
  OR OLD.parent_id IS NOT NEW.parent_id OR OLD.valid_from IS NOT NEW.valid_from
  OR (OLD.valid_to IS NOT NULL AND (NEW.valid_to IS NULL OR NEW.valid_to >= OLD.valid_to
      OR EXISTS (SELECT 1 FROM unit_successors l WHERE l.predecessor_id = OLD.id)))
BEGIN
  SELECT RAISE(ABORT, 'units change only by closing their validity once');
END;
