import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadFixtureSet } from "../test/fake-worker.ts";
import { unusualWorkbookBytes } from "../test/unusual-workbook.ts";
import { openPaneSession, workerGet, type PaneSession } from "./pane-session.ts";
import { accessibilityViolations, checkView, expectAccessible, PANE_WIDTH, shoot, poll } from "./views.ts";

/**
 * The web checker at the dev server's "/" (the deployed Worker's root), in headless Chromium
 * at the pane's width, signed in as the demo commune (`demo-unit`, period 2024-commune): bad
 * files are refused in one sentence, a workbook picked or dropped is checked by the same
 * engine, a finding's cell is shown, the report is submitted like the add-in's and downloaded
 * as a workbook read back with SheetJS.
 */
let session: PaneSession;
let page: PaneSession["page"];

beforeAll(async () => {
  session = await openPaneSession("demo-commune-2024", "2024-commune", "demo-unit", { viewport: { width: PANE_WIDTH, height: 900 } });
  page = session.page;
});

afterAll(async () => session?.close());

const status = () => page.locator("[data-testid=status]").textContent();
const percent = () => page.locator("[data-testid=percent]").textContent();
const pick = (file: string) => page.setInputFiles("#workbook-file", file);

/** Drop a file on the page, as from the file manager. */
async function drop(file: string): Promise<void> {
  const b64 = readFileSync(file).toString("base64");
  const name = file.split("/").pop()!;
  const transfer = await page.evaluateHandle(([data, fileName]) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], fileName, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    return dt;
  }, [b64, name] as const);
  await page.dispatchEvent("#drop-zone", "drop", { dataTransfer: transfer });
}

it("is the page at /, for users: no harness, the pane ready for a file", async () => {
  await page.goto(`${session.addin.url}/`);
  await page.locator("[data-action=check]").waitFor();
  expect(await page.locator("#criteria-file").count()).toBe(0);
  expect(await page.locator("#checker-title").textContent()).toBe("Kiểm tra bảng tự đánh giá Chỉ số CCHC");
  // Checking before a file is picked says what to do.
  await page.locator("[data-action=check]").click();
  await poll(status).toBe("Chưa mở bảng tính nào: chọn tệp .xlsx (hoặc kéo thả tệp vào trang) rồi kiểm tra.");
});

it("refuses what is not a self-assessment, in one sentence each: not a workbook, an empty one, one without a criteria table", async () => {
  await pick("fixtures/workbooks/not-a-workbook.xlsx");
  await poll(() => page.locator("[data-testid=file-problem]").textContent()).toBe('Tệp "not-a-workbook.xlsx" không phải bảng tính Excel (.xlsx, .xls): chọn đúng tệp bảng tự đánh giá rồi thử lại.');

  await pick("fixtures/workbooks/empty-sheet.xlsx");
  await poll(status).toBe("Bảng tính này trống: mở bảng tự đánh giá của đơn vị (có các tiêu chí và điểm) rồi kiểm tra lại.");
  expect(await page.locator("[data-testid=percent]").count()).toBe(0); // no "0 % Yếu"
  expect(await page.locator("[data-testid=planner]").count()).toBe(0); // and no plan

  await pick("fixtures/workbooks/no-table.xlsx");
  await poll(status).toContain("Không có bảng tiêu chí ở đây");
  expect(await page.locator("[data-testid=mapping]").count()).toBe(0); // not the column-mapping form
  expect(await page.locator("[data-testid=percent]").count()).toBe(0);
  await checkView(page, "errors");
});

it("checks a dropped workbook with the same engine: score first, then what to fix; a finding's cell is shown in the sheet", async () => {
  await drop("fixtures/workbooks/realistic-commune-libreoffice.xlsx");
  await poll(percent).toBe("66,26 %");
  expect(await page.locator("[data-testid=band]").textContent()).toBe("Khá");
  expect(await page.locator("[data-testid=counts]").textContent()).toBe("0 lỗi · 3 cảnh báo");
  await checkView(page, "result", page.locator("[data-testid=summary]"));
  await shoot(page.locator("[data-testid=fix-first]"), "what-to-fix");
  await shoot(page.locator("[data-testid=planner]"), "planner");
  await shoot(page.locator("[data-testid=register]"), "register");

  const link = page.locator("[data-testid=fix-first] .finding-link").first();
  const cell = (await link.textContent())!;
  await link.click();
  await poll(() => page.locator("[data-testid=selection]").textContent()).toBe(cell);
  expect(await page.locator("td.selected").getAttribute("data-address")).toBe(cell.split("!")[1]);
  // The preview's numbers carry the decimal comma, as the findings' numbers do.
  await page.locator("#sheet-tabs [data-sheet='TĐG 2024']").click();
  expect(await page.locator("#grid-view td[data-address=F36]").textContent()).toBe("8,28");
});

