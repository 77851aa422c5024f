import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { Log, LogLevel, Miniflare, type MiniflareOptions } from "miniflare";
import { seededDatabase } from "./seeded-d1.ts";
import { workerBundle } from "./worker-bundle.ts";

/** The real Worker on 127.0.0.1, on its own migrated and seeded local D1. */
export interface RealWorker {
  url: string;
  /** Stop it (as a crash would, from the pane's side); `start()` brings it back on the same port and data. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stop it for good and remove its database if it made it (a test run must not leave a D1 per pane session in the temp folder). */
  close: () => Promise<void>;
  /**
   * The end of what the Worker and Miniflare printed since the last start (each request it
   * answered, "GET /v1/me 200 OK (167ms)"): a failed browser test says it beside the requests it
   * waited for, to tell a request that never reached the Worker from one it never finished.
   */
  log: () => string;
}


/** Lines Miniflare logs (each request it answered, "GET /v1/me 200 OK (12ms)"), kept for a failure to say. */
class KeptLog extends Log {
  constructor(private readonly keep: (text: string) => void) {
    super(LogLevel.INFO);
  }
  protected override log(message: string): void {
    this.keep(`${message.replace(/\x1b\[[0-9;]*m/g, "")}\n`);
  }
}

const TAIL_CHARS = 4000;

/**
 * The real Worker in Miniflare — workerd, the runtime `wrangler dev` and Cloudflare run — from
 * the file `wrangler deploy` uploads, with the bindings wrangler reads from wrangler.toml
 * (dev/worker-bundle.ts), on its own seeded D1 in wrangler's layout (`--persist-to`). Not
 * `wrangler dev`: its Node process, esbuild and proxy cost ~6.5 s of CPU per start against ~1 s
 * here (issue 17, item 6); npm start and its tests still run `wrangler dev`. The pane reaches it
 * through its dev server's proxy (its own origin), so no CORS is involved.
 */
export async function startRealWorker(options: { persistTo?: string } = {}): Promise<RealWorker> {
  // A database the caller made (`persistTo`) stays the caller's: close() leaves it.
  const owned = options.persistTo === undefined;
  const [persistTo, bundle] = await Promise.all([options.persistTo ?? seededDatabase(), workerBundle()]);
  const contents = await readFile(bundle.script, "utf8");
  let port = 0;
  let running: Miniflare | null = null;
  let tail = "";
  const keep = (text: string): void => {
    tail = (tail + text).slice(-TAIL_CHARS);
  };
  const start = async () => {
    tail = "";
    const mf = new Miniflare({
      ...bundle.options,
      // The module given whole: Miniflare need not parse 2.6 MB of JavaScript to find its imports (~1 s of CPU).
      modules: [{ type: "ESModule", path: bundle.script, contents }],
      modulesRoot: bundle.root,
      host: "127.0.0.1",
      port,
      defaultPersistRoot: join(persistTo, "v3"),
      log: new KeptLog(keep),
      handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
        stdout.on("data", (d: Buffer) => keep(d.toString()));
        stderr.on("data", (d: Buffer) => keep(d.toString()));
      },
      // No fetch of Cloudflare's `request.cf` data (offline): its placeholder, as wrangler dev with CLOUDFLARE_CF_FETCH_ENABLED=false.
      cf: false,
    } as MiniflareOptions);
    try {
      port = Number((await mf.ready).port);
    } catch (e) {
      await mf.dispose().catch(() => undefined);
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${tail}`, { cause: e });
    }
    running = mf;
  };
  const stop = async () => {
    const mf = running;
    running = null;
    await mf?.dispose();
  };
  const close = async () => {
    await stop();
    if (owned) await rm(persistTo, { recursive: true, force: true });
  };
  await start();
  return { url: `http://127.0.0.1:${port}`, stop, start, close, log: () => tail };
}
