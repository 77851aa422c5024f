import type { getUnit } from "../worker/src/repositories/unit-repository.ts";
import { sql } from "../worker/src/seed/demo-seed.ts";
import { querySql, type Target } from "./wrangler.ts";

/**
 * The D1 binding the Worker's checks and statement builders take (unit-checks.ts,
 * period-checks.ts, criteria-set-status.ts), offered to the admin CLI over querySql (a local
 * database in this process, local-d1.ts; a remote one through `wrangler d1 execute --json`):
 * a read runs its SQL with the values written in, a statement is written out as SQL for the
 * command's one batch. So `admin create-unit` refuses what POST /v1/units refuses, with the same
 * code and sentence, from the same code — not a copy of it.
 */
export type D1 = Parameters<typeof getUnit>[0];

const literal = (v: unknown): string => (v === null || v === undefined ? "NULL" : typeof v === "boolean" ? (v ? "1" : "0") : typeof v === "number" ? String(v) : sql(String(v)));

class SqlTextStatement {
  constructor(
    private readonly target: Target,
    private readonly query: string,
    private readonly values: readonly unknown[] = [],
  ) {}

  bind(...values: unknown[]): SqlTextStatement {
    return new SqlTextStatement(this.target, this.query, values);
  }

  /** The statement with its values written in as SQL literals (?1 … ?N, or ? in order). */
  text(): string {
    let next = 0;
    return this.query.replace(/\?(\d*)/g, (_, n: string) => literal(this.values[n ? Number(n) - 1 : next++]));
  }

  async all<T>(): Promise<{ results: T[]; success: true; meta: object }> {
    return { results: await querySql<T>(this.text(), this.target), success: true, meta: {} };
  }

  async first<T>(): Promise<T | null> {
    return (await this.all<T>()).results[0] ?? null;
  }
}

/** Reads through querySql (local-d1.ts in this process, or wrangler for --remote); writes are never run here, only written out (statementText) for the command's one batch. */
export const adminD1 = (target: Target): D1 => ({ prepare: (query: string) => new SqlTextStatement(target, query) }) as unknown as D1;

/** A statement a Worker builder made on adminD1, as SQL. */
export function statementText(statement: unknown): string {
  if (statement instanceof SqlTextStatement) return statement.text();
  throw new Error("not a statement of adminD1");
}
