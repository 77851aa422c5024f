/**
 * Data of bench/load.bench.ts: generated communes with one unit token each (only the
 * SHA-256 of the secret is stored, as the admin CLI does), a period per scale, and
 * realistic request bodies — the demo commune set's leaves, self-scored with evidence.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { sql } from "../worker/src/seed/demo-seed.ts";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
export const LOAD_SET = "demo-commune-2024";
/** Rows per INSERT: keeps each statement far below D1's statement size limit. */
const ROWS_PER_STATEMENT = 200;
const CREATED_AT = "2024-01-01T00:00:00.000Z";

export const loadUnitId = (i: number): string => `load-xa-${String(i).padStart(5, "0")}`;
/** Local throwaway secrets; the database only ever sees their hash. */
export const loadSecret = (unitId: string): string => `load-secret-${unitId}`;
/** The province's reviewer, over every generated commune (written with the first scale). */
export const LOAD_REVIEWER_SECRET = "load-secret-province-reviewer";
const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");

function insertRows(table: string, columns: string, rows: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(`INSERT INTO ${table} (${columns}) VALUES ${rows.slice(i, i + ROWS_PER_STATEMENT).join(", ")}`);
  return out;
}

/** Units [from, to) under the demo province, a unit token for each (and, from 0, the province reviewer's), and an open period for the scale. */
export function loadSeedSql(from: number, to: number, periodId: string): string {
  const units: string[] = [];
  const tokens: string[] = [];
  for (let i = from; i < to; i++) {
    const id = loadUnitId(i);
    units.push(`(${[id, `Xã Thử Tải ${String(i).padStart(5, "0")}`, "commune", "tinh-minh-hoa", "2020-01-01", null, CREATED_AT].map(sql).join(", ")})`);
    tokens.push(`(${[`tok-${id}`, sha256Hex(loadSecret(id)), "unit", id, `bench: ${id}`, CREATED_AT].map(sql).join(", ")})`);
  }
  if (from === 0) tokens.push(`(${["tok-load-province-reviewer", sha256Hex(LOAD_REVIEWER_SECRET), "reviewer", "tinh-minh-hoa", "bench: province reviewer", CREATED_AT].map(sql).join(", ")})`);
  const statements = [
    ...insertRows("units", "id, name, type, parent_id, valid_from, valid_to, created_at", units),
    ...insertRows("tokens", "id, token_hash, role, unit_id, label, created_at", tokens),
    `INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (${[periodId, 2024, LOAD_SET, 1, "2099-12-31T17:00:00+07:00", 0, CREATED_AT].map(sql).join(", ")})`,
  ];
  return `${statements.join(";\n")};\n`;
}

type Rule = { kind: "choice"; options: number[] } | { kind: "ratio"; bands?: { min: number; points: number }[]; proportional?: boolean; target?: number } | { kind: "manual"; step: number } | { kind: "survey" };
interface Criterion {
  code: string;
  max?: number;
  rule?: Rule;
  children?: Criterion[];
}

const leavesOf = (items: Criterion[]): Criterion[] => items.flatMap((i) => (i.children?.length ? leavesOf(i.children) : [i]));
const round2 = (n: number) => Math.round(n * 100) / 100;

/** One unit's self-assessment of a leaf: what a commune office would type in its evidence table. */
function selfItem(leaf: Criterion, variant: number): Record<string, unknown> | null {
  const rule = leaf.rule;
  const max = leaf.max ?? 0;
  const doc = `Báo cáo số ${10 + variant}/BC-UBND ngày ${String(5 + (variant % 20)).padStart(2, "0")}/12/2024 của UBND xã`;
  if (!rule || rule.kind === "survey") return null; // survey items come from the province's survey import
  if (rule.kind === "choice") return { code: leaf.code, self: rule.options[variant % rule.options.length], evidence: doc };
  if (rule.kind === "manual") return { code: leaf.code, self: max > 0 ? Math.min(max, rule.step * (variant % 3)) : 0, evidence: doc, ...(max === 0 ? { note: "Không phát sinh / none" } : {}) };
  const total = 1200 + variant * 7;
  const done = Math.round(total * (0.78 + (variant % 5) * 0.05));
  const pct = (done / total) * 100;
  const self = rule.proportional ? Math.min(max, round2((max * pct) / (rule.target ?? 100))) : (rule.bands ?? []).find((b) => pct >= b.min)?.points ?? 0;
  return { code: leaf.code, data: `${done}/${total}`, self, evidence: [doc, `Trích xuất Hệ thống thông tin giải quyết TTHC tỉnh, kỳ 2024 (${done}/${total} hồ sơ)`] };
}

/** `variants` different item lists for the period, each a full self-assessment of the demo commune set. */
export async function loadBodies(periodId: string, variants: number): Promise<string[]> {
  const set = JSON.parse(await readFile(`${REPO_ROOT}fixtures/criteria/${LOAD_SET}.json`, "utf8")) as { items: Criterion[] };
  const leaves = leavesOf(set.items);
  return Array.from({ length: variants }, (_, v) => JSON.stringify({ period: periodId, items: leaves.map((l) => selfItem(l, v)).filter((x) => x !== null) }));
}
