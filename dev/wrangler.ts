import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { withLocalD1 } from "./local-d1.ts";

/** Running wrangler from Node: offline, no telemetry, no Cloudflare login (always --local unless told). */
export const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const WRANGLER_BIN = `${REPO_ROOT}node_modules/wrangler/bin/wrangler.js`;

export function wranglerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_UPDATE_NOTIFIER: "1", ...extra };
}

export interface Target {
  /** Local D1 state directory (wrangler's --persist-to); default .wrangler/state. */
  persistTo?: string | undefined;
  /** A deployed database instead of the local one (needs `wrangler login`; untested here). */
  remote?: boolean | undefined;
  /** A wrangler.toml environment whose database is meant ("production": a province's deployment). */
  env?: string | undefined;
}

export const targetFlags = (t: Target): string[] => [...(t.remote ? ["--remote"] : ["--local", ...(t.persistTo ? ["--persist-to", t.persistTo] : [])]), ...(t.env ? ["--env", t.env] : [])];

export function spawnWrangler(args: string[], opts: { env?: NodeJS.ProcessEnv; stdio?: "inherit" | "pipe" } = {}): ChildProcess {
  return spawn(process.execPath, [WRANGLER_BIN, ...args], { cwd: REPO_ROOT, env: wranglerEnv(opts.env), stdio: opts.stdio === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"] });
}

/**
 * Why wrangler failed, from its output: its "✘ [ERROR]" lines without colours (e.g.
 * "UNIQUE constraint failed: units.id: SQLITE_CONSTRAINT"), else its last lines — never its
 * banner, which is all the first lines of a failure show.
 */
export function wranglerReason(output: string): string {
  const lines = output
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const errors = lines.filter((l) => /^✘ \[ERROR\]/.test(l)).map((l) => l.replace(/^✘ \[ERROR\]\s*/, ""));
  if (errors.length > 0) return errors.join("\n");
  const banner = /wrangler \d|^─+$|^Resource location|^Use --remote|^🌀|^🪵|^\[?wrangler/i;
  return lines.filter((l) => !banner.test(l)).slice(-3).join("\n") || "no reason given";
}

/** A failed wrangler run: the reason as its message, the whole output kept for debugging. */
export class WranglerError extends Error {
  constructor(
    readonly args: string[],
    readonly output: string,
  ) {
    super(`wrangler ${args.slice(0, 2).join(" ")} failed: ${wranglerReason(output)}`);
  }
}

/** Run wrangler to completion; rejects with a WranglerError (the reason) when it fails. */
export function runWrangler(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnWrangler(args, { env });
    let out = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new WranglerError(args, out))));
  });
}

export const applyMigrations = (t: Target = {}): Promise<string> => runWrangler(["d1", "migrations", "apply", "DB", ...targetFlags(t)], { CI: "1" });

export const executeSqlFile = (file: string, t: Target = {}): Promise<string> => runWrangler(["d1", "execute", "DB", ...targetFlags(t), "--file", file, "--yes"]);

/**
 * Rows of one SQL statement: a local target's in this process (local-d1.ts, a few ms), a
 * remote one's through `wrangler d1 execute --json --remote`.
 */
export async function querySql<T>(sql: string, t: Target = {}): Promise<T[]> {
  return t.remote ? queryThroughWrangler<T>(sql, t) : withLocalD1(t, async (db) => (await db.prepare(sql).all<T>()).results);
}

/** Rows of one SQL statement through `wrangler d1 execute --json` (local or remote, as `t` says). */
export async function queryThroughWrangler<T>(sql: string, t: Target = {}): Promise<T[]> {
  const out = await runWrangler(["d1", "execute", "DB", ...targetFlags(t), "--json", "--command", sql]);
  const parsed = JSON.parse(out.slice(out.indexOf("["))) as { results: T[] }[];
  return parsed.flatMap((r) => r.results);
}

/**
 * Statements stored together or not at all: a local target's as one D1 batch (a transaction),
 * a remote one's as one file through `wrangler d1 execute --remote --file`. The file holds
 * what may be secret (a token's hash): it is written 0600 in a directory of its own and
 * removed whatever happens.
 */
