import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tempDir } from "../fixtures/temp-dir.ts";
import { describe, expect, it } from "vitest";
import { unitName, unitOfCopy } from "./check-dir.ts";
import { main } from "./parindex.ts";
import { run } from "./run-main.test-helper.ts";

const COMMUNE = "fixtures/criteria/demo-commune-2024.json";
const PROVINCE = "fixtures/criteria/demo-province-2024.json";
const wb = (name: string) => `fixtures/workbooks/${name}.xlsx`;


describe("parindex check", () => {
  it("prints a grouped Vietnamese report with cells and what to do", async () => {
    const { code, stdout } = await run("check", wb("commune-score-errors"), "--criteria", COMMUNE);
    expect(code).toBe(1);
    expect(stdout).toContain("Tổng điểm: 64 / 100 — Chỉ số: 64,00 % — Xếp loại: Trung bình");
    expect(stdout).toContain("Phát hiện: 5 lỗi, 1 cảnh báo, 0 thông tin");
    expect(stdout).toMatch(/\[1\. Công tác chỉ đạo[^\]]*\]\n\s+LỖI\s+'Tự đánh giá'!G\d+\s+Điểm tự đánh giá của tiêu chí 1\.2 \("đạt"\) không phải là số/);
    // Scales and steps with decimal commas, and why each item lost points.
    expect(stdout).toContain("không đúng thang điểm 3; 1,5; 0");
    expect(stdout).toContain("không đúng bước 0,5");
    expect(stdout).toContain("Vì sao mất điểm:\n");
  });

  it("speaks English with --lang en", async () => {
    const { stdout } = await run("check", wb("commune-score-errors"), "--criteria", COMMUNE, "--lang", "en");
    expect(stdout).toContain("Findings: 5 errors, 1 warning, 0 info");
    expect(stdout).toContain("1.1.1 Ban hành kế hoạch CCHC năm đúng thời hạn — 1 point lost ('Tự đánh giá'!G9)");
    expect(stdout).toContain("— 3 points lost ('Tự đánh giá'!G11)");
    expect(stdout).toContain("is not a number");
    expect(stdout).toContain("is not on the scale 3; 1.5; 0");
    expect(stdout).toContain("Why points were lost:\n");
  });

  it("explains a ratio item's loss with its data, the band reached and the next one", async () => {
    const { stdout } = await run("check", wb("district-ratio-problems"), "--criteria", "fixtures/criteria/demo-district-2024.json");
    expect(stdout).toMatch(/1\.1\.2 .* — mất 2 điểm \('Tự đánh giá'!G10\)\n\s+Số liệu kê khai 15\/28 \(53,57 %\) \(ô 'Tự đánh giá'!D10\) chưa đạt mức có điểm: 0\/2 điểm\.\n\s+Mức kế tiếp: từ 80 % được 1 điểm\./);
  });

  it.each([
    ["a missing file", ["check", "fixtures/workbooks/nope.xlsx", "--criteria", COMMUNE], "FILE_NOT_FOUND"],
    ["a text file", ["check", wb("not-a-workbook"), "--criteria", COMMUNE], "NOT_A_WORKBOOK"],
    ["an empty workbook", ["check", wb("empty-sheet"), "--criteria", COMMUNE], "HEADER_NOT_FOUND"],
    ["an unknown sheet", ["check", wb("province-clean"), "--criteria", PROVINCE, "--sheet", "Không có"], "SHEET_NOT_FOUND"],
    ["a missing criteria set", ["check", wb("province-clean"), "--criteria", "nope.json"], "CRITERIA_NOT_FOUND"],
    ["no --criteria", ["check", wb("province-clean")], "USAGE"],
    ["an unknown command", ["score", wb("province-clean"), "--criteria", PROVINCE], "USAGE"],
  ])("exits 2 with one line on %s", async (_what, args, errorCode) => {
    const { code, stdout, stderr } = await run(...args, "--json");
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual({ error: { code: errorCode, message: expect.any(String) } });
  });

  it("rejects a criteria set whose sums do not add up (CRITERIA_INVALID)", async () => {
    const set = JSON.parse(readFileSync(PROVINCE, "utf8"));
    set.items[0].max = 10;
    const dir = tempDir("parindex-");
    writeFileSync(join(dir, "bad.json"), JSON.stringify(set));
    const { code, stdout, stderr } = await run("check", wb("province-clean"), "--criteria", join(dir, "bad.json"), "--json");
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe("CRITERIA_INVALID");
    expect(stderr).toContain("items.0.max: điểm tối đa của 1 là 10 nhưng các mục con cộng lại là 9");
    const en = await run("check", wb("province-clean"), "--criteria", join(dir, "bad.json"), "--lang", "en");
    expect([en.code, en.stderr.trim()]).toEqual([2, `criteria set ${join(dir, "bad.json")} is invalid: items.0.max: max of 1 is 10 but its children sum to 9`]);
  });

  it.each<[string, (set: { items: { children?: { rule?: unknown; requires?: unknown; max?: number; combine?: string }[] }[] }) => void, string]>([
    ["an above and a min in one band", (s) => (s.items[0]!.children![1]!.rule = { kind: "ratio", bands: [{ above: 90, min: 90, points: 1 }] }), "có cả \"above\" (trên) và \"min\" (từ)"],
    ["a requires naming itself", (s) => (s.items[0]!.children![1]!.requires = { code: "1.2", atLeast: 1 }), "có điều kiện theo chính nó"],
    ["a count with each 0", (s) => (s.items[0]!.children![1]!.rule = { kind: "count", each: 0 }), "cần \"each\" khác 0"],
  ])("exits 2 on a set using a v2 field wrongly: %s", async (_name, mutate, vi) => {
    const set = JSON.parse(readFileSync(PROVINCE, "utf8"));
    mutate(set);
    const dir = tempDir("parindex-");
    writeFileSync(join(dir, "bad.json"), JSON.stringify(set));
    const { code, stdout, stderr } = await run("check", wb("province-clean"), "--criteria", join(dir, "bad.json"), "--json");
    expect([code, JSON.parse(stdout).error.code]).toEqual([2, "CRITERIA_INVALID"]);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/items\.0\.children\.\d\.(rule|requires)/);
    expect(stderr).toContain(vi);
  });

  it("--sheet names a sheet as Excel does: in any case, and in either Unicode form", async () => {
    for (const name of ["năm 2023", "NĂM 2023", "Năm 2023".normalize("NFD")]) {
      const { code, stdout } = await run("check", wb("province-per-year-sheets"), "--criteria", PROVINCE, "--sheet", name, "--json");
      expect(code).toBe(0);
      expect(JSON.parse(stdout).sheet).toBe("Năm 2023");
    }
  });

  it("reads the sheet named by --sheet only", async () => {
    const { code, stdout } = await run("check", wb("province-per-year-sheets"), "--criteria", PROVINCE, "--sheet", "Năm 2023", "--json");
    // Every self-score on that sheet is 0; ratio leaves still score from their declared 100 %.
    const set = JSON.parse(readFileSync(PROVINCE, "utf8"));
    const ratioMax: number[] = [];
    const walk = (i: { max?: number; rule?: { kind: string }; children?: unknown[] }): void => {
      if (i.children) (i.children as (typeof i)[]).forEach(walk);
      else if (i.rule?.kind === "ratio") ratioMax.push(i.max!);
    };
    set.items.forEach(walk);
    const report = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(report).toMatchObject({ sheet: "Năm 2023", sheets: ["Năm 2023"], total: ratioMax.reduce((a, b) => a + b, 0) });
    expect(report.findings.filter((f: { code: string }) => f.code === "RATIO_SCORE_MISMATCH")).toHaveLength(ratioMax.length);
  });

  it("refuses a survey CSV naming a non-survey item", async () => {
    const dir = tempDir("parindex-");
    writeFileSync(join(dir, "s.csv"), "code;score\n1.1.1;0,5\n");
    const { code, stderr } = await run("check", wb("province-clean"), "--criteria", PROVINCE, "--survey", join(dir, "s.csv"));
    expect(code).toBe(2);
    expect(stderr).toContain("1.1.1 không phải tiêu chí khảo sát");
    const en = await run("check", wb("province-clean"), "--criteria", PROVINCE, "--survey", join(dir, "s.csv"), "--lang", "en");
    expect(en.stderr).toContain("1.1.1 is not a survey item");
  });

  it("refuses a survey score with more than two decimals, as the Worker's import does (scores are hundredths; 1,005 would be rounded by guess)", async () => {
    const dir = tempDir("parindex-");
    writeFileSync(join(dir, "s.csv"), "code;score\n3.5.1;1\n3.5.2;0,125\n");
    const { code, stderr } = await run("check", wb("province-clean"), "--criteria", PROVINCE, "--survey", join(dir, "s.csv"));
    expect(code).toBe(2);
    expect(stderr).toContain("điểm 3.5.2 (0,125) quá 2 chữ số thập phân");
    const en = await run("check", wb("province-clean"), "--criteria", PROVINCE, "--survey", join(dir, "s.csv"), "--lang", "en");
    expect(en.stderr).toContain("3.5.2 scores 0.125, more than two decimals");
  });

  it("says a survey-only field rescaled away for want of a survey is not counted, not '0 / 0 (0 %)' (round 10)", async () => {
    const { stdout } = await run("check", wb("real-department-not-arisen"), "--criteria", "fixtures/criteria/demo-department-2024.json");
    expect(stdout).toMatch(/^ {2}7\. Sự hài lòng[^\n]*: không tính \(chưa có điểm điều tra xã hội học/m);
    const surveyed = await run("check", wb("real-department-not-arisen"), "--criteria", "fixtures/criteria/demo-department-2024.json", "--survey", "fixtures/workbooks/real-department-not-arisen.survey.csv");
    expect(surveyed.stdout).not.toContain("không tính (chưa có điểm điều tra");
  });

  it("says a survey CSV giving a group's code to score its survey items instead (round 10)", async () => {
    const dir = tempDir("parindex-");
    writeFileSync(join(dir, "s.csv"), "code,score\n3.5,1.5\n");
    const { code, stderr } = await run("check", wb("province-clean"), "--criteria", PROVINCE, "--survey", join(dir, "s.csv"));
    expect(code).toBe(2);
    expect(stderr).toContain("3.5 là một nhóm tiêu chí; nhập điểm cho từng tiêu chí khảo sát của nhóm (3.5.1, 3.5.2)");
  });

  it("says why an input is unusable in Vietnamese, in English with --lang en (one line, exit 2)", async () => {
    const missing = join(tmpdir(), "khong-co.xlsx");
    const cases: [string[], string, string][] = [
      [["check", missing, "--criteria", PROVINCE], `không tìm thấy tệp: ${missing}`, `file not found: ${missing}`],
      [["check", wb("not-a-workbook"), "--criteria", PROVINCE], "không phải tệp Excel (.xlsx/.xls)", "not an Excel workbook (.xlsx/.xls)"],
      [["check", wb("province-clean"), "--criteria", PROVINCE, "--sheet", "Nope"], 'không có trang tính "Nope"', 'no sheet named "Nope"'],
      [["check", wb("province-clean"), "--criteria", missing], "không tìm thấy bộ tiêu chí", "criteria set not found"],
      [["check", wb("province-clean")], "cần --criteria", "--criteria <set.json> is required"],
      [["check-dir", missing, "--criteria", PROVINCE], "không tìm thấy thư mục", "folder not found"],
      [["check", wb("no-table"), "--criteria", PROVINCE], "Không tìm thấy bảng tiêu chí", "No criteria table found"],
    ];
    for (const [args, vi, en] of cases) {
      const inVi = await run(...args);
      expect([inVi.code, inVi.stderr.trim().split("\n").length]).toEqual([2, 1]);
      expect(inVi.stderr).toContain(vi);
      const inEn = await run(...args, "--lang", "en");
      expect(inEn.code).toBe(2);
      expect(inEn.stderr).toContain(en);
      // --json: the same message in the envelope.
      const json = await run(...args, "--json");
      expect(JSON.parse(json.stdout).error.message).toContain(vi);
    }
  });

  it("reads a survey CSV saved by Excel for Mac (lines ending in a lone \\r), blank lines before its header", async () => {
    const dir = tempDir("parindex-");
    writeFileSync(join(dir, "s.csv"), "\r\rcode,score\r3.5.1,0.5\r8.2.1,1.25\r");
    const { code, stdout } = await run("check", wb("province-clean"), "--criteria", PROVINCE, "--survey", join(dir, "s.csv"), "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ total: 69.75, survey: { score: 1.75, imported: true } });
  });

  it("reads a criteria set that starts with a BOM", async () => {
    const dir = tempDir("parindex-");
    writeFileSync(join(dir, "set.json"), `\uFEFF${readFileSync(PROVINCE, "utf8")}`);
    const { code, stdout } = await run("check", wb("province-clean"), "--criteria", join(dir, "set.json"), "--json");
    expect([code, JSON.parse(stdout).criteriaSet]).toEqual([0, "demo-province-2024"]);
  });

  it.each([
    ["a misplaced comma", '{\n  "id": "x",\n}', "lỗi cú pháp ở dòng 3, cột 1"],
    ["a set cut short", '{\n  "id": "x",\n  "items": [\n', "JSON kết thúc giữa chừng ở dòng 3, cột 13"],
    ["an empty file", "", "tệp trống"],
  ])("says where invalid JSON breaks, in Vietnamese words: %s", async (_what, text, where) => {
    const dir = tempDir("parindex-");
    writeFileSync(join(dir, "bad.json"), text);
    const { code, stdout, stderr } = await run("check", wb("province-clean"), "--criteria", join(dir, "bad.json"), "--json");
    expect([code, JSON.parse(stdout).error.code]).toEqual([2, "CRITERIA_INVALID"]);
    expect(stderr.trim()).toBe(`bộ tiêu chí ${join(dir, "bad.json")} không phải JSON hợp lệ (${where})`);
    const en = await run("check", wb("province-clean"), "--criteria", join(dir, "bad.json"), "--lang", "en");
    expect(en.stderr).toContain("is not valid JSON (");
  });

  it.each([
    ["an unknown option", ["check", wb("province-clean"), "--criteria", PROVINCE, "--bogus"], "không có tùy chọn --bogus", "unknown option --bogus"],
    ["an option without its value", ["check", wb("province-clean"), "--criteria"], "thiếu giá trị sau --criteria", "--criteria needs a value"],
    ["an option followed by another", ["check", wb("province-clean"), "--criteria", "--sheet", "x"], 'thiếu giá trị sau --criteria (giá trị bắt đầu bằng "-" thì viết --criteria=-…)', '--criteria needs a value (one starting with "-" is written --criteria=-…)'],
    ["a value given to a flag", ["check", wb("province-clean"), "--criteria", PROVINCE, "--json=yes"], "--json không nhận giá trị", "--json takes no value"],
  ])("says what is wrong with the arguments in the user's language: %s", async (_what, args, vi, en) => {
    // The options go first: after an option that lacks its value they would become it.
    const inVi = await run(...args);
    expect([inVi.code, inVi.stderr.trim()]).toEqual([2, vi]);
    for (const lang of [["--lang", "en"], ["--lang=en"]]) {
      const inEn = await run(...lang, ...args);
      expect([inEn.code, inEn.stderr.trim()]).toEqual([2, en]);
    }
    const json = await run("--json", ...args);
    expect([json.code, JSON.parse(json.stdout)]).toEqual([2, { error: { code: "USAGE", message: vi } }]);
  });

  it.each([
    [["check-dir", "fixtures/workbooks", "--criteria", COMMUNE, "--sheet", "X"], "--sheet không dùng được với check-dir (chỉ với check, register)", "--sheet does not apply to check-dir (only to check, register)"],
    [["check-dir", "fixtures/workbooks", "--criteria", COMMUNE, "--survey", "s.csv"], "--survey không dùng được với check-dir (chỉ với check)", "--survey does not apply to check-dir (only to check)"],
    [["check", wb("province-clean"), "--criteria", PROVINCE, "--csv"], "--csv không dùng được với check (chỉ với register)", "--csv does not apply to check (only to register)"],
    [["register", wb("province-evidence"), "--criteria", PROVINCE, "--survey", "s.csv"], "--survey không dùng được với register (chỉ với check)", "--survey does not apply to register (only to check)"],
  ])("refuses an option its command does not use: %j", async (args, vi, en) => {
    const inVi = await run(...args);
    expect([inVi.code, inVi.stderr.trim(), inVi.stdout]).toEqual([2, vi, ""]);
    const inEn = await run(...args, "--lang", "en", "--json");
    expect([inEn.code, inEn.stderr.trim(), JSON.parse(inEn.stdout)]).toEqual([2, en, { error: { code: "USAGE", message: en } }]);
  });

  it("accepts decimal commas in a ;-separated survey CSV", async () => {
    const dir = tempDir("parindex-");
    writeFileSync(join(dir, "s.csv"), "code;score\n8.2.1;1,5\n");
    const { stdout } = await run("check", wb("province-clean"), "--criteria", PROVINCE, "--survey", join(dir, "s.csv"), "--json");
    expect(JSON.parse(stdout)).toMatchObject({ total: 69.5, survey: { score: 1.5, imported: true } });
  });
});

