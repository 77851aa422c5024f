import type { ChildProcess } from "node:child_process";
import { seededDatabase } from "./seeded-d1.ts";
import { startWorker, waitForHealth } from "./start.ts";
import { freePort } from "./wrangler.ts";

/** The real Worker under `wrangler dev` on 127.0.0.1, on its own migrated and seeded local D1. */
export interface RealWorker {
  url: string;
  /** Stop it (as a crash would, from the pane's side); `start()` brings it back on the same port and data. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
}


/** `origin`: where the pane is served from, allowed by the Worker's CORS. */
export async function startRealWorker(origin: string): Promise<RealWorker> {
  const persistTo = await seededDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = startWorker({ port, persistTo, vars: { ALLOWED_ORIGINS: origin } }, "pipe");
    await waitForHealth(url, 60_000);
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
  await start();
  return { url, stop, start };
}
