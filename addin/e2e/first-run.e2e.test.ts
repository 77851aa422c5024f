import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { adminCall, openPaneSession, workerGet, type PaneSession } from "./pane-session.ts";
import { checkView, PANE_WIDTH, poll } from "./views.ts";

/**
 * The first run (issue 16 items 1 and 3) in headless Chromium at the pane's width, on the web
 * checker against the real Worker: nothing in storage, a unit types only its activation code
 * (the seed's demo codes, and one the province issues), and the period and criteria set are
 * chosen for it from /v1/me. Periods follow the rules: a period's year is its set's, and a unit
 * takes part when it is open on the set's last day (the demo communes and wards close on
 * 30/06/2025, Xã An Phú Lộc opens on 01/07/2025; the departments stay).
 */
let session: PaneSession;
let page: PaneSession["page"];
/** The seed keeps the demo codes' periods open until 31/01 of next year (Vietnam's calendar), 17:00. */
const nextYear = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() + 1;
const deadline = `${nextYear}-01-31T17:00:00+07:00`;
/** Sở Nội vụ's code, issued in beforeAll. */
let departmentCode = "";

const admin = (method: string, path: string, body: unknown, expected = 201) => adminCall(session, method, path, body, expected);

beforeAll(async () => {
  session = await openPaneSession("", "", "", { signedIn: false, viewport: { width: PANE_WIDTH, height: 800 } });
  page = session.page;
  // Departments, two years open: last year's (closed, extended for Sở Nội vụ only) and this
  // year's, each on its own year's set (this year's published from a draft). The seed keeps the
  // communes' 2025-commune open too, which no department is offered.
  const set2024 = JSON.parse(await readFile("fixtures/criteria/demo-department-2024.json", "utf8")) as Record<string, unknown>;
  const set2025 = { ...set2024, id: "demo-department-2025", year: 2025, title: "Bộ chỉ số CCHC cấp sở năm 2025 (minh họa)", period: { from: "2025-01-01", to: "2025-12-31" } };
  await admin("POST", "/v1/criteria-sets", { set: set2024, status: "published" });
  await admin("POST", "/v1/criteria-sets", { set: set2025 });
  await admin("POST", "/v1/criteria-sets/demo-department-2025/versions/1/status", { status: "published" }, 200);
  await admin("POST", "/v1/periods", { id: "2024-department", year: 2024, criteriaSet: { id: "demo-department-2024", version: 1 }, deadline: "2025-01-31T17:00:00+07:00" });
  await admin("POST", "/v1/periods/2024-department/exceptions", { unit: "so-noi-vu", deadline, reason: "Gia hạn thử nghiệm" });
  await admin("POST", "/v1/periods", { id: "2025-department", year: 2025, criteriaSet: { id: "demo-department-2025", version: 1 }, deadline });
  departmentCode = ((await admin("POST", "/v1/units/so-noi-vu/activation-codes", {})) as { code: string }).code;
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

it("several open periods: offered by their labels, its own level's only; saving confirms in words and makes the criteria set ready", async () => {
  // The seed's commune period is open (to the admin, who sees every level): a department is not offered it.
  const adminMe = (await workerGet(session.worker, "/v1/me", "demo-admin")) as { periods: { id: string }[] };
  expect(adminMe.periods.map((p) => p.id)).toContain("2025-commune");
  await activate(departmentCode); // Sở Nội vụ
  const form = page.locator("[data-testid=period-form]");
  await form.waitFor();
  expect(await status()).toContain("Đã kích hoạt cho Sở Nội vụ (Tỉnh Minh Họa (minh họa)). Có nhiều kỳ đánh giá đang mở");
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("period"); // the choice to make
  const labels = await form.locator("label").allTextContents();
  expect(labels).toEqual([`Kỳ đánh giá năm 2025 — cấp sở, ban, ngành, hạn nộp 17:00 ngày 31/01/${nextYear}`, `Kỳ đánh giá năm 2024 — cấp sở, ban, ngành, hạn nộp 17:00 ngày 31/01/${nextYear} (đã gia hạn)`]);
  expect(labels.join(" ")).not.toMatch(/cấp xã|cấp huyện|cấp tỉnh/); // a unit is never offered another level's period
  await checkView(page, "period-choice");

  await form.locator("input[type=radio]").nth(1).check();
  await form.locator("fluent-button[type=submit]").click();
  await poll(status).toBe(`Kỳ đánh giá năm 2024 — cấp sở, ban, ngành, hạn nộp 17:00 ngày 31/01/${nextYear} (đã gia hạn). Bộ tiêu chí đã sẵn sàng: mở bảng tự đánh giá và bấm "Kiểm tra & chấm điểm".`);
  expect(await page.locator("[data-testid=context]").textContent()).toBe(`Sở Nội vụ (Tỉnh Minh Họa (minh họa)) · Kỳ đánh giá năm 2024 — cấp sở, ban, ngành, hạn nộp 17:00 ngày 31/01/${nextYear} (đã gia hạn)`);

  // The token is in the one store, and it is Sở Nội vụ's.
  const token = (await page.evaluate(() => localStorage.getItem("parindex.token")))!;
  const me = (await workerGet(session.worker, "/v1/me", token)) as { role: string; unit: { id: string } };
  expect(me).toMatchObject({ role: "unit", unit: { id: "so-noi-vu" } });
  // A check works at once: the set came with the period.
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/real-department-hanoi-libreoffice.xlsx");
  await poll(() => page.locator("[data-testid=percent]").textContent()).toBe("70,93 %");
});

it("one open period: nothing to choose, it is chosen and confirmed; another code replaces the unit on this computer", async () => {
  await page.locator("[data-action=settings]").click();
  await page.locator("[data-action=reactivate]").click();
  // Xã An Phú Lộc (from 01/07/2025): only the seed's 2025 commune period; the departments' 2025 one is another level's.
  await activate("DEM0-0000-03");
  await poll(status).toBe(`Đã kích hoạt cho Xã An Phú Lộc (Tỉnh Minh Họa (minh họa)). Kỳ đánh giá năm 2025 — cấp xã, hạn nộp 17:00 ngày 31/01/${nextYear}. Bộ tiêu chí đã sẵn sàng: mở bảng tự đánh giá và bấm "Kiểm tra & chấm điểm".`);
  expect(await page.locator("[data-action=check]").count()).toBe(1);
  // The code's field is gone: focus is on the main action, not lost to the page's body.
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("check");
  expect(await page.locator("[data-testid=context]").textContent()).toContain("Xã An Phú Lộc");
  await checkView(page, "first-run-done");
  const settings = JSON.parse((await page.evaluate(() => localStorage.getItem("parindex.settings")))!) as Record<string, unknown>;
  expect(settings).toMatchObject({ periodId: "2025-commune", criteriaSetId: "demo-commune-2025", role: "unit", unit: { id: "xa-an-phu-loc" } });
  expect(JSON.stringify(settings)).not.toContain((await page.evaluate(() => localStorage.getItem("parindex.token")))!);
});

it("the README's first code: Xã An Lộc, closed with the districts, gets its 2024 period as extended by the seed, and checks at once", async () => {
  await page.locator("[data-action=settings]").click();
  await page.locator("[data-action=reactivate]").click();
  await activate("DEM0-0000-01");
  await poll(status).toBe(`Đã kích hoạt cho Xã An Lộc (Huyện An Bình). Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/01/${nextYear} (đã gia hạn). Bộ tiêu chí đã sẵn sàng: mở bảng tự đánh giá và bấm "Kiểm tra & chấm điểm".`);
  const settings = JSON.parse((await page.evaluate(() => localStorage.getItem("parindex.settings")))!) as Record<string, unknown>;
  expect(settings).toMatchObject({ periodId: "2024-commune", criteriaSetId: "demo-commune-2024", unit: { id: "xa-an-loc" } });
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/realistic-commune-libreoffice.xlsx");
  await poll(() => page.locator("[data-testid=percent]").textContent()).toBe("66,26 %");
});
