import { randomUUID } from "node:crypto";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { startAddinServer, type AddinServer } from "../../dev/addin-server.ts";
import { builtAddin } from "../../dev/built-addin.ts";
import { startRealWorker, type RealWorker } from "../../dev/real-worker.ts";
import { onFreePort } from "../../dev/wrangler.ts";
import { askedAgain, timedOutOrReset } from "./asked-again.ts";

/**
 * The pane in headless Debian Chromium on the https add-in server (its pages built once per
 * run, dev/built-addin.ts), next to the real Worker (its own seeded local D1), signed in with
 * a demo token (the commune's `demo-unit` unless told otherwise) and a criteria set. The
 * server setting is left empty: the pane calls its own origin, whose /v1 the add-in server
 * proxies to the Worker, as a deployed pane does.
 */
export interface PaneSession {
  addin: AddinServer;
  worker: RealWorker;
  /** The session's own context (its storage, routes and downloads) in the worker's shared Chromium. */
  context: BrowserContext;
  page: Page;
  /** The page's requests still unanswered, each with how long it has waited (for a failure's diagnostics). */
  pending: () => string[];
  close: () => Promise<void>;
}

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let launched: Promise<Browser> | null = null;

/**
 * One Chromium per test worker, each file's pages in a context of their own (its own storage,
 * cache, routes and downloads, as a fresh profile has): the browser project runs its files
 * without isolation, and a launch and close cost about 2.5 s of CPU, 13 of them a run (issue 17,
 * item 6). A browser that went away (crashed, or closed by a test) is launched again for the
 * next caller; Playwright closes the last one when the worker's process exits.
 */
export function sharedBrowser(): Promise<Browser> {
  if (launched === null) {
    const launching = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    launched = launching;
    launching.then(
      (browser) => browser.on("disconnected", () => launched === launching && (launched = null)),
      () => launched === launching && (launched = null),
    );
  }
  return launched;
}

export interface SessionOptions {
  /** The browser window's size (the pane's own width is what the task pane gives it). */
  viewport?: { width: number; height: number };
  /** False: nothing in storage, as on a computer that never ran the add-in (the first run). */
  signedIn?: boolean;
}

export async function openPaneSession(criteriaSetId: string, periodId = "2024-province", token = "demo-unit", options: SessionOptions = {}): Promise<PaneSession> {
  const worker = await startRealWorker();
  // a free port, so that two checkouts can run their browser tests at once
  // the pages bundled once per run (the harness beside them), as a deployment serves them built
  const built = (await builtAddin("harness")).dir;
  const addin = await onFreePort((port) => startAddinServer({ port, api: worker.url, built }));
  const browser = await sharedBrowser();
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: options.viewport ?? { width: 1280, height: 900 }, acceptDownloads: true });
  if (options.signedIn !== false) await context.addInitScript(
    ([setId, period, secret]) => {
      if (localStorage.getItem("parindex.token")) return;
      localStorage.setItem("parindex.settings", JSON.stringify({ server: "", periodId: period, criteriaSetId: setId, criteriaSetVersion: 1, locale: "vi" }));
      localStorage.setItem("parindex.token", secret);
    },
    [criteriaSetId, periodId, token] as const,
  );
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && console.log("pane console:", m.text()));
  const waiting = new Map<object, { url: string; since: number }>();
  page.on("request", (r) => waiting.set(r, { url: `${r.method()} ${r.url()}`, since: Date.now() }));
  page.on("requestfinished", (r) => waiting.delete(r));
  page.on("requestfailed", (r) => waiting.delete(r));
  const pending = () => [...waiting.values()].map((w) => `${w.url} (${Math.round((Date.now() - w.since) / 1000)} s)`);
  return {
    addin,
    worker,
    context,
    page,
    pending,
    close: async () => {
      await context.close();
      await addin.close();
      await worker.close();
    },
  };
}

/**
 * `step`, and if it fails, a failure that says what the pane showed (status, score, findings,
 * its first text), the page's requests still unanswered and what the Worker printed last: a
 * wait that ran out under load then tells a slow or stalled request from a pane that went
 * wrong (the pane test's first case and insight-sheets' first each failed once so in a full run).
 */
export async function explainIfFails<T>(session: PaneSession, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    const shown = await session.page
      .evaluate(() => ({
        status: document.querySelector("[data-testid=status]")?.textContent ?? null,
        percent: document.querySelector("[data-testid=percent]")?.textContent ?? null,
        findings: document.querySelectorAll(".finding").length,
        pane: document.getElementById("app")?.textContent?.slice(0, 300) ?? null,
      }))
      .catch(() => null);
    throw new Error(`${what}: ${JSON.stringify({ ...shown, pending: session.pending(), worker: session.worker.log().slice(-1500) })}`, { cause: e });
  }
}

/**
 * A GET of the session's Worker by the test itself, as JSON, asked again when it has no answer
 * in 10 s or its connection is reset (askedAgain): under load `wrangler dev` once left such a
 * GET unanswered past a case's 90 s (web-checker, 02/12), and the case, timed out but still
 * running, then submitted into the next one. The pane's own reads are asked again by the pane
 * (ANSWER_START_MS, addin/src/api/client.ts).
 */
export function workerGet<T>(worker: RealWorker, path: string, token: string): Promise<T> {
  return askedAgain(
    async (timeout) => (await (await fetch(`${worker.url}${path}`, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeout) })).json()) as T,
    timedOutOrReset,
    (attempt, why) => console.log(`GET ${path}: ${why} (attempt ${attempt}), asked again`),
  );
}

/**
 * The admin API of a session's Worker, as the province's office would set up a year: `expected`
 * is the status it must answer. Bounded and asked again as workerGet is, under one
 * Idempotency-Key per call: a create asked twice is answered from the first (API-NOTES), and a
 * status change sent twice changes nothing more. Unbounded, a write left unanswered (the stall
 * `wrangler dev` showed on GETs) would hold a file's beforeAll to its 400 s hook limit.
 */
export async function adminCall(session: PaneSession, method: string, path: string, body: unknown, expected = 201): Promise<unknown> {
  const headers = { Authorization: "Bearer demo-admin", "Content-Type": "application/json", "Idempotency-Key": randomUUID() };
  const r = await askedAgain(
    (timeout) => fetch(`${session.worker.url}${path}`, { method, headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeout) }),
    timedOutOrReset,
    (attempt, why) => console.log(`${method} ${path}: ${why} (attempt ${attempt}), asked again`),
  );
  const text = await r.text();
  // The answer's body beside an unexpected status: its error envelope says why.
  expect([path, r.status, r.status === expected ? "" : text]).toEqual([path, expected, ""]);
  return JSON.parse(text) as unknown;
}
