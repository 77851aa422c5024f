import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { startAddinServer, type AddinServer } from "../dev/serve.ts";
import { loadFixtureSet, startFakeWorker, type FakeWorker } from "../test/fake-worker.ts";

/**
 * The pane in headless Chromium (Debian's /usr/bin/chromium) on the https dev server, with
 * a workbook file opened in the harness, against a stand-in of the Worker's submission
 * contract (test/fake-worker.ts) until the real Worker runs in tests.
 */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const set = loadFixtureSet("fixtures/criteria/demo-province-2024.json");
let worker: FakeWorker;
let addin: AddinServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  worker = await startFakeWorker({ set });
  addin = await startAddinServer({ port: 3123 });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(
    ([server, setId]) => {
      if (localStorage.getItem("parindex.token")) return;
      localStorage.setItem("parindex.settings", JSON.stringify({ server, periodId: setId, criteriaSetId: setId, criteriaSetVersion: 1, locale: "vi" }));
      localStorage.setItem("parindex.token", "demo-unit");
    },
    [worker.url, set.id] as const,
  );
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await addin?.close();
  await worker?.close();
});

it("opens a fixture, shows findings, selects a cell, submits through a Worker killed mid-submit: queued, then delivered once", async () => {
  await page.goto(`${addin.url}/harness.html`);
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/province-old-template.xlsx");
  await page.locator(".finding.warning").first().waitFor();
  expect(await page.locator("[data-testid=percent]").textContent()).toMatch(/%$/);

  const link = page.locator(".finding .finding-link").first();
  const cell = (await link.textContent())!;
  await link.click();
  await expect.poll(() => page.locator("[data-testid=selection]").textContent()).toBe(cell);
  expect(await page.locator("td.selected").getAttribute("data-address")).toBe(cell.split("!")[1]);

  worker.holdSubmissions = true;
  const port = Number(new URL(worker.url).port);
  await page.click("[data-action=submit]");
  await expect.poll(() => worker.posts.length).toBe(1);
  const key = worker.posts[0]!.key;
  await worker.close();
  await page.locator("[data-testid=queued]").waitFor();
  expect(await page.locator("[data-testid=status]").textContent()).toContain("hàng đợi");

  // The outbox survives closing the workbook: reload the page and open the file again.
  await page.reload();
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/province-old-template.xlsx");
  await page.locator("[data-testid=queued]").waitFor();

  worker = await startFakeWorker({ set, port });
  await page.click("[data-action=retry]");
  await expect.poll(() => page.locator("[data-testid=status]").textContent()).toContain("Đã gửi 1 báo cáo");
  expect(await page.locator("[data-testid=queued]").count()).toBe(0);
  expect(worker.posts.map((p) => p.key)).toEqual([key]);
  expect(worker.created()).toBe(1);

  mkdirSync("test-artifacts", { recursive: true });
  await page.locator("#app").screenshot({ path: "test-artifacts/addin-pane.png" });
});
