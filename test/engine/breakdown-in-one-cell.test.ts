import { describe, expect, it } from "vitest";
import { row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * A district's data written as a breakdown by commune inside one cell (black-box audit A8-2): its
 * total line is the data, else the parts added up — the first commune's 25/25 had given full points
 * for 43/45, with nothing said.
 */
const set = setOf([{ code: "1.1", title: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 2.5, rule: { kind: "ratio", bands: [{ min: 100, points: 2.5 }, { min: 95, points: 1.5 }, { min: 0, points: 0 }] } }]);
const scored = (data: string) => {
  const report = score(set, [row("1", { max: 2.5 }), row("1.1", { max: 2.5, self: 1.5, data })]);
  return { score: scores(report)["1.1"], item: report.items.find((i) => i.code === "1.1") };
};

describe("a breakdown by commune in one data cell", () => {
  it("is read by its total line", () => {
    expect(scored("- Xã An Bình: 25/25\n- Xã Bình Minh: 18/20\nCộng: 43/45")).toMatchObject({ score: 1.5, item: { numerator: 43, denominator: 45 } });
    expect(scored("- Xã An Bình: 25/25\r\n- Xã Bình Minh: 18/20\r\nTổng cộng: 43/45")).toMatchObject({ score: 1.5 });
  });

  it("without a total line, by its parts added up", () => {
    expect(scored("- Xã An Bình: 25/25\n- Xã Bình Minh: 18/20")).toMatchObject({ score: 1.5, item: { numerator: 43, denominator: 45 } });
    expect(scored("- Xã An Bình: 1.250/1.250\n- Xã Bình Minh: 1.000/1.000")).toMatchObject({ score: 2.5, item: { numerator: 2250, denominator: 2250 } });
  });

  it("lines that are no breakdown are read as before", () => {
    expect(scored("Hoàn thành 26/28 nhiệm vụ\n(số liệu đến 15/12/2024)")).toMatchObject({ item: { numerator: 26, denominator: 28 } });
    expect(scored("98%\nBáo cáo số 12/BC-UBND")).toMatchObject({ item: { percent: 98 } });
  });
});

describe("a breakdown written on one line", () => {
  it("after \";\" or a full stop, is read by its total", () => {
    expect(scored("Xã An Bình 25/25 hồ sơ; Xã Bình Minh 18/20 hồ sơ. Tổng số: 43/45 hồ sơ đúng hạn")).toMatchObject({ score: 1.5, item: { numerator: 43, denominator: 45 } });
  });

  it("a sentence with one figure is read as before", () => {
    expect(scored("Đúng hạn 98/100 hồ sơ. Tổng số hồ sơ tiếp nhận: 100")).toMatchObject({ item: { numerator: 98, denominator: 100 } });
  });
});
