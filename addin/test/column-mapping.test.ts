import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { indexCriteria, locateCriteriaTables, type Grid } from "../../shared/index.ts";
import { ApiClient } from "../src/api/client.ts";
import { SubmissionQueue } from "../src/api/queue.ts";
import { CONFIRMED_HEADERS_KEY, loadConfirmedHeaders, MAPPED_KINDS, mappingAnswer, parseConfirmedHeaders, resetConfirmedHeaders, saveConfirmedHeader } from "../src/column-mapping.ts";
import { mappingQuestion, questionFor } from "../src/mapping-question.ts";
import { mappingFormHtml } from "../src/pane/mapping-view.ts";
import { FileHost } from "../src/web/file-host.ts";
import { memoryStore } from "../src/storage.ts";
import { checkWorkbook, submissionBody, submitWorkbook } from "../src/submit.ts";
import { loadFixtureSet } from "./fake-worker.ts";
import { UNUSUAL_SELF_LABEL, unusualWorkbookBytes } from "./unusual-workbook.ts";

const province = loadFixtureSet("fixtures/criteria/demo-province-2024.json");
const gridOf = (bytes: Uint8Array): Grid => {
  const r = readWorkbookBytes(bytes);
  if (!r.ok) throw new Error(r.message);
  return r.grid;
};
const fixture = (name: string) => gridOf(new Uint8Array(readFileSync(`fixtures/workbooks/${name}`)));
const unusual = () => gridOf(unusualWorkbookBytes(province));
const confirmed = { sheet: "Bảng chấm", headerTop: 3, headerBottom: 3, columns: { code: 0, title: 1, max: 2, self: 3, evidence: 4 } };

/** localStorage's shape over a Map, to see what the harness's FileHost keeps between page loads. */
function fakeStorage(): Storage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k), clear: () => data.clear(), key: () => null, get length() { return data.size; } };
}

