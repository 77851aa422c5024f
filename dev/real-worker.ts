import type { ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { seededDatabase } from "./seeded-d1.ts";
import { startWorker, waitForHealth } from "./start.ts";
import { freePort } from "./wrangler.ts";

/** The real Worker under `wrangler dev` on 127.0.0.1, on its own migrated and seeded local D1. */
export interface RealWorker {
  url: string;
  /** Stop it (as a crash would, from the pane's side); `start()` brings it back on the same port and data. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stop it for good and remove its database (a test run must not leave a D1 per pane session in the temp folder). */
  close: () => Promise<void>;
}


const WORKER_START_LIMIT_MS = 180_000;

/** The pane reaches it through its dev server's proxy (its own origin), so no CORS is involved. */
export async function startRealWorker(): Promise<RealWorker> {
  const persistTo = await seededDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    const started = startWorker({ port, persistTo, inspectorPort: await freePort() }, "pipe");
    child = started;
    // wrangler logs every request: drain its pipes (a full pipe would stall it), keep the tail to explain a failed start.
    let tail = "";
    const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-4000));
    started.stdout?.on("data", keep);
    started.stderr?.on("data", keep);
    // A limit against a hang, not a speed check: with the test files of both cores starting
    // wrangler, workerd and Chromium at once, a start can take well over a minute here.
    await waitForHealth(url, WORKER_START_LIMIT_MS).catch((e: unknown) => {
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${tail}`);
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
  await start();
  return { url, stop, start, close };
}
