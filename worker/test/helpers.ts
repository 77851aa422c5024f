import { env } from "cloudflare:test";
import commune from "../../fixtures/criteria/demo-commune-2024.json";
import district from "../../fixtures/criteria/demo-district-2024.json";
import province from "../../fixtures/criteria/demo-province-2024.json";
import commune2022 from "../../fixtures/criteria/demo-commune-2022.json";
import commune2023 from "../../fixtures/criteria/demo-commune-2023.json";
import { demoCycleStatements } from "../src/seed/demo-cycle.ts";
import { demoHistoryStatements } from "../src/seed/demo-history.ts";
import { workerFetch } from "./observed-statuses.ts";
import { DEMO_CYCLE_MARKER_SQL, DEMO_HISTORY_MARKER_SQL, demoSeedStatements } from "../src/seed/demo-seed.ts";

export const DEMO_SETS = [commune, district, province];
export const COMMUNE_SET = commune;

export async function seedDemo(): Promise<void> {
  const statements = await demoSeedStatements(DEMO_SETS);
  await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
}

/**
 * A database just emptied (fresh-database.ts) migrated and seeded in one batch: each migration's
 * statements and its row in d1_migrations, as the pool's applyD1Migrations writes them, then the
 * demo seed — one round trip where applyD1Migrations and seedDemo made 24, and one commit: 58 →
 * 20 ms a test file inside workerd (timed in the setup: 5.7 → 2.0 s over the run's 98 files; the
 * project's wall time moves by more than that from run to run). What it leaves is held to what
 * those two leave by test/fresh-database.test.ts.
 */
export async function migrateAndSeedDemo(): Promise<void> {
  const db = env.DB;
  const record = db.prepare("INSERT INTO d1_migrations (name) VALUES (?)");
  const statements = [db.prepare(MIGRATIONS_TABLE_SQL)];
  for (const m of env.TEST_MIGRATIONS) statements.push(...m.queries.map((q) => db.prepare(q)), record.bind(m.name));
  for (const s of await demoSeedStatements(DEMO_SETS)) statements.push(db.prepare(s));
  await db.batch(statements);
}

/** applyD1Migrations' own table of applied migrations (@cloudflare/vitest-pool-workers), its tabs too: SQLite keeps the text. */
const MIGRATIONS_TABLE_SQL = "CREATE TABLE IF NOT EXISTS d1_migrations (\n\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n\t\tname       TEXT UNIQUE,\n\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n\t);";

/** The demo yearly cycle (period 2024-commune-demo) as `npm start` seeds it: once, only where a test asks. */
export async function seedDemoCycle(): Promise<void> {
  if ((await env.DB.prepare(DEMO_CYCLE_MARKER_SQL).first<{ n: number }>())?.n) return;
  await env.DB.batch(demoCycleStatements(COMMUNE_SET).map((s) => env.DB.prepare(s)));
}

/** The demo's past years (periods 2022-commune, 2023-commune) as `npm start` seeds them: once, only where a test asks. */
export async function seedDemoHistory(): Promise<void> {
  if ((await env.DB.prepare(DEMO_HISTORY_MARKER_SQL).first<{ n: number }>())?.n) return;
  await env.DB.batch(demoHistoryStatements([commune2022, commune2023]).map((s) => env.DB.prepare(s)));
}

export const TOKENS = { admin: "demo-admin", reviewer: "demo-reviewer", unit: "demo-unit" } as const;
export type Who = keyof typeof TOKENS | "none" | "bogus";

export interface CallOptions {
  as?: Who;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The test clock (X-Test-Now). */
  at?: string;
}

/** One request through the real Worker entry (SELF), JSON in and out. */
export async function call(method: string, path: string, opts: CallOptions = {}): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...opts.headers };
  const who = opts.as ?? "admin";
  if (headers.Authorization) {
    // an explicit token wins
  } else if (who === "bogus") headers.Authorization = "Bearer not-a-real-token";
  else if (who !== "none") headers.Authorization = `Bearer ${TOKENS[who]}`;
  if (opts.at) headers["X-Test-Now"] = opts.at;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["Content-Type"] ??= "application/json";
  }
  const res = await workerFetch(`https://parindex.test${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: any = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

let counter = 0;
export const uniqueKey = (prefix = "k"): string => `${prefix}-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;

/** A complete item list for a criteria set: every self-scored leaf at full marks with evidence. */
export function fullItems(set: { items: any[] }, scale = 1): { code: string; self?: number; data?: string; evidence?: string }[] {
  const out: { code: string; self?: number; data?: string; evidence?: string }[] = [];
  const walk = (items: any[]) => {
    for (const item of items) {
      if (item.children) walk(item.children);
      else if (item.rule?.kind === "survey") continue;
      else if (item.rule?.kind === "ratio") out.push({ code: item.code, data: scale === 1 ? "100%" : "50%", evidence: "Báo cáo số 15/BC-UBND ngày 10/12/2024" });
      else {
        const max = item.max ?? 0;
        const options: number[] | undefined = item.rule?.kind === "choice" ? item.rule.options : undefined;
        const self = options ? (scale === 1 ? Math.max(...options) : Math.min(...options)) : Math.max(item.min ?? 0, max * (scale === 1 ? 1 : 0));
        out.push({ code: item.code, self, evidence: "Quyết định số 12/QĐ-UBND ngày 05/01/2024" });
      }
    }
  };
  walk(set.items);
  return out;
}

/** A fresh token straight in D1 (as the admin CLI would store it): only its hash is kept. */
export async function createToken(role: "unit" | "reviewer" | "admin", unit: string | null, expiresAt: string | null = null): Promise<string> {
  const secret = `test-${uniqueKey(role)}`;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  await env.DB.prepare("INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
    .bind(`tok-${secret}`, hash, role, unit, `test ${role}`, new Date().toISOString(), expiresAt)
    .run();
  return secret;
}

export const bearer = (secret: string): Record<string, string> => ({ Authorization: `Bearer ${secret}` });

export async function count(table: string, where = "1 = 1", ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).bind(...binds).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Inside the demo commune period, before its deadline. */
export const BEFORE_DEADLINE = "2025-01-15T09:00:00+07:00";