describe("parindex check-dir", () => {
  function folder(): string {
    const dir = tempDir("parindex-dir-");
    copyFileSync(wb("commune-code-in-title"), join(dir, "Đắk Lắk.xlsx")); // 76 %
    copyFileSync(wb("commune-roman-sections"), join(dir, "An Giang.xlsx")); // 76 %
    copyFileSync(wb("commune-structure"), join(dir, "Dĩ An.xlsx".normalize("NFD"))); // 73 %
    copyFileSync(wb("commune-score-errors"), join(dir, "Điện Biên.xlsx")); // 64 %
    copyFileSync(wb("not-a-workbook"), join(dir, "Hỏng.xlsx"));
    copyFileSync(wb("commune-score-errors"), join(dir, "~$An Giang.xlsx"));
    writeFileSync(join(dir, "ghi chú.txt"), "not a workbook, not an .xlsx name");
    return dir;
  }

  it("ranks every workbook, ties share a rank in Vietnamese order, unreadable files are listed", async () => {
    const { code, stdout } = await run("check-dir", folder(), "--criteria", COMMUNE, "--json");
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.criteriaSet).toBe("demo-commune-2024");
    expect(out.ranking.map((r: { rank: number; unit: string; percent: number; errors: number }) => [r.rank, r.unit, r.percent, r.errors])).toEqual([
      [1, "An Giang", 76, 0],
      [1, "Đắk Lắk", 76, 0],
      [3, "Dĩ An", 73, 2],
      [4, "Điện Biên", 64, 5],
    ]);
    expect(out.unreadable).toEqual([{ file: "Hỏng.xlsx", reason: expect.stringContaining("không phải tệp Excel") }]);
  });

  it("skips a Mac's ._ companion files (AppleDouble bytes) as it skips ~$ lock files, and says nothing of them; a workbook named ._ is still read", async () => {
    const dir = folder();
    writeFileSync(join(dir, "._An Giang.xlsx"), Buffer.concat([Buffer.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00]), Buffer.alloc(4000)]));
    const { code, stdout, stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.ranking.map((r: { unit: string }) => r.unit)).toEqual(["An Giang", "Đắk Lắk", "Dĩ An", "Điện Biên"]);
    expect(out.unreadable.map((u: { file: string }) => u.file)).toEqual(["Hỏng.xlsx"]);
    expect(stderr).not.toContain("._");
    copyFileSync(wb("commune-roman-sections"), join(dir, "._Bình Định.xlsx"));
    const named = JSON.parse((await run("check-dir", dir, "--criteria", COMMUNE, "--json")).stdout);
    expect(named.ranking.map((r: { unit: string }) => r.unit)).toContain("._Bình Định");
  });

  it("prints a readable table without --json", async () => {
    const folderPath = folder();
    const { stdout } = await run("check-dir", folderPath, "--criteria", COMMUNE);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Hạng\s+Đơn vị\s+%\s+Xếp loại\s+Lỗi$/);
    // Percentages with two decimals, as the index is published.
    expect(lines[1]).toMatch(/^1\s+An Giang\s+76,00\s+Khá\s+0$/);
    expect(lines.at(-1)).toMatch(/^Không đọc được: Hỏng\.xlsx/);
    // The reason names the file, not the folder's absolute path again.
    expect(lines.at(-1)).not.toContain(folderPath);
  });

  it("shows progress on a terminal's stderr, one line redrawn in place and cleared before the result", async () => {
    const dir = folder();
    const args = ["check-dir", dir, "--criteria", COMMUNE, "--json"];
    const writes: string[] = [];
    const terminal = { isTTY: true, columns: 30, write: (s: string) => writes.push(s) };
    let stdout = "";
    const code = await main(args, (s) => (stdout += `${s}\n`), () => {}, terminal);
    expect(code).toBe(1);
    expect(writes.at(-1)).toBe("\r\x1b[K");
    const lines = writes.slice(0, -1);
    expect(lines).toHaveLength(5); // five workbooks; the ~$ lock file is not one
    expect(lines[0]).toBe("\r\x1b[KĐang kiểm tra 1/5: An Giang.…");
    for (const line of lines) expect(line.length - "\r\x1b[K".length).toBeLessThanOrEqual(29); // never wraps a 30-column terminal
    expect(lines.map((l) => /\d\/5/.exec(l)?.[0])).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5"]);
    // stdout is the one JSON object it is without a terminal
    expect(stdout).toBe((await run(...args)).stdout);
  });

  it.each([
    ["a pipe or a file", { isTTY: false }],
    ["a stream that does not say", {}],
  ])("prints no progress when stderr is %s", async (_what, stream) => {
    const writes: string[] = [];
    await main(["check-dir", folder(), "--criteria", COMMUNE, "--lang", "en"], () => {}, () => {}, { ...stream, write: (s: string) => writes.push(s) });
    expect(writes).toEqual([]);
  });

  it("checks .xlsx files only (in any case), says on stderr which other spreadsheets it left out, and passes over folders", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync(wb("commune-code-in-title"), join(dir, "An Giang.XLSX"));
    for (const other of ["Cũ.xls", "Macro.xlsm", "Nhị phân.xlsb", "Calc.ods"]) copyFileSync(wb("commune-score-errors"), join(dir, other));
    copyFileSync(wb("commune-score-errors"), join(dir, "~$Macro.xlsm"));
    mkdirSync(join(dir, "Lưu trữ.xlsx"));
    const { code, stdout, stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.ranking.map((r: { unit: string }) => r.unit)).toEqual(["An Giang"]);
    expect(result.unreadable).toEqual([]);
    expect(stderr.trim().split("\n")).toEqual(["Calc.ods", "Cũ.xls", "Macro.xlsm", "Nhị phân.xlsb"].map((f) => `bỏ qua ${f}: chỉ kiểm tra tệp .xlsx — mở tệp bằng Excel, Lưu thành (Save As) "Sổ làm việc Excel (.xlsx)" rồi chạy lại, hoặc kiểm tra riêng tệp này bằng parindex check`));
    const en = await run("check-dir", dir, "--criteria", COMMUNE, "--lang", "en");
    expect([en.code, en.stdout.trim().split("\n")]).toEqual([0, [expect.stringMatching(/^Rank/), expect.stringMatching(/^1\s+An Giang/)]]);
    expect(en.stderr).toContain('skipped Macro.xlsm: only .xlsx files are checked — open it in Excel, Save As "Excel Workbook (.xlsx)" and run again, or check this file alone with parindex check\n');
  });

  it("ranks every file as the unit its name says (§5), and says on stderr when two seem one unit's (another Unicode form, another case)", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync(wb("commune-code-in-title"), join(dir, "Đà Nẵng.xlsx".normalize("NFD")));
    copyFileSync(wb("commune-roman-sections"), join(dir, "An Giang.xlsx"));
    copyFileSync(wb("commune-roman-sections"), join(dir, "an giang.xlsx"));
    const { code, stdout, stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    // The unit is the file name in NFC; ties in Vietnamese order.
    expect(out.ranking.map((r: { rank: number; unit: string }) => [r.rank, r.unit])).toEqual([
      [1, "an giang"],
      [1, "An Giang"],
      [1, "Đà Nẵng"],
    ]);
    expect(out.unreadable).toEqual([]);
    expect(stderr).toBe("an giang.xlsx: có vẻ cùng đơn vị với tệp An Giang.xlsx (mỗi đơn vị một tệp), cả hai đều được xếp hạng: giữ một tệp, bỏ hoặc đổi tên tệp còn lại rồi kiểm tra lại\n");
  });

  it("ranks copies of a file lying beside it ('(1)', '- Copy', '- Bản sao', 'copy 2') under their own names, each said on stderr (engine round 13, contract tester CF1-3)", async () => {
    const dir = tempDir("parindex-dir-");
    for (const name of ["Xã An Phú (1).xlsx", "Xã An Phú - Copy.xlsx", "Xã An Phú.xlsx"]) copyFileSync(wb("commune-code-in-title"), join(dir, name));
    copyFileSync(wb("commune-score-errors"), join(dir, "Xã Bình Hòa copy 2.xlsx"));
    const { stdout, stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    const out = JSON.parse(stdout);
    expect(out.ranking.map((r: { rank: number; unit: string; file: string }) => [r.rank, r.unit, r.file])).toEqual([
      [1, "Xã An Phú", "Xã An Phú.xlsx"],
      [1, "Xã An Phú (1)", "Xã An Phú (1).xlsx"],
      [1, "Xã An Phú - Copy", "Xã An Phú - Copy.xlsx"],
      [4, "Xã Bình Hòa copy 2", "Xã Bình Hòa copy 2.xlsx"],
    ]);
    expect(out.unreadable).toEqual([]);
    // Each copy said as a copy of the file named without the marks, whatever their order in the folder.
    expect(stderr.trim().split("\n").sort()).toEqual(["Xã An Phú (1).xlsx", "Xã An Phú - Copy.xlsx"].map((f) => `${f}: có vẻ cùng đơn vị với tệp Xã An Phú.xlsx (mỗi đơn vị một tệp), cả hai đều được xếp hạng: giữ một tệp, bỏ hoặc đổi tên tệp còn lại rồi kiểm tra lại`));
  });

  it("ranks the same bytes under two units' names as two units (a grader's copied template for ties), said on stderr (one office's file saved as another's)", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync(wb("commune-code-in-title"), join(dir, "Xã An Phú.xlsx"));
    copyFileSync(wb("commune-code-in-title"), join(dir, "Xã Bình Hòa.xlsx"));
    copyFileSync(wb("commune-roman-sections"), join(dir, "Xã Cát Tiên.xlsx"));
    const { code, stdout, stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.ranking.map((r: { rank: number; unit: string }) => [r.rank, r.unit])).toEqual([
      [1, "Xã An Phú"],
      [1, "Xã Bình Hòa"],
      [1, "Xã Cát Tiên"],
    ]);
    expect(out.unreadable).toEqual([]);
    expect(stderr).toBe("Xã Bình Hòa.xlsx: giống hệt tệp Xã An Phú.xlsx (cùng nội dung nhưng tên đơn vị khác), cả hai đều được xếp hạng: kiểm tra lại tệp của đơn vị này\n");
  });

  it("names a file's unit by its name (§5), and a copy's by the name its marks leave ('Phường 1', a bracket of words stay)", () => {
    expect(unitName("Xã Tân Lập (2) - Copy (3).xlsx")).toBe("Xã Tân Lập (2) - Copy (3)");
    expect(unitName("Đà Nẵng.xlsx".normalize("NFD"))).toBe("Đà Nẵng".normalize("NFC"));
    expect(unitOfCopy("Phường 1.xlsx")).toBe("Phường 1");
    expect(unitOfCopy("Xã An Phú (huyện An Bình).xlsx")).toBe("Xã An Phú (huyện An Bình)");
    expect(unitOfCopy("Xã Tân Lập (2) - Copy (3).xlsx")).toBe("Xã Tân Lập");
    expect(unitOfCopy("Copy of Sở Nội vụ.xlsx")).toBe("Sở Nội vụ");
    expect(unitOfCopy("(1).xlsx")).toBe("(1)");
  });

  it("exits 2 on a folder without a workbook, saying so (a wrong folder is no success)", async () => {
    const dir = tempDir("parindex-dir-");
    const { code, stdout, stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ error: { code: "NO_WORKBOOKS", message: expect.stringContaining("không có tệp .xlsx nào") } });
    expect(stderr).toContain("không có tệp .xlsx nào");
  });

  it("exits 2 on a missing folder", async () => {
    const { code } = await run("check-dir", "fixtures/nope", "--criteria", COMMUNE);
    expect(code).toBe(2);
  });
});

