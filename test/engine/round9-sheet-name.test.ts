import { describe, expect, it } from "vitest";
import { sameSheetName, scoreWorkbook } from "../../shared/index.ts";
import { EV, setOf, table } from "./v2-helpers.ts";

/** `--sheet "Tự đánh giá"` did not find the tab "Tự đánh giá " (a trailing space no one sees), and listed a name that looked the same. */
const set = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }]);
const sheet = (name: string, self: number) => ({ ...table(["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"], [["1", "Lĩnh vực 1", 2], ["1.1", "Kế hoạch", 2, self, EV]]).sheets[0]!, name });

describe("a sheet named with spaces around it", () => {
  it("is the sheet --sheet names without them", () => {
    expect(sameSheetName("Tự đánh giá", "Tự đánh giá ")).toBe(true);
    expect(sameSheetName(" tự đánh giá", "Tự đánh giá\u00a0")).toBe(true);
    expect(sameSheetName("Tự đánh giá", "Tự đánh giá 2")).toBe(false);
    const report = scoreWorkbook({ sheets: [sheet("Hướng dẫn", 0), sheet("Tự đánh giá ", 2)] }, set, { sheet: "Tự đánh giá" });
    expect(report.sheet).toBe("Tự đánh giá ");
    expect(report.total).toBe(2);
  });

  it("the sheet named exactly wins over one that differs only by spaces", () => {
    const report = scoreWorkbook({ sheets: [sheet("Tự đánh giá ", 1), sheet("Tự đánh giá", 2)] }, set, { sheet: "Tự đánh giá" });
    expect(report.sheet).toBe("Tự đánh giá");
    expect(report.total).toBe(2);
  });
});