const versions = async () => (await workerGet<{ items: unknown[] }>(session.worker, "/v1/submissions?unit=xa-an-phu&period=2024-commune&limit=100", "demo-unit")).items.length;

it("submits like the add-in: once, to the period chosen, and says which file was sent", async () => {
  const before = await versions();
  await page.locator("[data-action=submit]").click();
  await poll(status).toMatch(/^Đã nộp tệp "realistic-commune-libreoffice\.xlsx"\. Máy chủ chấm 66,26 %, phiên bản \d+\.$/);
  await page.waitForLoadState("networkidle");
  expect(await versions()).toBe(before + 1);
});

it("asks before sending the same unchanged file again as a new version", async () => {
  const before = await versions();
  const version = /phiên bản (\d+)/.exec((await status()) ?? "")![1];
  await page.locator("[data-action=submit]").click();
  await poll(status).toMatch(new RegExp(`^Tệp này đã được nộp \\(phiên bản ${version}, lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\)\\. Nộp lại thành phiên bản mới\\?$`));
  await checkView(page, "resend-question");
  await page.locator("[data-testid=resend] [data-action=resend-cancel]").click();
  await poll(() => page.locator("[data-testid=resend]").count()).toBe(0);
  expect(await versions()).toBe(before); // nothing sent

  await page.locator("[data-action=submit]").click();
  await page.locator("[data-testid=resend] [data-action=resend]").click();
  await poll(status).toMatch(/^Đã nộp tệp "realistic-commune-libreoffice\.xlsx"\. Máy chủ chấm 66,26 %, phiên bản \d+\.$/);
  await page.waitForLoadState("networkidle");
  expect(await versions()).toBe(before + 1);
});

it("downloads the report as a workbook built in the browser: text stays text, numbers stay numbers", async () => {
  const downloading = page.waitForEvent("download");
  await page.locator("[data-action=download]").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("realistic-commune-libreoffice - ket-qua-kiem-tra.xlsx");
  const book = XLSX.read(readFileSync((await download.path())!), { type: "buffer" });
  expect(book.SheetNames).toEqual(["Kết quả kiểm tra"]);
  const sheet = book.Sheets["Kết quả kiểm tra"]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
  expect(rows[0]).toEqual(["KẾT QUẢ KIỂM TRA, CHẤM ĐIỂM CHỈ SỐ CCHC"]);
  expect(rows.some((r) => r[0] === "Chỉ số: 66,26 % — Xếp loại: Khá — Tổng điểm: 64,27/97")).toBe(true);
  // The fields table: codes as text cells ("1", never the number 1), points as numbers.
  const field = rows.findIndex((r) => r[0] === "Lĩnh vực");
  const first = field + 1;
  expect(sheet[XLSX.utils.encode_cell({ r: first, c: 0 })]).toMatchObject({ t: "s", v: "1" });
  expect(sheet[XLSX.utils.encode_cell({ r: first, c: 2 })]?.t).toBe("n");
  // The findings: the cell reference keeps its quote, as text.
  const findings = rows.findIndex((r) => r[0] === "Mức độ");
  expect(String(rows[findings + 1]?.[3])).toMatch(/^'TĐG 2024'!F\d+$/);
  for (const address of Object.keys(sheet).filter((k) => !k.startsWith("!"))) expect(sheet[address]!.f, address).toBeUndefined();
});

it("speaks English everywhere in English, the file side too", async () => {
  await page.locator("[data-action=language]").click();
  await poll(() => page.locator("[data-action=download]").textContent()).toBe("Download the report (.xlsx)");
  await poll(() => page.locator("#file-status").textContent()).toBe("Open: realistic-commune-libreoffice.xlsx");
  await page.locator("[data-action=language]").click();
  await poll(() => page.locator("#file-status").textContent()).toBe("Đang mở: realistic-commune-libreoffice.xlsx");
  await poll(() => page.locator("[data-action=download]").textContent()).toBe("Tải báo cáo (.xlsx)");
});

