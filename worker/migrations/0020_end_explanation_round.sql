-- A unit returned for explanation that never answers no longer blocks its reviewer: the
-- reviewer (or the province) ends the explanation round with a required reason ("hết thời
-- hạn giải trình") — a second appraisal round (start_review) or the final result (finalize);
-- nothing is written as an explanation in the unit's name (CYC1-4). The transition trigger of
-- 0002 reads this table, so these two rows are the whole change in the database;
-- src/cycle/review-workflow.ts says who may take the step and that it needs a reason.
-- Never edit this file once landed: add the next migration instead.
INSERT INTO review_transitions (from_status, to_status) VALUES
  ('returned_for_explanation', 'under_review'),
  ('returned_for_explanation', 'final');
