import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { adminCall, openPaneSession, type PaneSession } from "./pane-session.ts";
import { checkView, PANE_WIDTH, poll } from "./views.ts";

/**
 * PANE3-9 in headless Chromium against the real Worker: Sở Tư pháp activates while no period
 * of its level is open. It was told to "open Settings to choose" a period Settings does not
 * offer, and its workbook was never checked. Now Kiểm tra checks the draft against its level's
 * newest published criteria set and says so; Nộp báo cáo says nothing can be submitted yet.
 */
let session: PaneSession;
let code = "";

const admin = (method: string, path: string, body: unknown, expected = 201) => adminCall(session, method, path, body, expected);

beforeAll(async () => {
  session = await openPaneSession("", "", "", { signedIn: false, viewport: { width: PANE_WIDTH, height: 800 } });
  const set = JSON.parse(await readFile("fixtures/criteria/demo-department-2024.json", "utf8")) as Record<string, unknown>;
  await admin("POST", "/v1/criteria-sets", { set, status: "published" });
  code = ((await admin("POST", "/v1/units/so-tu-phap/activation-codes", {})) as { code: string }).code;
}, 180_000);

afterAll(async () => session?.close());

it("a department with no open period checks its draft against its level's newest set, and is not sent to Settings", async () => {
  const { page, addin } = session;
  const status = () => page.locator("[data-testid=status]").textContent();
  await page.goto(`${addin.url}/`);
  await page.locator("#activation-code").fill(code);
  const answered = page.waitForResponse("**/v1/activate");
  await page.locator("#activation-code").press("Enter");
  await answered;
  await poll(status).toContain("Đã kích hoạt cho Sở Tư pháp");

  await page.setInputFiles("#workbook-file", "fixtures/workbooks/real-department-hanoi-libreoffice.xlsx");
  await poll(() => page.locator("[data-testid=percent]").textContent()).toBe("70,93 %");
  const said = (await status()) ?? "";
  expect(said).toContain("Chưa có kỳ đánh giá nào mở cho đơn vị: đã kiểm tra theo bộ tiêu chí mới nhất đã ban hành cho cấp của đơn vị (Bộ chỉ số CCHC cấp sở năm 2024");
  expect(said).not.toContain("mở Cài đặt để chọn");
  await checkView(page, "no-open-period-checked");

  await page.click("[data-action=submit]");
  await poll(status).toContain("chưa nộp được cho đến khi tỉnh mở kỳ");
  expect(await status()).not.toContain("mở Cài đặt để chọn");
  // Its level has a set to check against: Kiểm tra is offered.
  expect(await status()).toContain("Bấm Kiểm tra để tự rà soát bảng tính trước.");
});

it("A4-2: with no set of its level either, Nộp báo cáo does not offer Kiểm tra, which has just said it cannot check", async () => {
  const { page, addin } = session;
  const status = () => page.locator("[data-testid=status]").textContent();
  await page.route("**/v1/criteria-sets?status=published*", (route) => route.fulfill({ json: { items: [] } }));
  await page.goto(`${addin.url}/`);
  await page.locator("[data-action=check]").waitFor();
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/real-department-hanoi-libreoffice.xlsx");
  await poll(status).toContain("chưa kiểm tra được cho đến khi tỉnh mở kỳ");
  await page.click("[data-action=submit]");
  await poll(status).toBe("Chưa có kỳ đánh giá nào mở cho đơn vị: chưa nộp được cho đến khi tỉnh mở kỳ.");
  await page.unroute("**/v1/criteria-sets?status=published*");
});