it("a file it cannot read takes the previous one off the screen: nothing of it is left to submit", async () => {
  const file = "test-artifacts/bao-cao.docx.xlsx";
  mkdirSync("test-artifacts", { recursive: true });
  // A Word document renamed .xlsx: a zip, so it passes the signature check, and SheetJS cannot read it.
  writeFileSync(file, zipSync({ "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), "word/document.xml": strToU8("<w:document/>") }));
  await pick(file);
  await poll(() => page.locator("[data-testid=file-problem]").textContent()).toContain('"bao-cao.docx.xlsx"');
  expect(await page.locator("[data-testid=percent]").count()).toBe(0);
  expect(await page.locator("[data-testid=fix-first]").count()).toBe(0);
  expect(await page.locator("#grid-view table").count()).toBe(0);
  expect(await page.locator("#sheet-tabs button").count()).toBe(0);
  expect(await page.locator("[data-action=download]").count()).toBe(0);
  const before = await versions();
  await page.locator("[data-action=submit]").click();
  await poll(status).toBe("Chưa mở bảng tính nào: chọn tệp .xlsx (hoặc kéo thả tệp vào trang) rồi kiểm tra.");
  await page.waitForLoadState("networkidle");
  expect(await versions()).toBe(before);
  await checkView(page, "unreadable-file");
});

it("asks for unsure columns in one labelled column: every drop-down right under its own label", async () => {
  const file = "test-artifacts/don-vi-cham-xa.xlsx";
  mkdirSync("test-artifacts", { recursive: true });
  writeFileSync(file, unusualWorkbookBytes(loadFixtureSet("fixtures/criteria/demo-commune-2024.json")));
  await pick(file);
  const form = page.locator("#mapping-form");
  await form.waitFor();
  const measure = () =>
    form.locator("select, input").evaluateAll((controls) =>
      controls.map((c) => {
        const label = document.querySelector(`label[for="${c.id}"]`)!;
        const [l, b] = [label.getBoundingClientRect(), c.getBoundingClientRect()];
        return { name: (c as HTMLSelectElement).name, label: label.textContent, above: l.bottom <= b.top + 1 && b.top - l.bottom < 16, aligned: Math.abs(l.left - b.left) < 2 };
      }),
    );
  // Measured once the form's layout has settled: on a loaded machine the first frame after the
  // form appears can still be laid out without the pane's styles (seen once in a full run), and a
  // redraw landing after the poll (the pane's background refresh) lays the form out afresh — so
  // the names and positions checked are those of the measurement that settled.
  let fields = await measure();
  await expect
    .poll(
      async () => {
        fields = await measure();
        return fields.every((f) => f.above && f.aligned);
      },
      { timeout: 5_000 },
    )
    .toBe(true);
  expect(fields.map((f) => f.name)).toEqual(["headerTop", "headerBottom", "code", "title", "max", "self", "data", "rate", "evidence", "evidenceDate", "note", "method", "appraised"]);
  for (const f of fields) expect(f, f.label ?? "").toMatchObject({ above: true, aligned: true });
  await checkView(page, "mapping-form");

  // Another header row relabels the choices with the engine, loaded apart from the page's first
  // bytes (addin/src/engine-loader.ts): row 2 (the title) names no column; row 4 again is the header read.
  const top = form.locator("input[name=headerTop]");
  const max = () => form.locator("select[name=max]").inputValue();
  expect(await top.inputValue()).toBe("4");
  expect(await max()).toBe("2");
  await top.fill("2");
  await top.dispatchEvent("change");
  await expect.poll(max).toBe("");
  expect(await form.locator("select[name=title]").inputValue()).toBe("");
  await top.fill("4");
  await top.dispatchEvent("change");
  await expect.poll(max).toBe("2");
  expect(await form.locator("select[name=title]").inputValue()).toBe("1");
});

it("is the same page on a wide screen: the workbook beside the pane", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, "web checker, the sheet beside the pane", { withSheet: true });
  await shoot(page.locator("body"), "web-checker");
  await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
});

it("axe, run inside the page (legacy mode, issue 17), still fails a view with a serious or critical violation, in the sheet beside the pane only when asked", async () => {
  // A button without a name (critical) and text that cannot be read against its background (serious), then taken away;
  // the same faint text in the sheet shown beside the pane, which a view's check leaves out unless asked (views.ts).
  await page.evaluate(() => {
    const probe = document.createElement("div");
    probe.id = "axe-probe";
    probe.innerHTML = '<button type="button"></button><p style="color:#f4f4f4;background:#ffffff">Mờ quá / too faint</p>';
    document.body.append(probe);
    const inSheet = document.createElement("p");
    inSheet.id = "axe-probe-sheet";
    inSheet.setAttribute("style", "color:#f4f4f4;background:#ffffff");
    inSheet.textContent = "Mờ quá trong bảng tính";
    document.getElementById("grid-view")!.append(inSheet);
  });
  try {
    const found = await accessibilityViolations(page);
    expect(found.find((v) => v.startsWith("button-name (critical)")), found.join("\n")).toContain("#axe-probe > button");
    const contrast = found.find((v) => v.startsWith("color-contrast (serious)"));
    expect(contrast, found.join("\n")).toContain("#axe-probe > p");
    expect(contrast).not.toContain("#axe-probe-sheet");
    const withSheet = await accessibilityViolations(page, { withSheet: true });
    expect(withSheet.find((v) => v.startsWith("color-contrast (serious)")), withSheet.join("\n")).toContain("#axe-probe-sheet");
  } finally {
    await page.evaluate(() => ["axe-probe", "axe-probe-sheet"].forEach((id) => document.getElementById(id)?.remove()));
  }
  await expectAccessible(page, "web checker, the probe taken away");
});
