import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GoldenCase } from "./golden-cases.ts";

/**
 * The golden cases (golden.test.ts) travel to workerd through a service binding that reads
 * them from a file, not through vitest's provide/inject: vitest sends the provided context
 * with every test file it hands the pool, and the pool serialized these 1.8 MB (workbooks in
 * base64, criteria sets, expected reports) once per file, 98 times a run, for the one file
 * that reads them — about 170 MB through devalue, a compressed WebSocket and workerd's parser
 * (issue 17, item 6). Like the status log, one file per vitest run, its path fixed in the
 * vitest process (worker/vitest.config.ts) so that the global setup and the binding agree.
 */
export function goldenCasesPath(): string {
  return (process.env.PARINDEX_GOLDEN_CASES ??= join(tmpdir(), `parindex-golden-${process.pid}.json`));
}

/** Written by the global setup; the teardown it returns removes it. */
export async function writeGoldenCases(cases: GoldenCase[]): Promise<() => Promise<void>> {
  const path = goldenCasesPath();
  await writeFile(path, JSON.stringify(cases));
  return () => rm(path, { force: true });
}

/** The GOLDEN_CASES service binding: runs in the vitest process and answers with the cases. */
export async function serveGoldenCases(): Promise<Response> {
  return new Response(await readFile(goldenCasesPath()), { headers: { "Content-Type": "application/json" } });
}
