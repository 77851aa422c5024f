import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** /openapi.json as the Worker generates it, printed by worker/scripts/print-openapi.ts in its own process. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
}

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

let cached: { text: string; doc: OpenApiDocument } | undefined;

export function openApiDocument(): { text: string; doc: OpenApiDocument } {
  if (cached) return cached;
  const run = spawnSync(process.execPath, ["--import", "tsx", "worker/scripts/print-openapi.ts"], { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`print-openapi failed: ${run.stderr}`);
  cached = { text: run.stdout, doc: JSON.parse(run.stdout) as OpenApiDocument };
  return cached;
}

export interface Operation {
  key: string;
  method: string;
  path: string;
  documented: number[];
  matches: (method: string, path: string) => boolean;
  /** Literal segments: /v1/units/merge wins over /v1/units/{id}. */
  literals: number;
}

export function operations(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const pattern = new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`);
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        documented: Object.keys(op.responses).map(Number).sort((a, b) => a - b),
        matches: (m: string, p: string) => m === method.toUpperCase() && pattern.test(p),
        literals: path.split("/").filter((s) => s && !s.startsWith("{")).length,
      };
    }),
  );
}

/** The operation a concrete request hit, or undefined (an unknown path: the app's 404). */
export function operationOf(ops: Operation[], method: string, path: string): Operation | undefined {
  return ops.filter((o) => o.matches(method, path)).sort((a, b) => b.literals - a.literals)[0];
}
