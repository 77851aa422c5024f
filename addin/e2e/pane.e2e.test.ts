import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadFixtureSet } from "../test/fake-worker.ts";
import { explainIfFails, openPaneSession, workerGet, type PaneSession } from "./pane-session.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { formatNumber, scoreWorkbook } from "../../shared/index.ts";
import { unusualWorkbookBytes } from "../test/unusual-workbook.ts";

/**
 * The pane in headless Chromium (Debian's /usr/bin/chromium) on the https dev server, with
 * a workbook file opened in the harness, against the real Worker (dev/real-worker.ts, on its own
 * migrated and seeded local D1) — the demo commune's token `demo-unit`.
 */
const set = loadFixtureSet("fixtures/criteria/demo-province-2024.json");
let session: PaneSession;
let addin: PaneSession["addin"];
let worker: PaneSession["worker"];
let page: PaneSession["page"];

beforeAll(async () => {
  session = await openPaneSession(set.id);
  ({ addin, worker, page } = session);
});

afterAll(async () => session?.close());

const commune = { periodId: "2024-commune", criteriaSetId: "demo-commune-2024", criteriaSetVersion: 1 };
const api = (path: string): Promise<any> => workerGet(worker, path, "demo-unit");
const versions = async (): Promise<number[]> =>
  ((await api("/v1/submissions?unit=xa-an-phu&period=2024-commune&limit=100")) as { items: { version: number }[] }).items.map((i) => i.version);

it("opens a fixture, shows findings, selects a cell, submits; the Worker dies mid-submit: queued, then delivered once", { timeout: 120_000 }, async () => {
  await page.goto(`${addin.url}/harness.html`);
  const province = await page.evaluate(() => localStorage.getItem("parindex.settings"));
  let workerDown = false;
  try {
    await page.evaluate((c) => localStorage.setItem("parindex.settings", JSON.stringify({ server: "", ...c, locale: "vi" })), commune);
    await page.reload();
    // A commune workbook as LibreOffice saves it: two warnings, no errors.
    await page.setInputFiles("#workbook-file", "fixtures/workbooks/realistic-commune-libreoffice.xlsx");
    await explainIfFails(session, "no warning shown", () => page.locator(".finding.warning").first().waitFor());
    expect(await page.locator("[data-testid=percent]").textContent()).toBe("66,26 %");

    const link = page.locator(".finding .finding-link").first();
    const cell = (await link.textContent())!;
    await link.click();
    await expect.poll(() => page.locator("[data-testid=selection]").textContent()).toBe(cell);
    expect(await page.locator("td.selected").getAttribute("data-address")).toBe(cell.split("!")[1]);

    // The submission reaches the Worker and is stored; the Worker dies before the pane hears back.
    const before = await versions();
    const keys: string[] = [];
    let died = false;
    await page.route("**/v1/submissions", async (route) => {
      if (route.request().method() !== "POST" || died) return route.fallback();
      keys.push(route.request().headers()["idempotency-key"] ?? "");
      await route.fetch();
      died = true;
      workerDown = true;
      await worker.stop();
      await route.abort("connectionreset");
    });
    await page.click("[data-action=submit]");
    await page.locator("[data-testid=queued]").waitFor();
    // The server did store it: the words say no confirmation came, never "not sent".
    expect(await page.locator("[data-testid=status]").textContent()).toBe("Chưa nhận được xác nhận của máy chủ (mạng chập chờn). Bản nộp đã được giữ trên máy này; bấm Gửi lại khi có mạng — gửi lại không tạo thêm phiên bản.");

    // The outbox survives closing the workbook: reload the page and open the file again.
    await page.reload();
    await page.setInputFiles("#workbook-file", "fixtures/workbooks/realistic-commune-libreoffice.xlsx");
    await page.locator("[data-testid=queued]").waitFor();

    await worker.start();
    workerDown = false;
    const stored = await versions();
    expect(stored.length).toBe(before.length + 1); // the first attempt did arrive

    await page.click("[data-action=retry]");
    await expect.poll(() => page.locator("[data-testid=status]").textContent(), { timeout: 20_000 }).toContain("Đã gửi 1 báo cáo");
    expect(await page.locator("[data-testid=queued]").count()).toBe(0);
    expect(keys).toHaveLength(1);
    expect(await versions()).toEqual(stored); // the retry replayed the first answer: delivered once
  } finally {
    // The tests after this one read the province's settings and a running Worker: one failure here stays one failure.
    await page.unroute("**/v1/submissions");
    await page.evaluate((s) => s && localStorage.setItem("parindex.settings", s), province);
    if (workerDown) await worker.start();
  }
});

