import { describe, expect, it } from "vitest";
import { evidenceRegister } from "../../shared/index.ts";
import { COLUMNS, row, score, setOf, table } from "./v2-helpers.ts";

/**
 * A link as evidence (black-box audit A6-4): a criterion may ask where a result is published
 * ("Đường dẫn đăng tải kết quả …"); the unit is not told to write the link as a Quyết định.
 * The register keeps a document's Vietnamese title whole in English (A4-8).
 */
const set = setOf([{ code: "1.1", title: "Công khai kết quả giải quyết phản ánh, kiến nghị", max: 1 }]);
const rows = (evidence: string) => [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence })];

describe("a link as evidence", () => {
  it("is said as a link, with what to do in each case", () => {
    const [f] = score(set, rows("https://cong.tinh.gov.vn/ket-qua-xu-ly")).findings;
    expect(f).toMatchObject({ code: "EVIDENCE_UNRECOGNISED", severity: "info" });
    expect(f?.message).toBe('Tài liệu "https://cong.tinh.gov.vn/ket-qua-xu-ly" (tiêu chí 1.1) là một đường dẫn: nếu tiêu chí yêu cầu đường dẫn đăng tải thì giữ nguyên; nếu dẫn tới một văn bản, ghi kèm số, ký hiệu và ngày của văn bản (ví dụ "Quyết định số 12/QĐ-UBND ngày 05/01/2024").');
    const register = evidenceRegister(table(COLUMNS, rows("Đường dẫn: www.tinh.gov.vn/kq")), set);
    expect(register.documents[0]?.messages.vi[0]).toMatch(/^"Đường dẫn: www\.tinh\.gov\.vn\/kq" \(tiêu chí 1\.1\) là một đường dẫn: giữ nguyên nếu/);
  });

  it("text that is no link keeps the plain advice", () => {
    expect(score(set, rows("Có văn bản kèm theo")).findings[0]?.message).toMatch(/nên ghi dạng "Quyết định số 12\/QĐ-UBND ngày 05\/01\/2024"\.$/);
  });
});

describe("the register in English", () => {
  it("keeps a document's Vietnamese title whole", () => {
    const register = evidenceRegister(table(COLUMNS, rows("Quyết định số 12/QĐ-UBND ngày 05/01/2022")), set);
    expect(register.documents[0]?.messages.en[0]).toMatch(/^Quyết định số 12\/QĐ-UBND is dated 05\/01\/2022/);
  });
});

describe("the register rendered in English (parindex register --lang en)", () => {
  it("names a document with its kind as it is written in Vietnamese", async () => {
    const { renderRegister } = await import("../../shared/register-export.ts");
    const register = evidenceRegister(table(COLUMNS, rows("Quyết định số 12/QĐ-UBND ngày 05/01/2022")), set);
    const text = renderRegister(register, "tu-danh-gia.xlsx", "en");
    expect(text).toContain("Quyết định số 12/QĐ-UBND");
    expect(text).not.toContain("no. 12");
  });
});
