import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The local D1 of a wrangler `--persist-to` directory, opened in this process through
 * wrangler's getPlatformProxy (Miniflare, the same files `wrangler d1 execute --local` and
 * `wrangler dev` use). Opening it takes about 0.3 s and a statement a few ms; `wrangler d1
 * execute` took about a second a statement, and the admin CLI runs several reads per command
 * (issue 17, items 5 and 6: an admin command, and the admin tests, waited on them).
 *
 * An open database is shared: `holdLocalD1` keeps it open until `release`, and
 * `withLocalD1` opens it for one call unless a hold keeps it already. Nothing stays open
 * behind a caller's back — workerd runs as a child process, and a forgotten one would keep
 * Node alive.
 */
export interface LocalTarget {
  /** wrangler's --persist-to; default .wrangler/state at the repository root, as wrangler's own. */
  persistTo?: string | undefined;
  /** A wrangler.toml environment ("production"): its DB binding's database. */
  env?: string | undefined;
  /** Open it even where no local D1 exists yet, creating it (migrations only: local-migrations.ts). */
  create?: boolean | undefined;
}

interface Statement {
  bind(...values: unknown[]): Statement;
  all<T>(): Promise<{ results: T[] }>;
}
/** The part of the D1 binding the admin CLI and the local tools use. */
export interface LocalD1 {
  prepare(query: string): Statement;
  /** One transaction: every statement, or none (a failure rolls back the ones before). */
  batch(statements: Statement[]): Promise<unknown[]>;
}

export const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

interface Open {
  /** Started by the first caller that asks for the database, not by a hold alone. */
  proxy?: Promise<{ DB: LocalD1; dispose: () => Promise<void> }>;
  holds: number;
}
const opened = new Map<string, Open>();

/** wrangler runs at the repository root (wrangler.ts), so a relative --persist-to is read from there. */
const stateDir = (t: LocalTarget): string => resolve(REPO_ROOT, t.persistTo ?? ".wrangler/state");
const keyOf = (t: LocalTarget): string => JSON.stringify([stateDir(t), t.env ?? ""]);

const EXITING_SIGNALS = ["SIGINT", "SIGTERM"] as const;
let wrangler: Promise<typeof import("wrangler")> | undefined;

/**
 * wrangler's bundle, imported on first use (~0.4 s; most callers — remote targets, --help —
 * never open a local database). Its module code adds SIGINT and SIGTERM handlers that clean
 * its Pages build folders and call process.exit() with code 0: in `npm start` they ended the
 * process before its own handler stopped the Worker, and with 0 instead of 143. Those two
 * are taken off again; the caller owns its signals (Miniflare's own exit hook, which stops
 * workerd, is left alone).
 */
export function loadWrangler(): Promise<typeof import("wrangler")> {
  wrangler ??= (async () => {
    const before = new Map(EXITING_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
    const module = await import("wrangler");
    for (const signal of EXITING_SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener) && String(listener).includes("CLEANUP()")) process.removeListener(signal, listener);
      }
    }
    return module;
  })();
  return wrangler;
}

async function openProxy(t: LocalTarget): Promise<{ DB: LocalD1; dispose: () => Promise<void> }> {
  // A folder with no local D1 in it (a mistyped --persist-to, or `npm start` never run) is said
  // as such: opened, it would be created empty and answer "no such table" (GL2-4).
  if (!t.create && !existsSync(join(stateDir(t), "v3", "d1"))) {
    throw new Error(
      `Không có cơ sở dữ liệu D1 cục bộ trong ${stateDir(t)}: chạy npm start (hoặc wrangler d1 migrations apply DB --local --persist-to …) trước, hoặc kiểm tra lại --persist-to / no local D1 in ${stateDir(t)}: run npm start (or wrangler d1 migrations apply) first, or check --persist-to`,
    );
  }
  const { getPlatformProxy } = await loadWrangler();
  const proxy = await getPlatformProxy<{ DB: LocalD1 }>({
    configPath: join(REPO_ROOT, "wrangler.toml"),
    environment: t.env,
    // wrangler keeps its state under <persist-to>/v3; getPlatformProxy is given that directory.
    persist: { path: join(stateDir(t), "v3") },
    remoteBindings: false,
  });
  return { DB: proxy.env.DB, dispose: proxy.dispose };
}