describe("when to ask about columns", () => {
  it.each(["province-clean.xlsx", "district-two-row-header.xlsx", "commune-code-in-title.xlsx", "province-per-field-sheets.xlsx"])("%s: detection is sure, nothing is asked", async (file) => {
    const { question } = await checkWorkbook(new FileHost(fixture(file)), province, "vi");
    expect(question).toBeNull();
  });

  it(`asks when the self-score column is labelled "${UNUSUAL_SELF_LABEL}", prefilled with what detection found`, async () => {
    const { question, report } = await checkWorkbook(new FileHost(unusual()), province, "vi");
    expect(report.sheets).toEqual(["Bảng chấm"]);
    expect(question).toMatchObject({ sheet: "Bảng chấm", headerTop: 3, headerBottom: 3, columns: { code: 0, title: 1, max: 2, evidence: 4 } });
    expect(question!.missing).toContain("self");
    expect(question!.options.map((o) => o.text)).toEqual(["A — STT", "B — Nội dung tiêu chí", "C — Điểm tối đa", `D — ${UNUSUAL_SELF_LABEL}`, "E — Tài liệu kiểm chứng"]);
  });

  it("asks on a sheet with no recognised header when its rows name the set's criteria, guessing its first multi-column row", () => {
    const [a, b, c] = province.items[0]!.children ?? [];
    const rows = [[{ v: "Báo cáo" }], [], [{ v: "Số" }, { v: "Việc" }, { v: "Kết quả" }], ...[a, b, c].map((n) => [{ v: n!.code }, { v: n!.title }, { v: 1 }])];
    const grid: Grid = { sheets: [{ name: "Sheet1", rows }] };
    const report = { sheets: [] as string[] } as Parameters<typeof mappingQuestion>[1];
    expect(mappingQuestion(grid, report, [], province)).toMatchObject({ sheet: "Sheet1", headerTop: 2, headerBottom: 2 });
    expect(mappingQuestion(grid, report, [{ sheet: "Sheet1", headerTop: 2, headerBottom: 2, columns: { title: 1 } }], province)).toBeNull();
    expect(mappingQuestion({ sheets: [{ name: "Trống", rows: [] }] }, report, [], province)).toBeNull();
  });

  it("counts the set's titles spelled with i for y as naming its criteria ('Tỉ lệ …', '… xử lí …'), with no codes", () => {
    const spelt = ["1.1.3", "1.3.1", "1.3.2"].map((code) => indexCriteria(province).nodes.find((n) => n.code === code)!.title.replace(/Tỷ/g, "Tỉ").replace(/xử lý/g, "xử lí"));
    const rows = [[{ v: "Báo cáo" }], [], [{ v: "Việc" }, { v: "Kết quả" }], ...spelt.map((t) => [{ v: t }, { v: 1 }])];
    const report = { sheets: [] as string[] } as Parameters<typeof mappingQuestion>[1];
    expect(mappingQuestion({ sheets: [{ name: "Sheet1", rows }] }, report, [], province)).toMatchObject({ sheet: "Sheet1", headerTop: 2 });
  });

  it("does not ask about a staff list: no criteria table here, and the check is refused like the CLI refuses it", async () => {
    const staff: Grid = { sheets: [{ name: "Nhân sự", rows: [[{ v: "STT" }, { v: "Họ và tên" }, { v: "Chức vụ" }], [{ v: 1 }, { v: "Nguyễn Văn A" }, { v: "Chủ tịch" }], [{ v: 2 }, { v: "Trần Thị B" }, { v: "Công chức" }]] }] };
    const checked = await checkWorkbook(new FileHost(staff), province, "vi");
    expect(checked.question).toBeNull();
    expect(checked.refusal).toBe("no-table");
    const empty = await checkWorkbook(new FileHost({ sheets: [{ name: "Sheet1", rows: [[null, { v: "  " }]] }] }), province, "vi");
    expect(empty.refusal).toBe("empty");
    const outcome = await submitWorkbook({ host: new FileHost(staff), set: province, period: "p", locale: "vi", accepted: [], client: new ApiClient("http://127.0.0.1:9", "t"), queue: new SubmissionQueue(memoryStore()) });
    expect(outcome.kind).toBe("refused");
  });
});

describe("the confirmed mapping in the document settings", () => {
  it("is saved once, re-scores with it, and is not asked again; reset asks again", async () => {
    const host = new FileHost(unusual());
    const before = await checkWorkbook(host, province, "vi");
    expect(before.report.percent).toBe(0);
    await saveConfirmedHeader(host, confirmed);
    expect(await host.getDocumentSetting(CONFIRMED_HEADERS_KEY)).toEqual([confirmed]);
    const after = await checkWorkbook(host, province, "vi");
    expect(after.question).toBeNull();
    expect(after.report.percent).toBeGreaterThan(30);
    const first = after.report.items.find((i) => i.code === "1.1.1")!;
    expect(first.self).toBe(first.max);
    await resetConfirmedHeaders(host);
    expect((await checkWorkbook(host, province, "vi")).question).not.toBeNull();
  });

  it("replaces the same sheet's mapping and keeps other sheets'", async () => {
    const host = new FileHost(unusual());
    await saveConfirmedHeader(host, { ...confirmed, sheet: "Khác" });
    await saveConfirmedHeader(host, { ...confirmed, columns: { title: 1 } });
    await saveConfirmedHeader(host, confirmed);
    expect((await loadConfirmedHeaders(host)).map((h) => [h.sheet, h.columns.self])).toEqual([["Khác", 3], ["Bảng chấm", 3]]);
  });

  it("survives re-opening the file in the harness (kept per file name)", async () => {
    const storage = fakeStorage();
    await saveConfirmedHeader(new FileHost(unusual(), { persist: { fileName: "don-vi.xlsx", storage } }), confirmed);
    expect((await checkWorkbook(new FileHost(unusual(), { persist: { fileName: "don-vi.xlsx", storage } }), province, "vi")).question).toBeNull();
    expect((await checkWorkbook(new FileHost(unusual(), { persist: { fileName: "khac.xlsx", storage } }), province, "vi")).question).not.toBeNull();
  });

  it.each([
    ["an array", [confirmed], [confirmed]],
    ["its JSON text", JSON.stringify([confirmed]), [confirmed]],
    ["nothing", undefined, []],
    ["broken JSON", "[{", []],
    ["a negative column", [{ ...confirmed, columns: { title: -1 } }], []],
    ["an unknown kind", [{ ...confirmed, columns: { score: 3 } }], []],
    ["a sheet name too long for Excel", [{ ...confirmed, sheet: "x".repeat(32) }], []],
  ])("reads %s safely", (_what, value, expected) => {
    expect(parseConfirmedHeaders(value)).toEqual(expected);
  });
});

