import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPaneSession, type PaneSession } from "./pane-session.ts";
import { checkView, PANE_WIDTH, poll } from "./views.ts";

/**
 * PANE3-7 and PANE3-8 in the web checker (headless Chromium, real Worker): a drop of several
 * files opens the workbook among them and says the others were ignored; the native file
 * control, which said "No file chosen" right above "Đang mở: …", is hidden but still reached
 * by the keyboard through its label, the page's own button.
 */
let session: PaneSession;
let page: PaneSession["page"];

beforeAll(async () => {
  session = await openPaneSession("demo-commune-2024", "2024-commune", "demo-unit", { viewport: { width: PANE_WIDTH * 2, height: 900 } });
  page = session.page;
});

afterAll(async () => session?.close());

const fileStatus = () => page.locator("[data-testid=file-status]").textContent();

/** Drop several files at once, as a selection dragged out of a folder. */
async function drop(files: { name: string; b64: string; type: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, files);
  await page.dispatchEvent("#drop-zone", "drop", { dataTransfer: transfer });
}
const xlsx = (path: string) => ({ name: path.split("/").pop()!, b64: readFileSync(path).toString("base64"), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
const pdf = { name: "minh-chung.pdf", b64: Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\n%%EOF\n").toString("base64"), type: "application/pdf" };

it("a scanned PDF dropped before the workbook: the workbook is opened and checked, the other file said as ignored", async () => {
  await page.goto(`${session.addin.url}/`);
  await page.locator("[data-action=check]").waitFor();
  await drop([pdf, xlsx("fixtures/workbooks/commune-code-in-title.xlsx")]);
  await poll(() => page.locator("[data-testid=percent]").textContent()).toBe("76 %");
  expect(await fileStatus()).toBe("Đang mở: commune-code-in-title.xlsx. Đã thả 2 tệp: chỉ mở tệp này, 1 tệp còn lại được bỏ qua (mỗi lần kiểm tra một bảng tính).");
  await checkView(page, "checker-two-dropped", page.locator("body"));
  // The language button draws the line again, the ignored file still said (it had written the bare name).
  await page.locator("[data-action=language]").click();
  await poll(fileStatus).toBe("Open: commune-code-in-title.xlsx. 2 files dropped: only this one is open, the other 1 ignored (one workbook is checked at a time).");
  await page.locator("[data-action=language]").click();
  await poll(fileStatus).toBe("Đang mở: commune-code-in-title.xlsx. Đã thả 2 tệp: chỉ mở tệp này, 1 tệp còn lại được bỏ qua (mỗi lần kiểm tra một bảng tính).");

  // two workbooks: the first is taken, and the second is said as ignored
  await drop([xlsx("fixtures/workbooks/realistic-commune-libreoffice.xlsx"), xlsx("fixtures/workbooks/commune-code-in-title.xlsx")]);
  await poll(() => page.locator("[data-testid=percent]").textContent()).toBe("66,26 %");
  expect(await fileStatus()).toContain("Đang mở: realistic-commune-libreoffice.xlsx. Đã thả 2 tệp");
});

it("the native control is not seen (no 'No file chosen' beside 'Đang mở'), yet the keyboard reaches it through its labelled button", async () => {
  const input = page.locator("#workbook-file");
  const seen = await input.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { opacity: getComputedStyle(el).opacity, width: box.width, height: box.height };
  });
  expect(seen.opacity).toBe("0");
  expect(seen.width).toBeLessThanOrEqual(1);
  expect(await page.locator(".file-pick").isVisible()).toBe(true);
  expect(await page.locator("#pick-label").textContent()).toBe("Chọn tệp bảng tính…");
  await input.focus();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("workbook-file");
  expect(await page.locator(".file-pick").evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  // picking still works
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/commune-code-in-title.xlsx");
  await poll(fileStatus).toBe("Đang mở: commune-code-in-title.xlsx");
});
