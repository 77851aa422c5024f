import type { ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { seededDatabase } from "./seeded-d1.ts";
import { freePort, printedTail, startWorker, waitForHealth } from "./wrangler.ts";

/** The real Worker under `wrangler dev` on 127.0.0.1, on its own migrated and seeded local D1. */
export interface RealWorker {
  url: string;
  /** Stop it (as a crash would, from the pane's side); `start()` brings it back on the same port and data. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stop it for good and remove its database (a test run must not leave a D1 per pane session in the temp folder). */
  close: () => Promise<void>;
  /**
   * The end of what wrangler printed since the last start (it logs each request it answered,
   * "GET /v1/me 200 OK (167ms)"): a failed browser test says it beside the requests it waited
   * for, to tell a request that never reached the Worker from one it never finished.
   */
  log: () => string;
}


const WORKER_START_LIMIT_MS = 180_000;

/** The pane reaches it through its dev server's proxy (its own origin), so no CORS is involved. */
export async function startRealWorker(): Promise<RealWorker> {
  const persistTo = await seededDatabase();
  let port = 0;
  let child: ChildProcess | null = null;
  let printed = (): string => "";
  const start = async () => {
    const started = startWorker({ port, persistTo, inspectorPort: await freePort() }, "pipe");
    child = started;
    printed = printedTail(started);
    // A Worker that exits before answering (its port taken by another test file's process since
    // freePort looked) fails the start at once, not after the limit below.
    const exited = new Promise<never>((_, reject) => started.once("exit", (code) => reject(new WorkerExited(code, printed()))));
    exited.catch(() => undefined);
    // A limit against a hang, not a speed check: with the test files of both cores starting
    // wrangler, workerd and Chromium at once, a start can take well over a minute here.
    await Promise.race([waitForHealth(`http://127.0.0.1:${port}`, WORKER_START_LIMIT_MS), exited]).catch((e: unknown) => {
      if (e instanceof WorkerExited) throw e;
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${printed()}`);
    });
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGINT");
    });
  };
  const close = async () => {
    await stop();
    await rm(persistTo, { recursive: true, force: true });
  };
  // Ports are free when freePort looks and may be taken before wrangler binds them (two test
  // files starting at once): a start that died of it is tried again on new ports.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await start();
      break;
    } catch (e) {
      if (!(e instanceof WorkerExited) || !/address already in use/i.test(e.tail) || attempt === PORT_ATTEMPTS) throw e;
    }
  }
  return { url: `http://127.0.0.1:${port}`, stop, start, close, log: () => printed() };
}

const PORT_ATTEMPTS = 3;

/** The Worker's process ended before it answered /health; `tail` is the end of what it printed. */
class WorkerExited extends Error {
  constructor(
    code: number | null,
    readonly tail: string,
  ) {
    super(`the Worker exited (code ${code}) before answering /health\n${tail}`);
  }
}
