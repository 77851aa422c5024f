import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * The documents issued as the whole of what "trong đó" says was done with them (03/12/2026, sixth
 * session): "Ban hành 20 văn bản, trong đó ký số 18" in a data cell is 18/20. "Ban hành" is work
 * done, and a part of what is already done had been read as an aside about it (WB16-13: "đã xử lý
 * đúng hạn 10, trong đó 02 … chuyển cơ quan khác"), so the cell said its figure was missing. A
 * part naming no work done ("trong đó 2 văn bản chuyển kỳ sau") is still an aside.
 */
const SET = demoSet("issued-documents", "Bộ thử văn bản ban hành (minh họa)", { "1.1.2": "Tỷ lệ văn bản đi được ký số", "2.2.2": "Tỷ lệ văn bản đi được ký số" });
const read = (text: (d: number, a: number) => string) => {
  const report = scoreWorkbook(columnsTable(["Số liệu"], (d, a) => [text(d, a)]), SET);
  return ["1.1.2", "2.2.2"].map((c) => report.items.find((i) => i.code === c)?.percent);
};

describe("documents issued, and what 'trong đó' says was done with them", () => {
  it.each([
    ["Ban hành 20 văn bản, trong đó ký số 18", (d: number, a: number) => `Ban hành ${a} văn bản, trong đó ký số ${d}`],
    ["Ban hành 20 văn bản, trong đó 18 văn bản được ký số", (d: number, a: number) => `Ban hành ${a} văn bản, trong đó ${d} văn bản được ký số`],
    ["Đã ban hành 20 văn bản; trong đó 18 văn bản ký số", (d: number, a: number) => `Đã ban hành ${a} văn bản; trong đó ${d} văn bản ký số`],
  ])("%s: 90 % and 98 %", (_, text) => {
    expect(read(text)).toEqual([90, 98]);
  });

  it("a part naming no work done is still an aside: never 2 of 20 (10 %)", () => {
    expect(read((d, a) => `Ban hành ${a} văn bản, trong đó 2 văn bản chuyển kỳ sau`)).toEqual([undefined, undefined]);
  });
});