describe("a two-data-column sheet confirmed through the form (CRITERIA-FORMAT.md §6)", () => {
  it("offers the rate column, and the confirmed header scores as detection does (a count is never read as a rate)", async () => {
    const commune = loadFixtureSet("fixtures/criteria/demo-commune-2025.json");
    const grid = fixture("real-commune-labels-two-columns.xlsx");
    const detected = await checkWorkbook(new FileHost(grid), commune, "vi");
    const sheet = grid.sheets.find((s) => s.name === detected.report.sheets[0])!;
    const located = locateCriteriaTables([sheet], commune.year)[0]!;
    const q = questionFor(sheet, located.header.headerTop, located.header.headerBottom, commune.year);
    expect(q.columns.rate).toBeDefined();
    expect(q.columns.data).toBeDefined();
    // The form as a user leaves it: every field as prefilled.
    const fields = Object.fromEntries([["headerTop", String(q.headerTop + 1)], ["headerBottom", String(q.headerBottom + 1)], ...MAPPED_KINDS.map((k) => [k, q.columns[k] === undefined ? "" : String(q.columns[k])])]);
    expect(mappingFormHtml(q, "vi", null)).toContain(`id="map-rate"`);
    const answer = mappingAnswer(sheet.name, fields);
    if (!answer.ok) throw new Error(answer.problem);
    expect(answer.header.columns.rate).toBe(q.columns.rate);
    const host = new FileHost(grid);
    await saveConfirmedHeader(host, answer.header);
    const confirmedReport = (await checkWorkbook(host, commune, "vi")).report;
    expect(confirmedReport.items.map((i) => [i.code, i.score])).toEqual(detected.report.items.map((i) => [i.code, i.score]));
    expect(confirmedReport.total).toBe(detected.report.total);
  });
});

describe("an evidence date kept in a column of its own ('Ngày ban hành')", () => {
  /** The unusual workbook with its evidence split: "Quyết định số 12/QĐ-UBND" | 05/01/2023 as an Excel date cell, a year before the period. */
  const splitDates = (): Grid => {
    const grid = unusual();
    const sheet = grid.sheets[0]!;
    const rows = sheet.rows.map((row, r) => {
      if (r === 3) return [...row.slice(0, 4), { v: "Số, ký hiệu văn bản" }, { v: "Ngày ban hành" }];
      if (r < 4) return row;
      return [...row.slice(0, 4), { v: "Quyết định số 12/QĐ-UBND" }, { v: 44931, z: "dd/mm/yyyy" }];
    });
    return { sheets: [{ ...sheet, rows }] };
  };

  it("is offered in the form, prefilled, and a confirmed header with it checks the dates against the period", async () => {
    const host = new FileHost(splitDates());
    const { question } = await checkWorkbook(host, province, "vi");
    expect(question).toMatchObject({ columns: { code: 0, title: 1, max: 2, evidence: 4, evidenceDate: 5 } });
    expect(MAPPED_KINDS).toContain("evidenceDate");
    const form = mappingFormHtml(question!, "vi", null);
    expect(form).toContain(`id="map-evidenceDate"`);
    expect(form).toContain("Ngày ban hành (tài liệu kiểm chứng)");
    expect(mappingFormHtml(question!, "en", null)).toContain("Evidence issue date");
    const fields = Object.fromEntries([["headerTop", "4"], ["headerBottom", "4"], ...MAPPED_KINDS.map((k) => [k, question!.columns[k] === undefined ? "" : String(question!.columns[k])]), ["self", "3"]]);
    const answer = mappingAnswer(question!.sheet, fields);
    if (!answer.ok) throw new Error(answer.problem);
    expect(answer.header.columns).toEqual({ code: 0, title: 1, max: 2, self: 3, evidence: 4, evidenceDate: 5 });
    await saveConfirmedHeader(host, answer.header);
    expect(await loadConfirmedHeaders(host)).toEqual([answer.header]);
    const { report } = await checkWorkbook(host, province, "vi");
    const flagged = report.findings.filter((f) => f.code === "EVIDENCE_DATE_OUT_OF_PERIOD");
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((f) => /^'Bảng chấm'!F\d+$/.test(f.cell ?? ""))).toBe(true);
    expect(flagged[0]!.message).toContain("05/01/2023");
  });
});

