import { readFile } from "node:fs/promises";
import { deadlineText } from "../shared/index.ts";
import {
  DEMO_CYCLE_MARKER_SQL,
  DEMO_CYCLE_PERIOD,
  DEMO_CYCLE_UNITS,
  DEMO_HISTORY_MARKER_SQL,
  DEMO_HISTORY_SETS,
  DEMO_MERGE,
  DEMO_OPEN_EXCEPTION,
  DEMO_OPEN_PERIOD,
  demoOpenDeadline,
  demoSeedStatements,
  DEMO_CODES,
  DEMO_TOKENS,
  DEMO_UNITS,
} from "../worker/src/seed/demo-seed.ts";
import { executeStatements, querySql, REPO_ROOT, type Target } from "./wrangler.ts";

/**
 * demo-cycle.ts builds its SQL with the Worker's own statement builders, so it is typed
 * against workers-types (tsconfig.worker.json) and loaded here by a computed specifier
 * that this Node project does not type-check; the shape it must have is stated below.
 */
const DEMO_CYCLE_MODULE = "../worker/src/seed/demo-cycle.ts";
type DemoCycleModule = { demoCycleStatements: (communeSet: unknown) => string[] };
const DEMO_HISTORY_MODULE = "../worker/src/seed/demo-history.ts";
type DemoHistoryModule = { demoHistoryStatements: (sets: unknown[]) => string[] };

/** The 2024 sets of the demo periods, and the 2025 commune set of the period kept open for the demo codes. */
const DEMO_SETS = ["demo-province-2024", "demo-district-2024", "demo-commune-2024", DEMO_OPEN_PERIOD.set];

/**
 * The demo seed (INSERT OR IGNORE: applying it twice is harmless), with the periods the demo
 * activation codes open kept open from today (`openAt`: their deadlines only ever move later).
 */
async function seedStatements(): Promise<string[]> {
  const sets = await Promise.all(DEMO_SETS.map(async (id) => JSON.parse(await readFile(`${REPO_ROOT}fixtures/criteria/${id}.json`, "utf8")) as { id: string; title: string; year: number; unitType: string }));
  return demoSeedStatements(sets, undefined, { openAt: new Date() });
}

/** The demo yearly cycle (applied once: see DEMO_CYCLE_MARKER_SQL). */
async function cycleSeedStatements(): Promise<string[]> {
  const set = JSON.parse(await readFile(`${REPO_ROOT}fixtures/criteria/demo-commune-2024.json`, "utf8")) as unknown;
  const { demoCycleStatements } = (await import(DEMO_CYCLE_MODULE)) as DemoCycleModule;
  return demoCycleStatements(set);
}

/** Two past years of the demo communes (applied once: see DEMO_HISTORY_MARKER_SQL). */
async function historySeedStatements(): Promise<string[]> {
  const sets = await Promise.all(DEMO_HISTORY_SETS.map(async (id) => JSON.parse(await readFile(`${REPO_ROOT}fixtures/criteria/${id}.json`, "utf8")) as unknown));
  const { demoHistoryStatements } = (await import(DEMO_HISTORY_MODULE)) as DemoHistoryModule;
  return demoHistoryStatements(sets);
}

/**
 * The demo seed, then the cycle and the history where their marker rows say they are not
 * there yet (review events and audit rows are append-only: each is seeded once, then left
 * alone). One query reads both markers and one batch stores the rest, in that order — on a
 * local D1 in this process (dev/local-d1.ts), one transaction: a seed stopped half-way (Ctrl+C
 * in `npm start`) leaves nothing half-written, and no SQL file with the demo tokens' hashes
 * behind (GL2-7; it was a file run by wrangler). npm start's first preparation 15.8 → 11.2 s.
 */
export async function applySeed(t: Target = {}): Promise<void> {
  const [applied] = await querySql<{ cycle: number; history: number }>(`SELECT (${DEMO_CYCLE_MARKER_SQL}) AS cycle, (${DEMO_HISTORY_MARKER_SQL}) AS history`, t);
  const statements = [...(await seedStatements()), ...(applied?.cycle ? [] : await cycleSeedStatements()), ...(applied?.history ? [] : await historySeedStatements())];
  await executeStatements(statements, t);
}

const STATUS_VI: Record<string, string> = {
  not_submitted: "chưa nộp (quá hạn)",
  submitted: "đã nộp",
  under_review: "đang thẩm định",
  returned_for_explanation: "trả lại để giải trình",
  explained: "đã giải trình",
  final: "kết quả cuối cùng",
};

/** Which demo unit is in which status in the demo cycle period (npm start banner). */
export function demoCycleLines(): string[] {
  return [
    `Kỳ minh họa / demo cycle period ${DEMO_CYCLE_PERIOD}:`,
    ...DEMO_CYCLE_UNITS.map((c) => {
      const name = DEMO_UNITS.find((u) => u.id === c.unit)?.name ?? c.unit;
      return `  ${c.status.padEnd(25)} ${`${name} (${c.unit})`.padEnd(36)} ${STATUS_VI[c.status]} — ${c.note}`;
    }),
  ];
}

/**
 * What a redeemed demo code opens (the seed's open periods, see DEMO_OPEN_PERIOD): its unit
 * takes part in a period when open on its set's last day, so the communes and wards closed on
 * 30/06/2025 are in 2024 only, and Xã An Phú Lộc (from 01/07/2025) in 2025 only.
 */
function opens(unit: string, at: Date): string {
  // The hour as the pane's labels say it ("17:00 ngày 31/01/2027"): a unit reading the day alone expects all of it.
  const day = deadlineText(demoOpenDeadline(at), "vi");
  if (unit === DEMO_OPEN_EXCEPTION.unit) return `kỳ ${DEMO_OPEN_EXCEPTION.period}, gia hạn đến ${day} / extended`;
  if (unit === DEMO_MERGE.into) return `kỳ ${DEMO_OPEN_PERIOD.id}, hạn ${day} / due`;
  return "không có kỳ nào đang mở / no open period (kỳ 2024 đã đóng; hết hiệu lực 30/06/2025, không thuộc kỳ 2025)";
}

/** The demo activation codes, as a first-run pane asks for them (each redeems once per fresh local database). */
export function demoCodeLines(at = new Date()): string[] {
  const state = (c: (typeof DEMO_CODES)[number]) =>
    c.used ? "đã dùng / already used (410)" : Date.parse(c.expiresAt) < at.getTime() ? "hết hạn / expired (401)" : `dùng được một lần / redeems once → ${opens(c.unit, at)}`;
  return DEMO_CODES.map((c) => {
    const unit = DEMO_UNITS.find((u) => u.id === c.unit);
    return `  ${c.code.padEnd(14)} ${`${unit?.name ?? c.unit} (${c.unit})`.padEnd(36)} ${state(c)}`;
  });
}

export function demoTokenLines(): string[] {
  return DEMO_TOKENS.map((t) => {
    const unit = DEMO_UNITS.find((u) => u.id === t.unit);
    return `  ${t.token.padEnd(14)} ${t.role.padEnd(9)} ${unit ? `${unit.name} (${unit.id})` : "toàn tỉnh / whole province"}`;
  });
}
