import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { seededDatabase } from "./seeded-d1.ts";
import { portTaken } from "./start-ports.ts";
import { freePort, onFreePort, REPO_ROOT } from "./wrangler.ts";

/** `npm start` as a user runs it (one process: node + tsx), in its own process group so a test can always clean up. */
function npmStart(args: string[], env: Record<string, string>): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "dev/start.ts"), ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

const hold = (): Promise<Server> => new Promise((resolve) => { const s = createServer(); s.listen(0, "127.0.0.1", () => resolve(s)); });
const portOf = (s: Server) => (s.address() as { port: number }).port;
const until = async (ok: () => boolean, ms: number) => { for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 200)); };

describe("npm start looks at its ports before starting anything (CF3-2)", () => {
  const cleanup: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0)) await f();
  });
  const started = (run: ReturnType<typeof npmStart>) =>
    cleanup.push(() => {
      // whatever it left behind (before the fix: an orphaned Worker) goes with its group
      try { process.kill(-run.child.pid!, "SIGKILL"); } catch { /* already gone */ }
    });

  it("add-in port taken: nothing seeded, no banner, no Worker left, and the exact ADDIN_PORT command", async () => {
    const busy = await hold();
    cleanup.push(() => new Promise((r) => busy.close(r)));
    const port = await freePort();
    const persistTo = join(tmpdir(), `start-ports-${process.pid}-${Date.now()}`);
    cleanup.push(() => rm(persistTo, { recursive: true, force: true }));
    const run = npmStart(["--port", String(port), "--persist-to", persistTo], { ADDIN_PORT: String(portOf(busy)) });
    started(run);
    expect(await run.exit).toBe(1);
    expect(run.out()).not.toContain("Chỉ số CCHC (PAR INDEX) API");
    expect(existsSync(persistTo)).toBe(false);
    expect(await portTaken(port, "127.0.0.1")).toBe(false);
    expect(run.err()).toContain(`cổng ${portOf(busy)} (add-in Excel)`);
    expect(run.err()).toContain(`port ${portOf(busy)} (the Excel add-in)`);
    const command = /ADDIN_PORT=(\d+) npm start -- --port (\d+) --persist-to (\S+)/.exec(run.err());
    expect(command?.slice(2)).toEqual([String(port), persistTo]);
    expect(await portTaken(Number(command![1]), "127.0.0.1")).toBe(false);
  }, 60_000);

  it("Worker port taken: the --port command, before the database is touched", async () => {
    const busy = await hold();
    cleanup.push(() => new Promise((r) => busy.close(r)));
    const persistTo = join(tmpdir(), `start-ports-w-${process.pid}-${Date.now()}`);
    cleanup.push(() => rm(persistTo, { recursive: true, force: true }));
    const run = npmStart(["--port", String(portOf(busy)), "--persist-to", persistTo, "--no-addin"], {});
    started(run);
    expect(await run.exit).toBe(1);
    expect(existsSync(persistTo)).toBe(false);
    expect(run.err()).toContain(`cổng ${portOf(busy)} (Worker, API)`);
    expect(run.err()).toMatch(new RegExp(`\\n  npm start -- --port (?!${portOf(busy)}\\b)\\d+ --persist-to ${persistTo.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} --no-addin`));
  }, 60_000);

  it("free ports: the banner only once the Worker answers, and SIGTERM stops the Worker and the add-in", async () => {
    const persistTo = await seededDatabase();
    cleanup.push(() => rm(persistTo, { recursive: true, force: true }));
    // Ports found free may be taken before npm start binds them: then it says so and stops, and
    // the case starts it again on others (onFreePort).
    const { run, port, addinPort } = await onFreePort(async (port) => {
      const addinPort = await freePort();
      const run = npmStart(["--port", String(port), "--persist-to", persistTo], { ADDIN_PORT: String(addinPort) });
      started(run);
      await until(() => run.out().includes("Chỉ số CCHC (PAR INDEX) API") || run.child.exitCode !== null, 150_000);
      if (run.child.exitCode !== null && /already in use/.test(run.err() + run.out())) throw new Error(`npm start: a port already in use\n${run.err()}`);
      return { run, port, addinPort };
    });
    expect(run.out()).toContain("Chỉ số CCHC (PAR INDEX) API");
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    expect(await portTaken(addinPort, "127.0.0.1")).toBe(true);
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(143);
    expect([await portTaken(port, "127.0.0.1"), await portTaken(addinPort, "127.0.0.1")]).toEqual([false, false]);
  }, 200_000);
});
