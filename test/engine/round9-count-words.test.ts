import { describe, expect, it } from "vitest";
import { readDeclaredCount, saysNoneCounted } from "../../shared/declared-data.ts";
import { codes, EV, score, scores, setOf } from "./v2-helpers.ts";

/** A count of none written as a sentence lost the item's points (DATA_MISSING) where a bare "Không" was 0. */
const set = setOf([
  { code: "1.1", title: "Kế hoạch", max: 2 },
  { code: "1.2", title: "Báo cáo đúng hạn (trừ 1 điểm mỗi báo cáo chậm)", max: 3, rule: { kind: "count", base: 3, each: -1 } },
]);

describe("a count of none in words", () => {
  it.each(["Không chậm báo cáo nào", "Không có báo cáo chậm", "Không vi phạm", "Không để xảy ra trường hợp nào", "Không bị xử lý kỷ luật", "Không"])("%j is 0", (text) => {
    expect(saysNoneCounted(text)).toBe(true);
    expect(readDeclaredCount({ v: text })).toBe(0);
  });

  it.each(["Chậm 01 báo cáo", "Không đúng hạn 2 báo cáo", "Không thống kê được"])("%j is not a count of none", (text) => {
    expect(saysNoneCounted(text)).toBe(false);
  });

  it("in the data cell, the item scores as a count of 0", () => {
    const report = score(set, [["1", "Lĩnh vực 1", 5], ["1.1", "Kế hoạch", 2, null, 2, EV], ["1.2", "Báo cáo đúng hạn", 3, "Không chậm báo cáo nào", 3, EV]]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.2"]).toBe(3);
  });
});
