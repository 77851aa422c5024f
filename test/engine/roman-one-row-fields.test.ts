import { describe, expect, it } from "vitest";
import { EV, codes, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * Roman fields numbered locally where the later fields are single rows (a decision's layout,
 * copied by units): "I" over "1", "2", then "II | Công tác tuyên truyền | 5" with nothing under
 * it, then "III | ĐIỂM THƯỞNG, ĐIỂM TRỪ". No section after I has a number under it to say
 * whether numbering is local or global, and "1", "2" under I alone looked like fields under a
 * part row: the Roman rows were read as parts and the table lost field II. The set decides:
 * the reading whose codes it knows better wins.
 */
const set = setOf(
  [
    { code: "1.1", title: "Ban hành kế hoạch CCHC", max: 2 },
    { code: "1.2", title: "Báo cáo CCHC định kỳ", max: 1 },
  ],
  {},
  [
    { code: "2", title: "Công tác tuyên truyền CCHC", max: 5 },
    { code: "3", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "3.1", title: "Được khen thưởng về CCHC", max: 1, rule: { kind: "manual", step: 1 } }] },
  ],
);
const r = (code: string, title: string, max: number | null, self: number | null): Cell[] => [code, title, max, null, self, self === null ? null : EV, null];

describe("Roman fields whose later fields are single rows", () => {
  it("are fields, their numbers local", () => {
    const report = score(set, [
      r("I", "Lĩnh vực 1", 3, null),
      r("1", "Ban hành kế hoạch CCHC", 2, 2),
      r("2", "Báo cáo CCHC định kỳ", 1, 1),
      r("II", "Công tác tuyên truyền CCHC", 5, 4),
      r("III", "Điểm thưởng, điểm trừ", null, null),
      r("", "Được khen thưởng về CCHC", 1, 1),
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1, "2": 4, "3.1": 1 });
    expect(report.total).toBe(8);
  });

  it("Roman parts over fields numbered 1, 2 … stay parts when the set has those fields", () => {
    const fields = setOf([{ code: "1.1", title: "Ban hành kế hoạch CCHC", max: 2 }], {}, [{ code: "2", title: "Công tác tuyên truyền CCHC", max: 5, children: [{ code: "2.1", title: "Tuyên truyền", max: 5 }] }]);
    const report = score(fields, [
      r("I", "CÁC TIÊU CHÍ TỰ ĐÁNH GIÁ", null, null),
      r("1", "Lĩnh vực 1", 2, null),
      r("1.1", "Ban hành kế hoạch CCHC", 2, 2),
      r("2", "Công tác tuyên truyền CCHC", 5, null),
      r("2.1", "Tuyên truyền", 5, 5),
      r("II", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", null, null),
    ]);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(7);
  });
});