export async function executeStatements(statements: readonly string[], t: Target = {}, tmpRoot = tmpdir()): Promise<void> {
  if (!t.remote) {
    await withLocalD1(t, (db) => db.batch(statements.map((s) => db.prepare(s))));
    return;
  }
  const dir = await mkdtemp(join(tmpRoot, "parindex-admin-"));
  try {
    const file = join(dir, "command.sql");
    await writeFile(file, `${statements.join(";\n")};\n`, { mode: 0o600 });
    await executeSqlFile(file, t);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `start` on a free port, again on another while the one found was taken before `start` bound
 * it: a port freePort finds is free only when it looks, and the kernel may hand it to another
 * process's connection before the server listens ("Port 43355 is already in use" failed a
 * fresh-clone CI run once, the add-in server's test).
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, tries = 3, find: () => Promise<number> = freePort): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await find());
    } catch (e) {
      const taken = (e as NodeJS.ErrnoException).code === "EADDRINUSE" || /\b(already in use|EADDRINUSE)\b/.test(e instanceof Error ? e.message : "");
      if (!taken || attempt >= tries) throw e;
    }
  }
}

/** A free TCP port on 127.0.0.1 (for wrangler dev in tests and benchmarks). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Resolves once GET /health answers 200, or rejects after `timeoutMs`. */
export async function waitForHealth(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${baseUrl}/health did not answer within ${timeoutMs} ms`);
}

/**
 * Drains a child's pipes — `wrangler dev` logs every request, and a full pipe would stall it —
 * keeping the last `chars` of what it printed, for a failed start or a stalled request to say.
 */
export function printedTail(child: ChildProcess, chars = 4000): () => string {
  let tail = "";
  const keep = (d: Buffer): void => {
    tail = (tail + d.toString()).slice(-chars);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => tail;
}

/** `wrangler dev` of the Worker on 127.0.0.1 (npm start's, the tests' and the load bench's). */
export interface DevOptions extends Target {
  port?: number;
  /** Extra `--var NAME:value` for wrangler dev (e.g. BENCH_RAW_INSERT). */
  vars?: Record<string, string>;
  /** A wrangler.toml environment, e.g. "production" (a province's Worker, serving the built add-in). */
  env?: string;
  /** The built add-in to serve as static assets (overrides the environment's assets directory). */
  assets?: string;
  /**
   * The devtools port (wrangler's default: the first free one from 9229). Workers started at
   * once must each be given a free one: two wranglers probing together both pick 9229, and
   * the second workerd dies on it while its wrangler waits forever.
   */
  inspectorPort?: number;
}

/** A `wrangler dev` that answers /health, its address, and the last of what it printed. */
export interface StartedWorker {
  worker: ChildProcess;
  port: number;
  base: string;
  said: () => string;
}

/**
 * `wrangler dev` on a free port (and a free devtools port), answering /health within
 * `healthMs`; started again on other ports when wrangler said one of them was taken by the time
 * workerd bound it (onFreePort): it then exits at once ("Address already in use (127.0.0.1:…)"),
 * or, for the devtools port, waits without answering. Any other failure to start is thrown
 * with the end of what wrangler printed.
 */
export function startWorkerOnFreePort(opts: Omit<DevOptions, "port" | "inspectorPort">, healthMs: number, find: () => Promise<number> = freePort): Promise<StartedWorker> {
  return onFreePort(
    async (port) => {
      const worker = startWorker({ ...opts, port, inspectorPort: await freePort() }, "pipe");
      const said = printedTail(worker);
      const base = `http://127.0.0.1:${port}`;
      for (const until = Date.now() + healthMs; worker.exitCode === null && worker.signalCode === null && Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
        // each ask bounded: the process that took the port may accept and never answer
        if (await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)) return { worker, port, base, said };
      }
      worker.kill("SIGINT");
      const taken = /already in use/i.test(said()) ? " (a port already in use)" : "";
      throw new Error(`wrangler dev on ${base} did not answer /health${worker.exitCode !== null ? `: it exited (${worker.exitCode})` : ` within ${healthMs} ms`}${taken}; it printed:\n${said().slice(-1500)}`);
    },
    3,
    find,
  );
}

export function startWorker(opts: DevOptions = {}, stdio: "inherit" | "pipe" = "inherit"): ChildProcess {
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(opts.port ?? 8787), "--local", "--show-interactive-dev-session=false"];
  if (opts.persistTo) args.push("--persist-to", opts.persistTo);
  if (opts.env) args.push("--env", opts.env);
  if (opts.assets) args.push("--assets", opts.assets);
  if (opts.inspectorPort) args.push("--inspector-port", String(opts.inspectorPort));
  for (const [name, value] of Object.entries(opts.vars ?? {})) args.push("--var", `${name}:${value}`);
  return spawnWrangler(args, { stdio });
}
