/**
 * The local demo province (illustrative — not real units), shared by `npm start` and the
 * tests. Everything is INSERT OR IGNORE, so applying the seed twice changes nothing.
 * Pure TypeScript (Web Crypto only), so it runs in Node and in workerd alike.
 */
import { activationCodeHash } from "../onboarding/activation-code.ts";
import { sha256Hex } from "../sha256.ts";

export const DEMO_PROVINCE = "tinh-minh-hoa";
/** Last day of the three-tier structure; communes merged from 2025-07-01. */
export const DISTRICTS_END = "2025-06-30";
export const MERGE_DATE = "2025-07-01";

export interface DemoUnit {
  id: string;
  name: string;
  type: "province" | "department" | "district" | "commune" | "ward";
  parent: string | null;
  validFrom: string;
  validTo: string | null;
}

const district = (id: string, name: string): DemoUnit => ({ id, name, type: "district", parent: DEMO_PROVINCE, validFrom: "2020-01-01", validTo: DISTRICTS_END });
const commune = (id: string, name: string, parent: string, type: "commune" | "ward" = "commune"): DemoUnit => ({ id, name, type, parent, validFrom: "2020-01-01", validTo: DISTRICTS_END });
const department = (id: string, name: string): DemoUnit => ({ id, name, type: "department", parent: DEMO_PROVINCE, validFrom: "2020-01-01", validTo: null });

export const DEMO_UNITS: DemoUnit[] = [
  { id: DEMO_PROVINCE, name: "Tỉnh Minh Họa (minh họa)", type: "province", parent: null, validFrom: "2020-01-01", validTo: null },
  department("so-noi-vu", "Sở Nội vụ"),
  department("so-tu-phap", "Sở Tư pháp"),
  department("so-tai-chinh", "Sở Tài chính"),
  department("so-y-te", "Sở Y tế"),
  district("huyen-an-binh", "Huyện An Bình"),
  commune("xa-an-phu", "Xã An Phú", "huyen-an-binh"),
  commune("xa-an-loc", "Xã An Lộc", "huyen-an-binh"),
  commune("xa-binh-hoa", "Xã Bình Hòa", "huyen-an-binh"),
  commune("thi-tran-an-binh", "Thị trấn An Bình", "huyen-an-binh"),
  district("huyen-dong-son", "Huyện Đông Sơn"),
  commune("xa-dong-hai", "Xã Đông Hải", "huyen-dong-son"),
  commune("xa-dong-tien", "Xã Đông Tiến", "huyen-dong-son"),
  commune("xa-son-thuy", "Xã Sơn Thủy", "huyen-dong-son"),
  district("thi-xa-phu-my", "Thị xã Phú Mỹ"),
  commune("phuong-phu-my", "Phường Phú Mỹ", "thi-xa-phu-my", "ward"),
  commune("phuong-my-xuan", "Phường Mỹ Xuân", "thi-xa-phu-my", "ward"),
  commune("xa-tan-hoa", "Xã Tân Hòa", "thi-xa-phu-my"),
  // 1/7/2025: two-tier government — An Phú and An Lộc merge into a commune under the province.
  { id: "xa-an-phu-loc", name: "Xã An Phú Lộc", type: "commune", parent: DEMO_PROVINCE, validFrom: MERGE_DATE, validTo: null },
];

export const DEMO_MERGE = { into: "xa-an-phu-loc", from: ["xa-an-phu", "xa-an-loc"], date: MERGE_DATE };

/** Fixed, documented local tokens (API-NOTES.md); a deployed Worker never gets these. */
export const DEMO_TOKENS = [
  { id: "tok-demo-admin", token: "demo-admin", role: "admin", unit: null, label: "Demo: quản trị tỉnh" },
  { id: "tok-demo-reviewer", token: "demo-reviewer", role: "reviewer", unit: "huyen-an-binh", label: "Demo: thẩm định Huyện An Bình" },
  { id: "tok-demo-unit", token: "demo-unit", role: "unit", unit: "xa-an-phu", label: "Demo: UBND Xã An Phú" },
] as const;

/**
 * Fixed, documented local activation codes (README): three to redeem once each (reset with a
 * fresh local database), one expired (401) and one already used (410). Stored like real
 * codes, by the SHA-256 of their symbols; "DEMO-…" works as typed (O is read as 0).
 */
export const DEMO_CODES = [
  { id: "act-demo-an-loc", code: "DEM0-0000-01", unit: "xa-an-loc", expiresAt: "2099-12-31T23:59:59+07:00", used: false },
  { id: "act-demo-phu-my", code: "DEM0-0000-02", unit: "phuong-phu-my", expiresAt: "2099-12-31T23:59:59+07:00", used: false },
  { id: "act-demo-an-phu-loc", code: "DEM0-0000-03", unit: "xa-an-phu-loc", expiresAt: "2099-12-31T23:59:59+07:00", used: false },
  { id: "act-demo-expired", code: "DEM0-0000-EX", unit: "xa-binh-hoa", expiresAt: "2024-12-31T23:59:59+07:00", used: false },
  { id: "act-demo-used", code: "DEM0-0000-D0", unit: "xa-an-phu", expiresAt: "2099-12-31T23:59:59+07:00", used: true },
] as const;

