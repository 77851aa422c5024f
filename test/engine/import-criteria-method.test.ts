import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound } from "../../shared/import-criteria-clauses.ts";
import { readMethod, titleNamesSurvey, type RatioBandReading } from "../../shared/import-criteria-method.ts";
import { foldText } from "../../shared/text.ts";

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
    ["Sở Nội vụ tổ chức điều tra xã hội học", { kind: "survey" }],
    // The % sign written once, after the upper end: the range starts at its lower end.
    ["Từ 90 đến 100%: 2 điểm; Từ 70 đến dưới 90%: 1 điểm; Dưới 70%: 0 điểm", { kind: "ratio", bands: [{ min: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] }],
    ["Trên 80 đến 95%: 1 điểm; Từ 50 - 80%: 0,5 điểm; dưới 50%: 0", { kind: "ratio", bands: [{ above: 80, points: 1 }, { min: 50, points: 0.5 }, { min: 0, points: 0 }] }],
    ["≥ 90%: 1 điểm; từ 50 đến < 90%: 0,5 điểm; < 50%: 0 điểm", { kind: "ratio", bands: [{ min: 90, points: 1 }, { min: 50, points: 0.5 }, { min: 0, points: 0 }] }],
    // "Không có hồ sơ quá hạn" is the better option, not "nothing arose".
    ["Không có hồ sơ quá hạn: 1 điểm; Có hồ sơ quá hạn: 0 điểm", { kind: "choice", options: [1, 0] }],
    ["Không có văn bản bị kiến nghị xử lý: 1 điểm; Có văn bản bị kiến nghị xử lý: 0 điểm", { kind: "choice", options: [1, 0] }],
    // The unit's own survey task is scored by its options.
    ["Tổ chức khảo sát sự hài lòng của người dân theo quy định: 1 điểm; Không tổ chức: 0 điểm", { kind: "choice", options: [1, 0] }],
    ["Phối hợp tổ chức điều tra xã hội học đầy đủ, đúng thời gian: 1 điểm; Không phối hợp: 0 điểm", { kind: "choice", options: [1, 0] }],
    // A line defining the rate ("× 100") is no proportional rule: the bands under it are.
    ["Tỷ lệ % = (Số hồ sơ giải quyết đúng hạn/Tổng số hồ sơ đã giải quyết) x 100\n- Đạt 100%: 2 điểm\n- Từ 90% đến dưới 100%: 1 điểm\n- Dưới 90%: 0 điểm", { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 90, points: 1 }, { min: 0, points: 0 }] }],
    ["Tỷ lệ hồ sơ trực tuyến (số hồ sơ trực tuyến/tổng số hồ sơ x 100%):\n- Từ 50% trở lên: 2 điểm\n- Từ 30% đến dưới 50%: 1 điểm\n- Dưới 30%: 0 điểm", { kind: "ratio", bands: [{ min: 50, points: 2 }, { min: 30, points: 1 }, { min: 0, points: 0 }] }],
    ["Tỷ lệ được tính bằng số hồ sơ trực tuyến chia tổng số hồ sơ tiếp nhận nhân 100\n- Đạt 100%: 2 điểm\n- Dưới 100%: 0 điểm", { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 0, points: 0 }] }],
    // "Mỗi quý" is how often; "cứ 01 …" counts; "căn cứ" does not.
    ["Báo cáo định kỳ mỗi quý đầy đủ, đúng hạn: 1 điểm; Không đầy đủ hoặc chậm: 0,5 điểm; Không báo cáo: 0 điểm", { kind: "choice", options: [1, 0.5, 0] }],
    ["Mỗi kỳ báo cáo chậm trừ 0,25 điểm", { kind: "count", each: -0.25, cap: null }],
    ["Cứ 01 TTHC cắt giảm thời gian giải quyết được 0,25 điểm, tối đa 1 điểm", { kind: "count", each: 0.25, cap: 1 }],
    ["Căn cứ 01 báo cáo của Sở: 1 điểm; không có: 0 điểm", { kind: "choice", options: [1, 0] }],
    ["Kịp thời 1 điểm, chậm 0,5 điểm, không ban hành 0 điểm", { kind: "choice", options: [1, 0.5, 0] }],
    ["- Ban hành kịp thời (1đ)\n- Ban hành chậm (0,5đ)\n- Không ban hành (0đ)", { kind: "choice", options: [1, 0.5, 0] }],
    ["Thực hiện: 1 điểm; Không thực hiện: không chấm điểm", { kind: "choice", options: [1, 0] }],
    ["Đạt 100%: 1 điểm; Dưới 100%: không tính điểm", { kind: "ratio", bands: [{ min: 100, points: 1 }, { min: 0, points: 0 }] }],
    // A range whose unit stands only after its upper end, opening the clause.
    ["100%: 2 điểm; 80 - dưới 100%: 1 điểm; dưới 80%: 0 điểm", { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 80, points: 1 }, { min: 0, points: 0 }] }],
    ["Đạt 100%: 2 điểm; Đạt 70 - dưới 100%: 1 điểm; Dưới 70%: 0 điểm", { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] }],
    // Survey words beside levels with points of their own: the levels score it.
    ["Căn cứ kết quả khảo sát, đánh giá của Sở Thông tin và Truyền thông: Tốt: 2 điểm; Khá: 1 điểm; Trung bình trở xuống: 0 điểm", { kind: "choice", options: [2, 1, 0] }],
    ["Công bố kết quả khảo sát trên Cổng thông tin điện tử: 1 điểm; Không công bố: 0 điểm", { kind: "choice", options: [1, 0] }],
    ["Có kế hoạch khắc phục những hạn chế qua kết quả khảo sát: 1 điểm; Không có: 0 điểm", { kind: "choice", options: [1, 0] }],
    // "/" before the other option is no "per item".
    ["Có: 1 điểm/ Không: 0 điểm", { kind: "choice", options: [1, 0] }],
    // "Cứ 10%" is a step of a rate, never a count.
    ["Cứ 10% hồ sơ giải quyết đúng hạn được 0,2 điểm", { kind: "percentStep", per: 10, each: 0.2 }],
  ])("%j", (text, rule) => {
    const reading = read(text);
    expect(reading.rule).toEqual(rule);
    expect(reading.unreadable).toBe(false);
  });

  it("keeps a case's number before '-' out of a range: 'trường hợp 2 - dưới 70%' is below 70", () => {
    expect(lowerBound(foldText("Trường hợp 2 - dưới 70%"))).toEqual({ bound: "below", value: 70, unit: "%" });
    expect(lowerBound(foldText("Tốt: 80 - dưới 90 điểm"), "%|diem")).toEqual({ bound: "min", value: 80, unit: "diem" });
  });

  it.each([
    ["Ban hành đúng hạn: 2 điểm; Ban hành chậm: bị trừ 50% số điểm; Không ban hành: 0 điểm"],
    ["Ban hành đúng hạn: đạt điểm tối đa; Ban hành chậm: được 50% số điểm; Không ban hành: 0 điểm"],
    ["Đúng hạn: 2 điểm; Chậm: được 50% số điểm tối đa; Không thực hiện: 0 điểm"],
  ])("reads a share of the max as points when the max is known: %j", (text) => {
    expect(readMethod([{ text, cell: "S!D2" }], 2).rule).toEqual({ kind: "choice", options: [2, 1, 0] });
  });

  it("takes only the bracketed 'không phát sinh' as nothing-arose and keeps the clause's 0", () => {
    expect(read("Không đúng quy định hoặc không thực hiện: 0 điểm (trường hợp không phát sinh thì được điểm tối đa)")).toMatchObject({
      notApplicablePoints: "full",
      rule: { kind: "choice", options: [0] },
    });
  });

  it.each([
    ["Ban hành đúng hạn: điểm tối đa; chậm: 0,5 điểm; không ban hành: 0", { kind: "choice", options: [1, 0.5, 0] }],
    ["Đạt 100%: điểm tối đa; từ 80% đến dưới 100%: 50% số điểm; dưới 80%: 0", { kind: "ratio", bands: [{ min: 100, points: 1 }, { min: 80, points: 0.5 }, { min: 0, points: 0 }] }],
    ["Từ 98% trở lên thì được điểm tối đa; dưới 98%: 0 điểm", { kind: "ratio", bands: [{ min: 98, points: 1 }, { min: 0, points: 0 }] }],
    ["Điểm đạt được = (Tỷ lệ thanh toán trực tuyến/45%) × 1", { kind: "proportional", target: 45 }],
    ["Điểm = tỷ lệ % hồ sơ trực tuyến × 1 / 50%", { kind: "proportional", target: 50 }],
    ["Có kiểm tra: 1/2 điểm; không kiểm tra: 0 điểm", { kind: "choice", options: [0.5, 0] }],
    ["Đầy đủ: điểm tối đa; chưa đầy đủ: 1/2 số điểm", { kind: "choice", options: [1, 0.5] }],
  ])("reads the max named as points, and a target after a long rate, with the max known: %j", (text, rule) => {
    expect(readMethod([{ text, cell: "S!D2" }], 1).rule).toEqual(rule);
  });

  it("reads '1/2 điểm' as half a point and '1/2 số điểm' as half the max", () => {
    expect(readMethod([{ text: "Có kiểm tra: 1/2 điểm; không kiểm tra: 0 điểm", cell: "S!D2" }], 0.5).rule).toEqual({ kind: "choice", options: [0.5, 0] });
    expect(readMethod([{ text: "Đầy đủ: 2 điểm; chưa đầy đủ: 1/2 số điểm; không có: 0", cell: "S!D2" }], 2).rule).toEqual({ kind: "choice", options: [2, 1, 0] });
  });

  it.each([
    ["Có thực hiện: 1 điểm; không thực hiện hoặc không phát sinh: 0 điểm", [1, 0], 0],
    ["Có thực hiện: 1 điểm; không phát sinh hoặc không thực hiện: 0 điểm", [1, 0], 0],
    ["Không phát sinh hoặc phát sinh nhưng giải quyết đúng hạn: 1 điểm; giải quyết trễ hạn: 0 điểm", [1, 0], 1],
    ["Có thực hiện: 1 điểm; không thực hiện: 0 điểm; không phát sinh hoặc không có hồ sơ: 0 điểm", [1, 0], 0],
    ["Đầy đủ: 2 điểm; chưa đầy đủ: 1 điểm; không phát sinh hoặc không có nhiệm vụ thì được tính đủ điểm", [2, 1], "full"],
  ])("keeps the case that did arise sharing a clause with 'không phát sinh' as an option: %j", (text, options, nothingArose) => {
    expect(read(text)).toMatchObject({ notApplicablePoints: nothingArose, rule: { kind: "choice", options } });
  });

  it.each([
    ["Chỉ chấm khi tiêu chí 4 đạt điểm tối đa", "4"],
    ["Có 100% phòng, ban tham gia: 2 điểm; dưới 100%: 0 điểm. Trường hợp tiêu chí 1.1 không đạt điểm tối đa thì tiêu chí này không được chấm điểm", "1.1"],
  ])("reads a condition on another criterion in %j, never as an option", (text, code) => {
    const reading = read(text);
    expect(reading.requires?.code).toBe(code);
    expect(reading.unused).toEqual([]);
  });

  it("takes an option row's points from beside its words", () => {
    expect(read("- Ban hành kịp thời", 1).rule).toEqual({ kind: "choice", options: [1] });
  });

  it.each([
    ["Trong năm không phát sinh nhiệm vụ thì được tính đủ điểm", "full"],
    ["Trường hợp không phát sinh hồ sơ: được tính điểm tối đa", "full"],
    ["Trong năm không có nhiệm vụ phải ban hành văn bản được tính 03 điểm", 3],
    ["Không có kiến nghị phải xử lý thì được tính 1,5 điểm", 1.5],
    ["Trường hợp không có hồ sơ phát sinh thì được tính đủ điểm", "full"],
    ["Không có hồ sơ phát sinh: 1 điểm", 1],
  ])("reads 'nothing arose' in %j as %j", (text, points) => {
    expect(read(text).notApplicablePoints).toBe(points);
  });

  it("never reads 'không có kế hoạch: 0' as 'nothing arose'", () => {
    expect(read("Có kế hoạch: 1 điểm; không có kế hoạch: 0 điểm")).toMatchObject({ notApplicablePoints: null, rule: { kind: "choice", options: [1, 0] } });
  });

  it.each([
    "Tỷ lệ hồ sơ trễ hạn từ 5% trở xuống: 2 điểm; trên 5% đến 10%: 1 điểm; trên 10%: 0 điểm",
    "Dưới 5%: 2 điểm; từ 5% đến 10%: 1 điểm; trên 10%: 0 điểm",
  ])("reads a rate where lower is better (%j) as such, never as bands that say the opposite", (text) => {
    expect(read(text)).toMatchObject({ rule: { kind: "lowerIsBetter", top: 2 }, unreadable: false });
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

describe("titleNamesSurvey: a part or item named after the survey", () => {
  it.each([
    ["Mức độ hài lòng (điều tra xã hội học)", true],
    ["Đánh giá của người dân, tổ chức (thông qua ĐTXHH)", true],
    ["ĐIỀU TRA XÃ HỘI HỌC", true],
    ["Điểm điều tra xã hội học", true],
    ["CHỈ SỐ HÀI LÒNG SIPAS", true],
    ["Chỉ số hài lòng (SIPAS)", true],
    ["Mức độ hài lòng của người dân về giải quyết TTHC", true],
    ["Khảo sát sự hài lòng của người dân", true],
    ["Tổ chức khảo sát sự hài lòng của người dân", false],
    ["Phối hợp điều tra xã hội học", false],
    ["Tỷ lệ hài lòng của người dân", false],
    ["Công tác chỉ đạo, điều hành", false],
  ])("%j → %j", (title, named) => {
    expect(titleNamesSurvey(title)).toBe(named);
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
