import { appendFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The file the worker tests' observed statuses go to (one JSON line per test file), shared
 * through the environment by the vitest process and the api-contract project it starts
 * after the worker project (worker/contract/statuses.test.ts). One file per vitest run.
 */
export function statusLogPath(): string {
  return (process.env.PARINDEX_STATUS_LOG ??= join(tmpdir(), `parindex-statuses-${process.pid}.jsonl`));
}

export const startStatusLog = (): void => writeFileSync(statusLogPath(), "");

/** The STATUS_LOG service binding: runs in the vitest process, appends what a test file saw. */
export async function appendStatusLog(request: Request): Promise<Response> {
  appendFileSync(statusLogPath(), `${(await request.text()).replace(/\n/g, " ")}\n`);
  return new Response(null, { status: 204 });
}
