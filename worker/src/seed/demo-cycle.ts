import { CriteriaSetSchema, toCents, type CriteriaSet } from "../../../shared/index.ts";
import type { Principal } from "../env.ts";
import { appraisalStatements, stepStatements } from "../cycle/appraisal-service.ts";
import { acceptUnchangedStatement } from "../cycle/review-repository.ts";
import type { ReviewAction, ReviewStatus } from "../cycle/review-workflow.ts";
import { submissionStatements } from "../cycle/submission-items.ts";
import { upsertSurveyStatement } from "../cycle/survey-import.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { auditSubmissionStatement, insertIdempotencyStatement, insertSubmissionStatement } from "../repositories/submission-repository.ts";
import { scoreSubmission } from "../submit.ts";
import { DEMO_CYCLE_PERIOD, DEMO_CYCLE_UNITS, sql } from "./demo-seed.ts";

/**
 * The demo yearly cycle (local only, `npm start`): period `2024-commune-demo` on the demo
 * commune set with the ten 2024 communes/wards in every appraisal status. Built with the
 * very statement builders the routes run (guarded submission INSERT, idempotency record,
 * submission_items, review events through the transition trigger, appraisal items,
 * explanations, survey import, audit rows), recorded as SQL text so that the same list
 * runs in `wrangler d1 execute --file` and in the tests' `env.DB.batch`.
 *
 * Applied once: every statement runs only while the marker audit row (written last) is
 * absent — see `DEMO_CYCLE_MARKER_SQL`; the seed file checks it first.
 */
export const SEED_TOKEN = { admin: "tok-demo-admin", reviewer: "tok-demo-reviewer", unit: "tok-demo-unit" } as const;
export const principal = (role: "admin" | "reviewer" | "unit"): Principal => ({ tokenId: SEED_TOKEN[role], role, unitId: role === "admin" ? null : role === "reviewer" ? "huyen-an-binh" : "xa-an-phu" }) as Principal;

/** A D1Database stand-in that records each prepared statement as SQL text with its values inlined. */
export function recordingDb(): D1Database {
  const prepare = (query: string) => ({
    bind: (...values: unknown[]) => ({
      text: query.replace(/\?(\d+)/g, (_, n: string) => {
        const v = values[Number(n) - 1];
        if (v === undefined) throw new Error(`demo cycle seed: ?${n} unbound in ${query.slice(0, 60)}`);
        return sql(v as string | number | null);
      }),
    }),
  });
  return { prepare } as unknown as D1Database;
}
export const textOf = (s: D1PreparedStatement): string => (s as unknown as { text: string }).text;

/** Self-assessment of a unit: full marks except `short` leaves given 0 (deterministic per unit). */
export function itemsFor(set: CriteriaSet, short: number, ratio = "100%") {
  const out: { code: string; self?: number; data?: string; evidence: string }[] = [];
  let left = short;
  const walk = (items: CriteriaSet["items"]) => {
    for (const item of items) {
      if (item.children) walk(item.children);
      else if (item.rule?.kind === "survey") continue;
      else if (item.rule?.kind === "ratio") out.push({ code: item.code, data: ratio, evidence: `Báo cáo số 15/BC-UBND ngày 10/12/${set.year}` });
      else {
        const options = item.rule?.kind === "choice" ? (item.rule as { options: number[] }).options : undefined;
        let self = options ? Math.max(...options) : (item.max ?? 0);
        if (left > 0 && self > 0) (left--, (self = options ? Math.min(...options) : 0));
        out.push({ code: item.code, self, evidence: `Quyết định số 12/QĐ-UBND ngày 05/01/${set.year}` });
      }
    }
  };
  walk(set.items);
  return out;
}

