import { CriteriaSetSchema, toCents, type CriteriaSet } from "../../../shared/index.ts";
import { stepStatements } from "../cycle/appraisal-service.ts";
import { acceptUnchangedStatement } from "../cycle/review-repository.ts";
import { submissionStatements } from "../cycle/submission-items.ts";
import { upsertSurveyStatement } from "../cycle/survey-import.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { auditSubmissionStatement, insertIdempotencyStatement, insertSubmissionStatement } from "../repositories/submission-repository.ts";
import { scoreSubmission } from "../submit.ts";
import { itemsFor, principal, recordingDb, SEED_TOKEN, textOf } from "./demo-cycle.ts";
import { DEMO_HISTORY_MARKER_ACTION, sql } from "./demo-seed.ts";

/**
 * Two past years of the demo communes (local only, `npm start`, and the e2e tests), so the
 * history and trend views have something to draw: periods `2022-commune` and `2023-commune`
 * on the sets demo-commune-2022 / -2023 (2024's set maps the codes that changed since, via
 * its codeMap). Every commune submitted and was appraised to final, with survey scores.
 * Built with the routes' statement builders like demo-cycle.ts; applied once (marker row).
 */
export const DEMO_HISTORY_PERIODS = [
  { id: "2022-commune", year: 2022, set: "demo-commune-2022" },
  { id: "2023-commune", year: 2023, set: "demo-commune-2023" },
] as const;

/** Per commune and year: criteria left short, the declared ratio, the survey share. */
const HISTORY: Record<string, [number, string, number][]> = {
  // unit:               2022                 2023
  "xa-an-loc": [[4, "85%", 0.7], [3, "90%", 0.75]],
  "xa-binh-hoa": [[3, "90%", 0.65], [2, "95%", 0.7]],
  "xa-an-phu": [[5, "80%", 0.6], [4, "85%", 0.7]],
  "thi-tran-an-binh": [[2, "95%", 0.8], [1, "100%", 0.85]],
  "xa-dong-hai": [[4, "80%", 0.75], [2, "90%", 0.8]],
  "xa-dong-tien": [[3, "90%", 0.7], [2, "100%", 0.75]],
  "xa-son-thuy": [[6, "70%", 0.55], [5, "80%", 0.6]],
  "phuong-phu-my": [[5, "75%", 0.6], [3, "85%", 0.65]],
  "phuong-my-xuan": [[4, "85%", 0.65], [4, "85%", 0.7]],
  "xa-tan-hoa": [[7, "60%", 0.5], [6, "70%", 0.55]],
};

/** SQL statements of the demo history; `sets` are fixtures/criteria/demo-commune-2022.json and -2023.json. */
export function demoHistoryStatements(sets: unknown[], createdAt = "2024-01-01T00:00:00.000Z"): string[] {
  const parsed = sets.map((s) => CriteriaSetSchema.parse(s));
  const db = recordingDb();
  const out: D1PreparedStatement[] = [];
  const raw: string[] = [];
  DEMO_HISTORY_PERIODS.forEach((p, y) => {
    const set = parsed.find((s) => s.id === p.set);
    if (!set) throw new Error(`demo history seed: criteria set ${p.set} missing`);
    raw.push(
      `INSERT OR IGNORE INTO criteria_sets (id, version, status, unit_type, year, title, body, created_at, published_at) VALUES (${[set.id, 1, "published", set.unitType, set.year, set.title, JSON.stringify(sets[parsed.indexOf(set)]), createdAt, createdAt].map(sql).join(", ")})`,
      `INSERT OR IGNORE INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (${[p.id, p.year, set.id, 1, `${p.year + 1}-01-31T17:00:00+07:00`, 0, createdAt].map(sql).join(", ")})`,
    );
    out.push(...yearStatements(db, p.id, p.year, set, y));
  });
  // Last: the marker that this seed ran (checked before applying it again).
  out.push(auditStatement(db, { at: createdAt, tokenId: SEED_TOKEN.admin, action: DEMO_HISTORY_MARKER_ACTION, entity: "period", entityId: DEMO_HISTORY_PERIODS.map((p) => p.id).join(","), detail: { units: Object.keys(HISTORY) } }));
  return [...raw, ...out.map(textOf)];
}

function yearStatements(db: D1Database, periodId: string, year: number, set: CriteriaSet, y: number): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  let n = 0;
  const at = () => `${year + 1}-01-${String(5 + Math.floor(n / 8)).padStart(2, "0")}T${String(1 + (n++ % 8)).padStart(2, "0")}:00:00.000Z`;
  const surveyLeaves: { code: string; max: number }[] = [];
  const walk = (items: CriteriaSet["items"]) => items.forEach((i) => (i.children ? walk(i.children) : i.rule?.kind === "survey" && surveyLeaves.push({ code: i.code, max: i.max ?? 0 })));
  walk(set.items);
  const surveyRows: { unit: string; code: string; scoreCents: number }[] = [];
  for (const [unit, years] of Object.entries(HISTORY)) {
    const [short, ratio, share] = years[y]!;
    const time = at();
    const id = `demo-hist-${periodId}-${unit}`;
    const row = scoreSubmission({ period: periodId, unit, items: itemsFor(set, short, ratio), acceptedWarnings: [] } as never, set, { id, unitId: unit, periodId, tokenId: SEED_TOKEN.admin, createdAt: time });
    out.push(
      insertSubmissionStatement(db, row),
      insertIdempotencyStatement(db, { tokenId: row.tokenId, key: `demo-seed-${id}`, requestHash: "0".repeat(64), submissionId: id, createdAt: time }),
      auditSubmissionStatement(db, id, row.tokenId, time),
      ...submissionStatements(db, id, JSON.parse(row.reportJson), set),
    );
    // Past years are closed: every unit appraised to final with the server's scores.
    out.push(...stepStatements(db, { periodId, unitId: unit, action: "start_review", principal: principal("admin"), at: at(), set }, { status: "submitted", round: 1, latestSubmission: null }));
    const accepted = at();
    out.push(
      acceptUnchangedStatement(db, { periodId, unitId: unit, round: 1, tokenId: SEED_TOKEN.admin, at: accepted }),
      auditStatement(db, { at: accepted, tokenId: SEED_TOKEN.admin, action: "review.accept_unchanged", entity: "review", entityId: `${periodId}/${unit}`, detail: { round: 1 } }),
    );
    out.push(...stepStatements(db, { periodId, unitId: unit, action: "finalize", principal: principal("admin"), at: at(), set }, { status: "under_review", round: 1, latestSubmission: null }));
    surveyRows.push(...surveyLeaves.map((l) => ({ unit, code: l.code, scoreCents: toCents(Math.round(l.max * share * 4) / 4) })));
  }
  const importId = `demo-history-survey-${periodId}`;
  out.push(
    upsertSurveyStatement(db, periodId, importId, surveyRows as never),
    auditStatement(db, { at: at(), tokenId: SEED_TOKEN.admin, action: "survey.import", entity: "period", entityId: periodId, detail: { importId, rows: surveyRows.length, units: Object.keys(HISTORY).length } }),
  );
  return out;
}