/**
 * Keeps the target's database open from the first `db()` until `release` (the last release
 * closes it). A hold alone opens nothing: a command refused from its arguments starts no
 * database and creates no state directory.
 */
export function holdLocalD1(t: LocalTarget): { db: () => Promise<LocalD1>; reopen: () => Promise<void>; release: () => Promise<void> } {
  const key = keyOf(t);
  let entry = opened.get(key);
  if (!entry) {
    entry = { holds: 0 };
    opened.set(key, entry);
  }
  const held = entry;
  held.holds++;
  let released = false;
  return {
    db: () => {
      if (released) return Promise.reject(new Error("local D1 hold already released"));
      if (!held.proxy) {
        held.proxy = openProxy(t);
        // A database that failed to open is not kept: the next call tries again.
        held.proxy.catch(() => (held.proxy = undefined));
      }
      return held.proxy.then((p) => p.DB);
    },
    /** Closes the database this hold shares, so that the next `db()` of any hold opens a new one (isProxyDesync). */
    reopen: async () => {
      const stale = held.proxy;
      held.proxy = undefined;
      await stale?.then(
        (p) => p.dispose(),
        () => undefined,
      );
    },
    release: async () => {
      if (released) return;
      released = true;
      if (--held.holds > 0) return;
      if (opened.get(key) === held) opened.delete(key);
      await held.proxy?.then(
        (p) => p.dispose(),
        () => undefined,
      );
    },
  };
}

/**
 * `fn` on the target's database, opened for the call unless a hold keeps it open already; run
 * again while the database is busy (retryWhileBusy).
 */
export async function withLocalD1<T>(t: LocalTarget, fn: (db: LocalD1) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const hold = holdLocalD1(t);
    try {
      const db = await hold.db();
      return await retryWhileBusy(() => fn(db));
    } catch (e) {
      if (attempt > 0 || !isProxyDesync(e)) throw e;
      // The proxy's replies are out of step for good: a new one, and the call once more.
      await hold.reopen();
    } finally {
      await hold.release();
    }
  }
}

/**
 * Miniflare's proxy answers a synchronous call (`prepare`, `bind`) through a worker thread and
 * asserts that the reply it reads is the call's own. Once in a loaded full run, on a file's
 * twentieth call or so, it found none yet (`false == true`); the late reply then answered the next
 * call, and every later call of that process failed the same way (eight tests of one file, CI
 * red). Such a call has sent nothing to the database yet — statements run only when awaited
 * (`all`, `run`, `batch`) —, so the call is made again on a new proxy (withLocalD1).
 */
export const isProxyDesync = (e: unknown): boolean =>
  e instanceof Error && (e as { code?: unknown }).code === "ERR_ASSERTION" && /SynchronousFetcher|fetch-sync/.test(e.stack ?? "");

/**
 * Two processes on one local D1 — the admin CLI and `npm start`'s Worker, or two admin commands
 * — meet SQLite's lock: the one that finds it taken fails with SQLITE_BUSY, which reaches the
 * binding only as "internal error; reference = …" (workerd prints the cause on stderr). SQLite
 * refuses a busy statement or transaction before anything of it is written (a batch is one
 * transaction), so running it again is safe; it is tried again a few times, ~3 s in all, then
 * said in words (GL2-1: one command in two failed when two ran at once). Any other failure
 * (a constraint, a missing table) is thrown at once.
 */
export async function retryWhileBusy<T>(fn: () => Promise<T>, waitsMs: readonly number[] = [100, 200, 400, 800, 1600]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (attempt >= waitsMs.length) {
        throw new Error(
          `Cơ sở dữ liệu D1 cục bộ đang bận (Worker của npm start hoặc một lệnh khác đang ghi cùng lúc): lệnh chưa chạy xong, hãy chạy lại / the local D1 is busy (npm start's Worker or another command writing at the same moment): run the command again (${e instanceof Error ? e.message : String(e)})`,
        );
      }
      await new Promise((r) => setTimeout(r, waitsMs[attempt]));
    }
  }
}

const isBusy = (e: unknown): boolean => e instanceof Error && /SQLITE_BUSY|database is locked|internal error; reference =/.test(e.message);
