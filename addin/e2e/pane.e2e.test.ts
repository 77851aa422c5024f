import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { startAddinServer, type AddinServer } from "../dev/serve.ts";
import { loadFixtureSet, startFakeWorker, type FakeWorker } from "../test/fake-worker.ts";
import { readWorkbookBytes } from "../../cli/sheetjs-grid.ts";
import { formatNumber, scoreWorkbook } from "../../shared/index.ts";
import { unusualWorkbookBytes } from "../test/unusual-workbook.ts";

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

it("shows the ribbon's last submission on opening and when the ribbon stores a new one", async () => {
  const submitted = { kind: "submitted", at: "2024-12-20T03:15:00.000Z", percent: 85.5, band: "Khá", version: 3 };
  await page.evaluate((o) => localStorage.setItem("parindex.lastOutcome", JSON.stringify(o)), submitted);
  await page.goto(`${addin.url}/harness.html`);
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/province-clean.xlsx");
  const last = page.locator("[data-testid=last-outcome]");
  await last.waitFor();
  expect(await last.textContent()).toMatch(/85,5%.*phiên bản 3.*Khá/);

  // The ribbon's function file writes while the pane is open: the pane follows.
  const ribbon = await page.context().newPage();
  await ribbon.goto(`${addin.url}/harness.html`);
  await ribbon.evaluate(() =>
    localStorage.setItem("parindex.lastOutcome", JSON.stringify({ kind: "queued", command: "submit", at: new Date().toISOString(), text: "Không kết nối được máy chủ (mất mạng hoặc máy chủ tạm dừng). Chưa gửi được: đã lưu vào hàng đợi, sẽ gửi lại với cùng khóa." })),
  );
  await ribbon.close();
  await expect.poll(() => last.getAttribute("data-kind")).toBe("queued");
  expect(await last.textContent()).toContain("Không kết nối được máy chủ");
});

it("asks once for the columns of a workbook whose self-score column is labelled \"Đơn vị chấm\", then scores with the saved mapping", async () => {
  mkdirSync("test-artifacts", { recursive: true });
  const file = "test-artifacts/don-vi-cham.xlsx";
  const bytes = unusualWorkbookBytes(set);
  writeFileSync(file, bytes);
  const grid = readWorkbookBytes(bytes);
  if (!grid.ok) throw new Error(grid.message);
  const confirmedHeaders = [{ sheet: "Bảng chấm", headerTop: 3, headerBottom: 3, columns: { code: 0, title: 1, max: 2, self: 3, evidence: 4 } }];
  const expected = `${formatNumber(scoreWorkbook(grid.grid, set, { confirmedHeaders }).percent, "vi")}%`;

  await page.goto(`${addin.url}/harness.html`);
  await page.setInputFiles("#workbook-file", file);
  const form = page.locator("#mapping-form");
  await form.waitFor();
  expect(await page.locator("[data-testid=percent]").count()).toBe(0);
  // Keyboard first: the unsure column's select has the focus, and Enter on the button confirms.
  expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe("self");
  expect(await form.locator("select[name=max]").inputValue()).toBe("2");
  await page.keyboard.press("End"); // the last column…
  await page.keyboard.press("ArrowUp"); // …but one: "D — Đơn vị chấm"
  expect(await form.locator("select[name=self]").inputValue()).toBe("3");
  await form.locator("button[type=submit]").press("Enter");
  await expect.poll(() => page.locator("[data-testid=percent]").textContent()).toBe(expected);
  expect(await page.locator("[data-testid=status]").textContent()).toContain("Đã lưu cách đọc cột");

  // Re-opening the workbook uses the saved mapping without asking.
  await page.reload();
  await page.setInputFiles("#workbook-file", file);
  await expect.poll(() => page.locator("[data-testid=percent]").textContent()).toBe(expected);
  expect(await page.locator("[data-testid=mapping]").count()).toBe(0);
  await page.locator("#app").screenshot({ path: "test-artifacts/addin-pane-mapping.png" });
});
