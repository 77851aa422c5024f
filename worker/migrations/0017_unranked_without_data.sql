-- A unit with no data in a period (nothing sent, no survey score) is no longer ranked: it is
-- listed after the ranked units with rank, band, change and rank change null, and not counted
-- in bandCounts (src/cycle/ranking.ts; pane red team, finding 1). Snapshots stored before
-- this migration ranked such units at 0 %: every period's snapshot is built again when next
-- read (the units' own results are unchanged and are not computed again).
-- Never edit this file once landed: add the next migration instead.
UPDATE ranking_periods SET generation = generation + 1;