export const DEMO_PERIODS = [
  { id: "2024-commune", year: 2024, set: "demo-commune-2024", deadline: "2025-01-31T17:00:00+07:00" },
  { id: "2024-district", year: 2024, set: "demo-district-2024", deadline: "2025-01-31T17:00:00+07:00" },
  { id: "2024-province", year: 2024, set: "demo-province-2024", deadline: "2025-01-31T17:00:00+07:00" },
];

/** The demo commune may still submit (so `npm start` can be tried today); the others are late. */
export const DEMO_EXCEPTIONS = [{ unit: "xa-an-phu", period: "2024-commune", deadline: "2099-12-31T17:00:00+07:00", reason: "Minh họa: gia hạn để dùng thử / demo extension" }];

/**
 * `npm start` only (dev/seed.ts passes `openAt`; the Worker's tests never do): what the demo
 * activation codes open whatever the day. Xã An Phú Lộc (DEM0-0000-03), the one commune open on
 * the 2025 set's last day, gets period 2025-commune; Xã An Lộc (DEM0-0000-01), closed on
 * 30/06/2025 and so only in 2024, an extension of 2024-commune. Both until 31/01 of the year
 * after seeding, 17:00 Vietnam time (demoOpenDeadline).
 */
export const DEMO_OPEN_PERIOD = { id: "2025-commune", year: 2025, set: "demo-commune-2025" };
export const DEMO_OPEN_EXCEPTION = { unit: "xa-an-loc", period: "2024-commune", reason: "Minh họa: gia hạn để dùng thử mã kích hoạt / demo extension for the activation code" };

/** 31/01 of the year after `at` (Vietnam's calendar), 17:00 Vietnam time, as deadlines are stored. */
export function demoOpenDeadline(at: Date): string {
  const year = new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
  return `${year + 1}-01-31T17:00:00+07:00`;
}

export interface DemoSeedOptions {
  /**
   * `npm start`: seeding now, keep DEMO_OPEN_PERIOD and DEMO_OPEN_EXCEPTION open until
   * demoOpenDeadline(openAt). Seeding a kept local database again moves their deadlines later,
   * never earlier, so the demo codes still lead somewhere a year on.
   */
  openAt?: Date;
}

/** The rows that keep the demo codes' periods open (demoSeedStatements with `openAt`). */
function demoOpenStatements(criteriaSets: readonly SeedSet[], at: Date): string[] {
  const deadline = demoOpenDeadline(at);
  const createdAt = at.toISOString();
  const later = (table: string) => `DO UPDATE SET deadline = excluded.deadline WHERE julianday(excluded.deadline) > julianday(${table}.deadline)`;
  const out: string[] = [];
  const p = DEMO_OPEN_PERIOD;
  if (criteriaSets.some((s) => s.id === p.set && s.year === p.year)) {
    out.push(`INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (${[p.id, p.year, p.set, 1, deadline, 0, createdAt].map(sql).join(", ")}) ON CONFLICT (id) ${later("periods")}`);
  }
  const e = DEMO_OPEN_EXCEPTION;
  if (DEMO_PERIODS.some((d) => d.id === e.period && criteriaSets.some((s) => s.id === d.set))) {
    out.push(`INSERT INTO deadline_exceptions (unit_id, period_id, deadline, reason, created_at) SELECT ${[e.unit, e.period, deadline, e.reason, createdAt].map(sql).join(", ")} ${unlessLocked(e.period)} ON CONFLICT (unit_id, period_id) ${later("deadline_exceptions")}`);
  }
  return out;
}

/**
 * A seeded deadline exception skips a period someone has locked in a kept local database: the
 * database refuses any write to a locked period's exceptions (migration 0022), and `npm start`
 * seeds again on every start.
 */
const unlessLocked = (period: string): string => `WHERE NOT EXISTS (SELECT 1 FROM periods WHERE id = ${sql(period)} AND locked = 1)`;

