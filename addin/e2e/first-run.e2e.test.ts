import { afterAll, beforeAll, expect, it } from "vitest";
import { openPaneSession, type PaneSession } from "./pane-session.ts";
import { checkView, PANE_WIDTH, poll } from "./views.ts";

/**
 * The first run (issue 16 items 1 and 3) in headless Chromium at the pane's width, on the web
 * checker against the real Worker: nothing in storage, a unit types only its activation code
 * (the seed's demo codes), and the period and criteria set are chosen for it from /v1/me.
 */
let session: PaneSession;
let page: PaneSession["page"];
const nextYear = new Date().getFullYear() + 1;
const deadline = `${nextYear}-01-31T17:00:00+07:00`;

/** The admin API, as the province's office would set up a year. */
async function admin(method: string, path: string, body: unknown): Promise<void> {
  const r = await fetch(`${session.worker.url}${path}`, { method, headers: { Authorization: "Bearer demo-admin", "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect([path, r.status]).toEqual([path, 201]);
}

beforeAll(async () => {
  session = await openPaneSession("", "", "", { signedIn: false, viewport: { width: PANE_WIDTH, height: 800 } });
  page = session.page;
  // Open for communes: last year's period (an extension for Xã An Lộc only) and next year's; one for districts too.
  await admin("POST", "/v1/periods/2024-commune/exceptions", { unit: "xa-an-loc", deadline, reason: "Gia hạn thử nghiệm" });
  await admin("POST", "/v1/periods", { id: "2025-commune", year: 2025, criteriaSet: { id: "demo-commune-2024", version: 1 }, deadline });
  await admin("POST", "/v1/periods", { id: "2025-district", year: 2025, criteriaSet: { id: "demo-district-2024", version: 1 }, deadline });
}, 180_000);

afterAll(async () => session?.close());

const status = () => page.locator("[data-testid=status]").textContent();
/** Type a code and press Enter; a code that can be one goes to the server: wait for its answer and the pane's redraw. */
const activate = async (code: string, reachesServer = true) => {
  await page.locator("#activation-code").fill(code);
  const answered = reachesServer ? page.waitForResponse("**/v1/activate") : null;
  await page.locator("#activation-code").press("Enter");
  await answered;
};

it("asks only for the activation code; a mistyped, expired or spent code gets one sentence that says what to do", async () => {
  await page.goto(`${session.addin.url}/`);
  const first = page.locator("[data-testid=first-run]");
  await first.waitFor();
  // Nothing but the code: the server and an access token hide under "Nâng cao" (collapsed).
  expect(await first.locator("input:visible").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name))).toEqual(["code"]);
  expect(await page.evaluate(() => document.activeElement?.id ?? "")).not.toBe("server-input");
  expect(await first.textContent()).toContain("sau đó trang này nhớ đơn vị trên máy này."); // a page, not an add-in
  await checkView(page, "first-run");

  await activate("", false); // nothing typed: the pane's sentence (the form does not leave it to the browser's own bubble)
  await poll(status).toBe("Chưa nhập mã kích hoạt.");
  await activate("ABCD-1234", false); // cannot be a code: refused in the pane, no attempt used up, and never called wrong or expired
  await poll(status).toBe("Mã kích hoạt gồm 10 ký tự (ví dụ ABCD-EFGH-JK): kiểm tra lại.");
  expect(await page.locator("#activation-code").inputValue()).toBe("ABCD-1234"); // kept, to correct
  // Said once: on screen, to a screen reader, and in the page's text.
  expect((await page.locator("body").innerText()).split("Mã kích hoạt gồm 10 ký tự").length - 1).toBe(1);
  expect(await page.locator("[aria-live]").evaluateAll((regions) => regions.filter((r) => r.textContent?.includes("10 ký tự (ví dụ")).length)).toBe(1);
  await activate("DEM0-0000-EX"); // expired: the same answer as a wrong one
  await poll(status).toContain("không đúng hoặc đã hết hạn");
  await activate("dem0 0000 d0"); // spent (typed loosely)
  await poll(status).toBe("Mã kích hoạt này đã được dùng (mỗi mã chỉ dùng một lần): đề nghị nơi cấp mã cấp mã mới.");
  expect(await page.evaluate(() => localStorage.getItem("parindex.token"))).toBeNull();
  await checkView(page, "first-run-error");
});

it("several open periods: offered by their labels, communes' only; saving confirms in words and makes the criteria set ready", async () => {
  await activate("DEM0-0000-01"); // Xã An Lộc
  const form = page.locator("[data-testid=period-form]");
  await form.waitFor();
  expect(await status()).toContain("Đã kích hoạt cho Xã An Lộc. Có nhiều kỳ đánh giá đang mở");
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("period"); // the choice to make
  const labels = await form.locator("label").allTextContents();
  expect(labels).toEqual(["Kỳ đánh giá năm 2025 — cấp xã, hạn nộp 31/01/" + nextYear, `Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/${nextYear} (đã gia hạn)`]);
  expect(labels.join(" ")).not.toMatch(/cấp huyện|cấp tỉnh/); // a commune is never offered another level's period
  await checkView(page, "period-choice");

  await form.locator("input[type=radio]").nth(1).check();
  await form.locator("fluent-button[type=submit]").click();
  await poll(status).toBe(`Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/${nextYear} (đã gia hạn). Bộ tiêu chí đã sẵn sàng: mở bảng tự đánh giá và bấm "Kiểm tra & chấm điểm".`);
  expect(await page.locator("[data-testid=context]").textContent()).toBe(`Xã An Lộc · Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/${nextYear} (đã gia hạn)`);

  // The token is in the one store, and it is Xã An Lộc's.
  const token = (await page.evaluate(() => localStorage.getItem("parindex.token")))!;
  const me = (await (await fetch(`${session.worker.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { role: string; unit: { id: string } };
  expect(me).toMatchObject({ role: "unit", unit: { id: "xa-an-loc" } });
  // A check works at once: the set came with the period.
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/realistic-commune-libreoffice.xlsx");
  await poll(() => page.locator("[data-testid=percent]").textContent()).toBe("66,26 %");
});

it("one open period: nothing to choose, it is chosen and confirmed; another code replaces the unit on this computer", async () => {
  await page.locator("[data-action=settings]").click();
  await page.locator("[data-action=reactivate]").click();
  await activate("DEM0-0000-02"); // Phường Phú Mỹ: only next year's commune-level period is open
  await poll(status).toBe(`Đã kích hoạt cho Phường Phú Mỹ. Kỳ đánh giá năm 2025 — cấp xã, hạn nộp 31/01/${nextYear}. Bộ tiêu chí đã sẵn sàng: mở bảng tự đánh giá và bấm "Kiểm tra & chấm điểm".`);
  expect(await page.locator("[data-action=check]").count()).toBe(1);
  // The code's field is gone: focus is on the main action, not lost to the page's body.
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("check");
  expect(await page.locator("[data-testid=context]").textContent()).toContain("Phường Phú Mỹ");
  await checkView(page, "first-run-done");
  const settings = JSON.parse((await page.evaluate(() => localStorage.getItem("parindex.settings")))!) as Record<string, unknown>;
  expect(settings).toMatchObject({ periodId: "2025-commune", criteriaSetId: "demo-commune-2024", role: "unit", unit: { id: "phuong-phu-my" } });
  expect(JSON.stringify(settings)).not.toContain((await page.evaluate(() => localStorage.getItem("parindex.token")))!);
});