describe("parindex register", () => {
  it("lists the documents the workbook cites, the one outside the period and the unrecognised ones first", async () => {
    const { code, stdout } = await run("register", wb("province-evidence"), "--criteria", PROVINCE);
    expect(code).toBe(0);
    expect(stdout).toContain("Sổ tài liệu kiểm chứng — province-evidence.xlsx");
    expect(stdout).toContain("5 tài liệu, 71 lượt trích dẫn; 0 tài liệu ghi ngày khác nhau, 1 tài liệu ngoài kỳ đánh giá");
    const [check, all] = stdout.split("Tất cả tài liệu:");
    expect(check).toMatch(/2\.2\.1\s+Kế hoạch số 307\/KH-MTTQ-BTT ghi ngày 09\/09\/2022, ngoài kỳ đánh giá/);
    expect(check).toContain('"Có" (tiêu chí 2.2.2)');
    expect(all).toContain("2. Kế hoạch số 307/KH-MTTQ-BTT ngày 09/09/2022 — 2.2.1 (trích dẫn tại 'Tự đánh giá'!F28)");
    expect(all).toMatch(/1\. Quyết định số 12\/QĐ-UBND ngày 05\/01\/2024 — 1\.1\.1, .* và \d+ ô khác\)/);
  });

  it("--json gives the register object; --csv a table Excel opens in columns (BOM, ';', dd/mm/yyyy)", async () => {
    const json = JSON.parse((await run("register", wb("province-evidence"), "--criteria", PROVINCE, "--json")).stdout);
    expect(json.counts).toMatchObject({ documents: 5, citations: 71, OUT_OF_PERIOD: 1, DATE_CONFLICT: 0 });
    expect(json.documents.find((d: any) => d.number === "307").flags).toEqual(["OUT_OF_PERIOD"]);
    const { code, stdout } = await run("register", wb("province-evidence"), "--criteria", PROVINCE, "--csv", "--lang", "en");
    expect(code).toBe(0);
    const lines = stdout.split("\r\n");
    expect(lines[0]).toBe("\uFEFFNo.;Kind;Number/symbol;Date issued;Other dates cited;Citing criteria;Citing cells;Warnings;Text cited");
    expect(lines.filter((l) => /^\d+;/.test(l))).toHaveLength(5);
    expect(lines[2]).toMatch(/^2;Kế hoạch;307\/KH-MTTQ-BTT;09\/09\/2022;;2\.2\.1;'Tự đánh giá'!F28;.*outside the period/);
  });

  it.each([
    ["--json with --csv", ["register", wb("province-evidence"), "--criteria", PROVINCE, "--json", "--csv"], "USAGE"],
    ["a workbook without a table", ["register", wb("empty-sheet"), "--criteria", COMMUNE], "HEADER_NOT_FOUND"],
    ["a missing file", ["register", "fixtures/workbooks/nope.xlsx", "--criteria", COMMUNE], "FILE_NOT_FOUND"],
  ])("exits 2 on %s", async (_, args, code) => {
    const r = await run(...args, "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe(code);
  });
});

