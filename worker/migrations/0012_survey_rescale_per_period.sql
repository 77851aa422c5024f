-- The survey rescale (`whenSurveyAbsent: "rescale"`, CRITERIA-FORMAT.md §6) is decided per
-- PERIOD: it applies only while no survey score at all was imported for the period. So the
-- first survey score of a period changes the result of every unit of it, not only the unit
-- scored (and the last one deleted changes them back): all its units are marked to compute
-- again (ranking-units.ts). The period's generation is bumped by ranking_on_survey_* (0008).
-- Never edit this file once landed: add 0013_… instead.
CREATE TRIGGER ranking_on_first_survey AFTER INSERT ON survey_scores
WHEN NOT EXISTS (SELECT 1 FROM survey_scores v WHERE v.period_id = NEW.period_id AND (v.unit_id <> NEW.unit_id OR v.code <> NEW.code))
BEGIN
  UPDATE ranking_units SET rev = rev + 1 WHERE period_id = NEW.period_id;
END;
CREATE TRIGGER ranking_on_last_survey AFTER DELETE ON survey_scores
WHEN NOT EXISTS (SELECT 1 FROM survey_scores v WHERE v.period_id = OLD.period_id)
BEGIN
  UPDATE ranking_units SET rev = rev + 1 WHERE period_id = OLD.period_id;
END;

-- Results stored before this migration were computed with the rescale decided per unit, and
-- with an appraised score on an item marked "không áp dụng" left out: every unit is computed
-- again, and every period's snapshot built again, when next read.
UPDATE ranking_units SET computed_rev = 0;
UPDATE ranking_periods SET generation = generation + 1;