describe("the form's answer", () => {
  const base = { headerTop: "4", headerBottom: "4", code: "0", title: "1", max: "2", self: "3", evidence: "", data: "", note: "", method: "", appraised: "" };
  it("turns 1-based rows and column indexes into a confirmed header", () => {
    expect(mappingAnswer("Bảng chấm", base)).toEqual({ ok: true, header: { sheet: "Bảng chấm", headerTop: 3, headerBottom: 3, columns: { code: 0, title: 1, max: 2, self: 3 } } });
  });
  it.each([
    ["title", { title: "" }],
    ["duplicate", { self: "2" }],
    ["rows", { headerTop: "0" }],
    ["rows", { headerBottom: "7" }],
  ])("refuses with %s", (problem, change) => {
    expect(mappingAnswer("Bảng chấm", { ...base, ...change })).toEqual({ ok: false, problem });
  });
});

describe("submitting an unsure workbook", () => {
  it("asks first and sends nothing", async () => {
    let posts = 0;
    const client = new ApiClient("http://x", "t", async () => (posts++, new Response("{}", { status: 500 })));
    const outcome = await submitWorkbook({ host: new FileHost(unusual()), set: province, period: "p", locale: "vi", accepted: [], client, queue: new SubmissionQueue(memoryStore()) });
    expect(outcome.kind).toBe("needs-mapping");
    expect(posts).toBe(0);
  });

  it("once confirmed, the request body carries the mapping of the sheets it sends", async () => {
    const host = new FileHost(unusual());
    await saveConfirmedHeader(host, confirmed);
    await saveConfirmedHeader(host, { ...confirmed, sheet: "Không dùng" });
    const checked = await checkWorkbook(host, province, "vi");
    const body = JSON.parse(submissionBody(checked, "p", [], "vi"));
    expect(body.confirmedHeaders).toEqual([confirmed]);
    expect(body.grid.sheets.map((s: { name: string }) => s.name)).toEqual(["Bảng chấm"]);
  });
});

describe("the mapping form reads the header as scoring does", () => {
  it("prefills the self-score with the column naming the set's own level ('Điểm UBND xã đánh giá' for a commune), not another level's before it", () => {
    const commune = loadFixtureSet("fixtures/criteria/demo-commune-2025.json");
    const cell = (v: string | number) => ({ v });
    const sheet = { name: "Biểu", merges: [], rows: [["STT", "Tiêu chí", "Điểm tối đa", "Điểm UBND huyện đánh giá", "Điểm UBND xã đánh giá", "Tài liệu kiểm chứng"].map(cell), ["1", "Chỉ đạo", 2, 2, 2, "Kế hoạch số 1/KH-UBND ngày 05/01/2025"].map(cell)] };
    expect(questionFor(sheet, 0, 0, commune.year, commune.unitType).columns.self).toBe(4);
  });
});