/** SQL statements of the demo cycle; `communeSet` is fixtures/criteria/demo-commune-2024.json. */
export function demoCycleStatements(communeSet: unknown, createdAt = "2024-01-01T00:00:00.000Z"): string[] {
  const set = CriteriaSetSchema.parse(communeSet);
  const db = recordingDb();
  const out: D1PreparedStatement[] = [];
  out.push(
    db
      .prepare("INSERT OR IGNORE INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6)")
      .bind(DEMO_CYCLE_PERIOD, 2024, set.id, 1, "2025-01-31T17:00:00+07:00", createdAt),
  );
  let day = 6;
  const submit = (unit: string, short: number, ratio?: string) => {
    const role = unit === "xa-an-phu" ? "unit" : "admin";
    const at = `2025-01-${String(day++).padStart(2, "0")}T09:00:00.000Z`;
    const id = `demo-sub-${unit}-${day}`;
    const row = scoreSubmission({ period: DEMO_CYCLE_PERIOD, unit, items: itemsFor(set, short, ratio), acceptedWarnings: [] } as never, set, { id, unitId: unit, periodId: DEMO_CYCLE_PERIOD, tokenId: SEED_TOKEN[role], createdAt: at });
    out.push(
      insertSubmissionStatement(db, row),
      insertIdempotencyStatement(db, { tokenId: row.tokenId, key: `demo-seed-${id}`, requestHash: "0".repeat(64), submissionId: id, createdAt: at }),
      auditSubmissionStatement(db, id, row.tokenId, at),
      ...submissionStatements(db, id, JSON.parse(row.reportJson), set),
    );
  };
  let hour = 0;
  const at = () => `2025-02-${String(3 + Math.floor(hour / 8)).padStart(2, "0")}T${String(1 + (hour++ % 8)).padStart(2, "0")}:00:00.000Z`;
  const state = new Map<string, { status: ReviewStatus; round: number }>();
  const step = (unit: string, action: ReviewAction, role: "admin" | "reviewer" | "unit", extra: { reason?: string; explanations?: { code: string; text: string; evidence?: string }[] } = {}) => {
    const s = state.get(unit) ?? { status: "submitted" as ReviewStatus, round: 1 };
    const statements = stepStatements(db, { periodId: DEMO_CYCLE_PERIOD, unitId: unit, action, ...extra, principal: principal(role), at: at(), set }, { ...s, latestSubmission: null });
    out.push(...statements);
    const next = { start_review: "under_review", return: "returned_for_explanation", explain: "explained", finalize: "final", reopen: "under_review" }[action] as ReviewStatus;
    const round = action === "start_review" && s.status === "explained" ? s.round + 1 : s.round;
    state.set(unit, { status: next, round });
  };
  const appraise = (unit: string, items: { code: string; score: number; comment?: string }[], role: "admin" | "reviewer") =>
    out.push(...appraisalStatements(db, set, items, { periodId: DEMO_CYCLE_PERIOD, unitId: unit, round: state.get(unit)!.round, principal: principal(role), at: at() }));
  const acceptRest = (unit: string, role: "admin" | "reviewer") => {
    const time = at();
    out.push(
      acceptUnchangedStatement(db, { periodId: DEMO_CYCLE_PERIOD, unitId: unit, round: state.get(unit)!.round, tokenId: SEED_TOKEN[role], at: time }),
      auditStatement(db, { at: time, tokenId: SEED_TOKEN[role], action: "review.accept_unchanged", entity: "review", entityId: `${DEMO_CYCLE_PERIOD}/${unit}`, detail: { round: state.get(unit)!.round } }),
    );
  };

  // Submissions (before the deadline), in the order the units sent them.
  submit("xa-an-loc", 2);
  submit("xa-binh-hoa", 1);
  submit("xa-an-phu", 3);
  submit("thi-tran-an-binh", 0, "95%");
  submit("xa-dong-hai", 2, "90%");
  submit("xa-dong-tien", 0);
  submit("phuong-phu-my", 4, "80%");
  submit("phuong-phu-my", 1, "85%"); // a second version replaces the first
  submit("xa-tan-hoa", 5, "70%");

  // Huyện An Bình (demo-reviewer's district): one unit per open status.
  step("xa-binh-hoa", "start_review", "reviewer");
  appraise("xa-binh-hoa", [{ code: "1.2", score: 1.5, comment: "Kế hoạch ban hành muộn / plan issued late" }, { code: "2.1", score: 1.5 }], "reviewer");
  step("xa-an-phu", "start_review", "reviewer");
  appraise("xa-an-phu", [{ code: "1.3", score: 1, comment: "Thiếu tài liệu kiểm chứng / evidence missing" }], "reviewer");
  step("xa-an-phu", "return", "reviewer", { reason: "Đề nghị bổ sung tài liệu kiểm chứng tiêu chí 1.3 / add evidence for 1.3" });
  step("thi-tran-an-binh", "start_review", "reviewer");
  appraise("thi-tran-an-binh", [{ code: "3.1", score: 2.5, comment: "Chưa đạt kế hoạch / below plan" }], "reviewer");
  step("thi-tran-an-binh", "return", "reviewer", { reason: "Giải trình tiêu chí 3.1 / explain 3.1" });
  step("thi-tran-an-binh", "explain", "admin", { explanations: [{ code: "3.1", text: "Đã hoàn thành 100% kế hoạch, bổ sung báo cáo", evidence: "Báo cáo số 20/BC-UBND ngày 20/12/2024" }] });

  // Huyện Đông Sơn and Thị xã Phú Mỹ (admin): final results and one still under review.
  step("xa-dong-hai", "start_review", "admin");
  appraise("xa-dong-hai", [{ code: "1.2", score: 1.5, comment: "Chưa đủ căn cứ / not supported" }, { code: "4.3", score: 2 }], "admin");
  step("xa-dong-hai", "return", "admin", { reason: "Giải trình tiêu chí 1.2 / explain 1.2" });
  step("xa-dong-hai", "explain", "admin", { explanations: [{ code: "1.2", text: "Bổ sung quyết định ban hành kế hoạch", evidence: "Quyết định số 3/QĐ-UBND ngày 03/01/2024" }] });
  step("xa-dong-hai", "start_review", "admin");
  appraise("xa-dong-hai", [{ code: "1.2", score: 3, comment: "Chấp nhận giải trình / explanation accepted" }], "admin");
  acceptRest("xa-dong-hai", "admin");
  step("xa-dong-hai", "finalize", "admin");
  step("xa-dong-tien", "start_review", "admin");
  acceptRest("xa-dong-tien", "admin");
  step("xa-dong-tien", "finalize", "admin");
  step("xa-tan-hoa", "start_review", "admin");

  // Survey scores (items 7.x) for some units, as one import.
  const surveyUnits: [string, number][] = [["xa-an-loc", 0.8], ["xa-dong-hai", 0.9], ["xa-dong-tien", 0.75], ["phuong-phu-my", 0.6], ["phuong-my-xuan", 0.7]];
  const surveyLeaves = [] as { code: string; max: number }[];
  const walk = (items: CriteriaSet["items"]) => items.forEach((i) => (i.children ? walk(i.children) : i.rule?.kind === "survey" && surveyLeaves.push({ code: i.code, max: i.max ?? 0 })));
  walk(set.items);
  const rows = surveyUnits.flatMap(([unit, share]) => surveyLeaves.map((l) => ({ unit, code: l.code, scoreCents: toCents(Math.round(l.max * share * 4) / 4) })));
  const importId = "demo-survey-import-1";
  const surveyAt = at();
  out.push(
    upsertSurveyStatement(db, DEMO_CYCLE_PERIOD, importId, rows as never),
    auditStatement(db, { at: surveyAt, tokenId: SEED_TOKEN.admin, action: "survey.import", entity: "period", entityId: DEMO_CYCLE_PERIOD, detail: { importId, rows: rows.length, units: surveyUnits.length } }),
    // Last: the marker that this seed ran (checked before applying it again).
    auditStatement(db, { at: createdAt, tokenId: SEED_TOKEN.admin, action: "seed.demo_cycle", entity: "period", entityId: DEMO_CYCLE_PERIOD, detail: { units: DEMO_CYCLE_UNITS.map((u) => [u.unit, u.status]) } }),
  );
  for (const u of DEMO_CYCLE_UNITS) {
    const s = state.get(u.unit)?.status ?? (out.some((x) => textOf(x).includes(`'demo-sub-${u.unit}-`)) ? "submitted" : "not_submitted");
    if (s !== u.status) throw new Error(`demo cycle seed: ${u.unit} ends ${s}, documented ${u.status}`);
  }
  return out.map(textOf);
}
