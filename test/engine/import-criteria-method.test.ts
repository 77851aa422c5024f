import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readMethod, type RatioBandReading } from "../../shared/import-criteria-method.ts";

const read = (text: string, points?: number) => readMethod([{ text, points, cell: "S!D2" }]);

describe("readMethod: the scoring phrases of real decisions", () => {
  it.each([
    ["Ban hành kịp thời: 1; không kịp thời: 0,5; không ban hành: 0", { kind: "choice", options: [1, 0.5, 0] }],
    ["- Ban hành kịp thời: 1 điểm\n- Ban hành không kịp thời: 0,5 điểm\n- Không ban hành: 0 điểm", { kind: "choice", options: [1, 0.5, 0] }],
    ["Ban hành kịp thời: 1 điểm, không kịp thời: 0,5 điểm, không ban hành: 0", { kind: "choice", options: [1, 0.5, 0] }],
    ["Gửi đầy đủ, đúng hạn: 1 điểm - Không đầy đủ: 0 điểm", { kind: "choice", options: [1, 0] }],
    ["Thực hiện đầy đủ mọi nhiệm vụ: 1 điểm; chưa đầy đủ: 0", { kind: "choice", options: [1, 0] }],
    ["Có: 03 điểm; Không: 0 điểm", { kind: "choice", options: [3, 0] }],
    ["Bố trí đủ: 0,5 điểm; không bố trí: 0 điểm và bị trừ 0,25 điểm", { kind: "choice", options: [0.5, -0.25] }],
    ["Thực hiện trên 90% kế hoạch: 2; từ 70% - 90%: 1; dưới 70%: 0", { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] }],
    ["Từ 90% trở lên: 2 điểm. Từ 70% đến dưới 90%: 1 điểm. Dưới 70%: 0 điểm", { kind: "ratio", bands: [{ min: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] }],
    ["Từ 70% đến dưới 80%: 0,5 điểm", { kind: "ratio", bands: [{ min: 70, points: 0.5 }] }],
    ["Đạt 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; không thực hiện: 0", { kind: "ratio", bands: [{ min: 100, points: 1 }, { min: 80, points: 0.5 }, { min: 0, points: 0 }] }],
    ["≥ 95%: 2 điểm; > 80%: 1 điểm; nhỏ hơn 80%: 0 điểm", { kind: "ratio", bands: [{ min: 95, points: 2 }, { above: 80, points: 1 }, { min: 0, points: 0 }] }],
    ["Điểm = Tỷ lệ × điểm tối đa", { kind: "proportional" }],
    ["Điểm đạt được = (tỷ lệ / 80%) × 2", { kind: "proportional", target: 80 }],
    ["Mỗi ứng dụng 1 điểm, tổng không quá 5 điểm", { kind: "count", each: 1, cap: 5 }],
    ["Trừ 0,5 điểm mỗi báo cáo chậm", { kind: "count", each: -0.5, cap: null }],
    ["Văn bản ban hành chậm: trừ 0,25 điểm/văn bản", { kind: "count", each: -0.25, cap: null }],
    ["Đánh giá qua điều tra xã hội học", { kind: "survey" }],
    ["Qua khảo sát ý kiến người dân", { kind: "survey" }],
  ])("%j", (text, rule) => {
    const reading = read(text);
    expect(reading.rule).toEqual(rule);
    expect(reading.unreadable).toBe(false);
  });

  it("takes an option row's points from beside its words", () => {
    expect(read("- Ban hành kịp thời", 1).rule).toEqual({ kind: "choice", options: [1] });
  });

  it.each([
    ["Trong năm không phát sinh nhiệm vụ thì được tính đủ điểm", "full"],
    ["Trường hợp không phát sinh hồ sơ: được tính điểm tối đa", "full"],
    ["Trong năm không có nhiệm vụ phải ban hành văn bản được tính 03 điểm", 3],
    ["Không có kiến nghị phải xử lý thì được tính 1,5 điểm", 1.5],
  ])("reads 'nothing arose' in %j as %j", (text, points) => {
    expect(read(text).notApplicablePoints).toBe(points);
  });

  it("never reads 'không có kế hoạch: 0' as 'nothing arose'", () => {
    expect(read("Có kế hoạch: 1 điểm; không có kế hoạch: 0 điểm")).toMatchObject({ notApplicablePoints: null, rule: { kind: "choice", options: [1, 0] } });
  });

  it("reads 'tính điểm cho trường hợp nào có điểm cao nhất' as best-of", () => {
    expect(read("Tính điểm cho trường hợp nào có điểm cao nhất").best).toBe(true);
  });

  it("says when it cannot read a method, and keeps unusable levels apart", () => {
    expect(read("Căn cứ kết quả kiểm tra của Sở Tư pháp").unreadable).toBe(true);
    const mixed = read("Từ 90% trở lên: 2 điểm; có báo cáo riêng: 1 điểm");
    expect(mixed.rule).toEqual({ kind: "ratio", bands: [{ min: 90, points: 2 }] });
    expect(mixed.unused.map((c) => c.text)).toEqual(["có báo cáo riêng: 1 điểm"]);
  });
});

/** Bands as a decision writes them: "Trên 90%: 2 điểm", "Từ 70% đến dưới 90%: 1 điểm", "Dưới 70%: 0 điểm". */
function writeBands(bands: RatioBandReading[]): string {
  const vi = (n: number) => String(n).replace(".", ",");
  let upper: number | null = null;
  return bands
    .map((band) => {
      const bound = "above" in band ? band.above : band.min;
      const line =
        "above" in band ? `Trên ${vi(bound)}%` : bound === 0 && upper !== null ? `Dưới ${vi(upper)}%` : upper === null ? `Từ ${vi(bound)}% trở lên` : `Từ ${vi(bound)}% đến dưới ${vi(upper)}%`;
      upper = bound;
      return `${line}: ${vi(band.points)} điểm`;
    })
    .join("\n");
}

describe("readMethod: written bands read back as written (property)", () => {
  const band = fc.record({
    bound: fc.integer({ min: 1, max: 1000 }).map((n) => n / 10),
    strict: fc.boolean(),
    points: fc.integer({ min: 0, max: 400 }).map((n) => n / 100),
  });

  it("keeps every threshold, its strictness and its points, greatest first", () => {
    fc.assert(
      fc.property(fc.uniqueArray(band, { minLength: 1, maxLength: 5, selector: (b) => b.bound }), fc.boolean(), (drawn, withFloor) => {
        const bands: RatioBandReading[] = drawn
          .sort((a, b) => b.bound - a.bound)
          .map((b) => (b.strict ? { above: b.bound, points: b.points } : { min: b.bound, points: b.points }));
        if (withFloor) bands.push({ min: 0, points: 0 });
        expect(read(writeBands(bands)).rule).toEqual({ kind: "ratio", bands });
      }),
    );
  });
});