export const sql = (v: string | number | null): string => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`);


interface SeedSet {
  id: string;
  title: string;
  year: number;
  unitType: string;
}

/** SQL statements of the demo seed; `criteriaSets` are the JSON objects of fixtures/criteria/*.json. */
export async function demoSeedStatements(criteriaSets: readonly SeedSet[], createdAt = "2024-01-01T00:00:00.000Z", options: DemoSeedOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for (const u of DEMO_UNITS) {
    out.push(`INSERT OR IGNORE INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) VALUES (${[u.id, u.name, u.type, u.parent, u.validFrom, u.validTo, createdAt].map(sql).join(", ")})`);
  }
  for (const from of DEMO_MERGE.from) {
    out.push(`INSERT OR IGNORE INTO unit_successors (predecessor_id, successor_id, weight, effective_date) VALUES (${sql(from)}, ${sql(DEMO_MERGE.into)}, 1, ${sql(DEMO_MERGE.date)})`);
  }
  for (const s of criteriaSets) {
    out.push(
      `INSERT OR IGNORE INTO criteria_sets (id, version, status, unit_type, year, title, body, created_at, published_at) VALUES (${[s.id, 1, "published", s.unitType, s.year, s.title, JSON.stringify(s), createdAt, createdAt].map(sql).join(", ")})`,
    );
  }
  for (const p of DEMO_PERIODS) {
    if (!criteriaSets.some((s) => s.id === p.set)) continue;
    out.push(`INSERT OR IGNORE INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (${[p.id, p.year, p.set, 1, p.deadline, 0, createdAt].map(sql).join(", ")})`);
  }
  for (const e of DEMO_EXCEPTIONS) {
    out.push(`INSERT OR IGNORE INTO deadline_exceptions (unit_id, period_id, deadline, reason, created_at) SELECT ${[e.unit, e.period, e.deadline, e.reason, createdAt].map(sql).join(", ")} ${unlessLocked(e.period)}`);
  }
  if (options.openAt) out.push(...demoOpenStatements(criteriaSets, options.openAt));
  for (const t of DEMO_TOKENS) {
    out.push(`INSERT OR IGNORE INTO tokens (id, token_hash, role, unit_id, label, created_at) VALUES (${[t.id, await sha256Hex(t.token), t.role, t.unit, t.label, createdAt].map(sql).join(", ")})`);
  }
  for (const c of DEMO_CODES) {
    const used = c.used ? [createdAt, "tok-demo-unit"] : [null, null];
    const values = [c.id, await activationCodeHash(c.code), c.unit, createdAt, c.expiresAt, ...used];
    out.push(`INSERT OR IGNORE INTO activation_codes (id, code_hash, unit_id, created_at, expires_at, used_at, token_id) VALUES (${values.map(sql).join(", ")})`);
  }
  return out;
}

/**
 * The demo yearly cycle: period `2024-commune-demo` (demo commune set, closed 31/01/2025)
 * with the ten 2024 communes/wards in every appraisal status. Its statements are built in
 * demo-cycle.ts (with the Worker's own statement builders, hence the Worker's types).
 */
export const DEMO_CYCLE_PERIOD = "2024-commune-demo";
export type DemoCycleStatus = "not_submitted" | "submitted" | "under_review" | "returned_for_explanation" | "explained" | "final";

export interface DemoCycleUnit {
  unit: string;
  status: DemoCycleStatus;
  /** What the demo shows about it (README and the npm start banner). */
  note: string;
}

/** Which demo unit is in which status (documented in worker/README.md, printed by npm start). */
export const DEMO_CYCLE_UNITS: DemoCycleUnit[] = [
  { unit: "xa-an-loc", status: "submitted", note: "chờ thẩm định / demo-reviewer can start_review" },
  { unit: "xa-binh-hoa", status: "under_review", note: "đang thẩm định, 2 tiêu chí đã chấm / demo-reviewer appraises, returns or finalizes" },
  { unit: "xa-an-phu", status: "returned_for_explanation", note: "trả lại để giải trình / demo-unit explains" },
  { unit: "thi-tran-an-binh", status: "explained", note: "đã giải trình / demo-reviewer starts round 2" },
  { unit: "xa-dong-hai", status: "final", note: "kết quả cuối cùng (thẩm định 2 vòng) / final after two rounds" },
  { unit: "xa-dong-tien", status: "final", note: "kết quả cuối cùng / final, server scores accepted" },
  { unit: "phuong-phu-my", status: "submitted", note: "đã nộp 2 phiên bản / two versions" },
  { unit: "xa-son-thuy", status: "not_submitted", note: "chưa nộp, quá hạn / late" },
  { unit: "phuong-my-xuan", status: "not_submitted", note: "chưa nộp, quá hạn, có điểm khảo sát / late, survey only" },
  { unit: "xa-tan-hoa", status: "under_review", note: "đang thẩm định / under review" },
];

/** The marker row: the cycle seed has been applied to this database. */
export const DEMO_CYCLE_MARKER_SQL = `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'seed.demo_cycle' AND entity_id = '${DEMO_CYCLE_PERIOD}'`;


/** The demo history (periods 2022-commune and 2023-commune, built in demo-history.ts) and its marker row. */
export const DEMO_HISTORY_SETS = ["demo-commune-2022", "demo-commune-2023"];
export const DEMO_HISTORY_MARKER_ACTION = "seed.demo_history";
export const DEMO_HISTORY_MARKER_SQL = `SELECT COUNT(*) AS n FROM audit_log WHERE action = '${DEMO_HISTORY_MARKER_ACTION}'`;