describe("parindex --help (golive GL-11)", () => {
  it.each([["--help"], ["-h"], ["check", "--help"], ["import-criteria", "--help"], ["check", wb("province-clean"), "-h"]])("%j prints the usage with what each command does, Vietnamese first, and exits 0", async (...args) => {
    const { code, stdout, stderr } = await run(...args);
    expect([code, stderr]).toEqual([0, ""]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("cách dùng:");
    expect(lines).toContain("      kiểm tra và chấm điểm một bảng tự đánh giá, chỉ ra từng điểm bị mất và ô cần sửa");
    for (const command of ["check", "check-dir", "register", "import-criteria"]) expect(stdout).toContain(`  parindex ${command} <`);
    expect(lines.at(-1)).toBe("mã thoát: 0 không có lỗi, 1 có lỗi cần sửa, 2 đầu vào không dùng được. Tiếng Anh: --lang en");
  });

  it("speaks English with --lang en", async () => {
    const { code, stdout } = await run("--help", "--lang", "en");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("usage:");
    expect(stdout).toContain("exit codes: 0 clean, 1 findings to fix, 2 unusable input");
  });

  it("bare, prints its usage one command a line on stderr and exits 2", async () => {
    const { code, stdout, stderr } = await run();
    expect([code, stdout]).toEqual([2, ""]);
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("cách dùng:");
    expect(lines.slice(1).map((l) => l.trim().split(" ").slice(0, 2).join(" "))).toEqual(["parindex check", "parindex check-dir", "parindex register", "parindex import-criteria"]);
    expect((await run("--lang", "en")).stderr.split("\n")[0]).toBe("usage:");
  });
});
