/**
 * What the pane shows beside a report but needs only once a workbook is checked — the evidence
 * register, "Vì sao mất điểm?" and the target planner — loaded with the first check, not with
 * the pane: they kept the pane's first bytes over its 150 KB budget (issue 17, item 1).
 * Imported from their modules, not the engine's barrel, so that they stay in this chunk.
 */
import { evidenceRegister } from "../../../shared/evidence-register.ts";
import { explainLostPoints } from "../../../shared/lost-points.ts";
import { planTarget } from "../../../shared/target-planner.ts";

export { evidenceRegister, explainLostPoints, planTarget };

export interface ReportExtras {
  evidenceRegister: typeof evidenceRegister;
  explainLostPoints: typeof explainLostPoints;
  planTarget: typeof planTarget;
}