it("shows the ribbon's last submission on opening and when the ribbon stores a new one", async () => {
  const submitted = { kind: "submitted", at: "2024-12-20T03:15:00.000Z", percent: 85.5, band: "Khá", version: 3 };
  await page.evaluate((o) => localStorage.setItem("parindex.lastOutcome", JSON.stringify(o)), submitted);
  await page.goto(`${addin.url}/harness.html`);
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/province-clean.xlsx");
  const last = page.locator("[data-testid=last-outcome]");
  await last.waitFor();
  expect(await last.textContent()).toMatch(/85,5 %.*phiên bản 3.*Khá/);

  // The ribbon's function file writes while the pane is open: the pane follows.
  const ribbon = await page.context().newPage();
  await ribbon.goto(`${addin.url}/harness.html`);
  await ribbon.evaluate(() =>
    localStorage.setItem("parindex.lastOutcome", JSON.stringify({ kind: "queued", command: "submit", at: new Date().toISOString(), text: "Chưa nhận được xác nhận của máy chủ (mạng chập chờn). Bản nộp đã được giữ trên máy này; bấm Gửi lại khi có mạng — gửi lại không tạo thêm phiên bản." })),
  );
  await ribbon.close();
  await expect.poll(() => last.getAttribute("data-kind")).toBe("queued");
  expect(await last.textContent()).toContain("Chưa nhận được xác nhận của máy chủ");
});

it("asks once for the columns of a workbook whose self-score column is labelled \"Mức đạt\", then scores with the saved mapping", async () => {
  mkdirSync("test-artifacts", { recursive: true });
  const file = "test-artifacts/don-vi-cham.xlsx";
  const bytes = unusualWorkbookBytes(set);
  writeFileSync(file, bytes);
  const grid = readWorkbookBytes(bytes);
  if (!grid.ok) throw new Error(grid.message);
  const confirmedHeaders = [{ sheet: "Bảng chấm", headerTop: 3, headerBottom: 3, columns: { code: 0, title: 1, max: 2, self: 3, evidence: 4 } }];
  const expected = `${formatNumber(scoreWorkbook(grid.grid, set, { confirmedHeaders }).percent, "vi")} %`;

  await page.goto(`${addin.url}/harness.html`);
  await page.setInputFiles("#workbook-file", file);
  const form = page.locator("#mapping-form");
  await form.waitFor();
  expect(await page.locator("[data-testid=percent]").count()).toBe(0);
  // Keyboard first: the unsure column's select has the focus, and Enter on the button confirms.
  expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe("self");
  expect(await form.locator("select[name=max]").inputValue()).toBe("2");
  await page.keyboard.press("End"); // the last column…
  await page.keyboard.press("ArrowUp"); // …but one: "D — Mức đạt"
  expect(await form.locator("select[name=self]").inputValue()).toBe("3");
  await form.locator("fluent-button[type=submit]").press("Enter");
  // Ran out once in a full run (02/12, fourth session): said with what the pane showed then.
  await explainIfFails(session, "the score after the mapping was confirmed", () => expect.poll(() => page.locator("[data-testid=percent]").textContent()).toBe(expected));
  expect(await page.locator("[data-testid=status]").textContent()).toContain("Đã lưu cách đọc cột");

  // Re-opening the workbook uses the saved mapping without asking.
  await page.reload();
  await page.setInputFiles("#workbook-file", file);
  await expect.poll(() => page.locator("[data-testid=percent]").textContent()).toBe(expected);
  expect(await page.locator("[data-testid=mapping]").count()).toBe(0);
});

it("never puts the unit's token into the workbook: not in document settings, not in the sheets it writes", async () => {
  await page.goto(`${addin.url}/harness.html`);
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/province-old-template.xlsx");
  await page.locator(".finding").first().waitFor();
  const token = await page.evaluate(() => localStorage.getItem("parindex.token"));
  expect(token).toBe("demo-unit");
  const documentSettings = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("parindex.document."))
      .map((k) => `${k}=${localStorage.getItem(k)}`),
  );
  expect(documentSettings.length).toBeGreaterThan(0); // the mapping confirmed earlier is there…
  for (const entry of documentSettings) expect(entry).not.toContain(token!); // …but never the token
  const tabs = page.locator("#sheet-tabs [role=tab], #sheet-tabs button");
  const names = await tabs.allTextContents();
  expect(names).toContain("Kết quả kiểm tra");
  for (let i = 0; i < names.length; i++) {
    await tabs.nth(i).click();
    expect(await page.locator("#grid-view").innerText()).not.toContain(token!);
  }
});
