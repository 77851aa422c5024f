import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/** Items as the demo sets title them, for the sixteenth round's sentences of declared data (WB16-1, 2, 3, 8, 13). */

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
export const set = setOf([
  { code: "1.1", title: "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", max: 7, rule: bands([100, 7], [98, 5], [95, 3], [0, 0]) },
  { code: "1.2", title: "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến", max: 2, rule: bands([30, 2], [20, 1], [0, 0]) },
  { code: "1.3", title: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", max: 2, rule: bands([50, 2], [30, 1], [0, 0]) },
  { code: "1.4", title: "Tỷ lệ thanh toán trực tuyến trong giải quyết TTHC", max: 4, rule: { kind: "ratio", proportional: true, target: 45 } },
  { code: "1.5", title: "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định", max: 3, rule: bands([100, 3], [90, 2], [80, 1], [0, 0]) },
  { code: "1.6", title: "Tỷ lệ thực hiện dự toán thu ngân sách nhà nước trên địa bàn xã", max: 3, rule: bands([100, 3], [95, 2], [80, 1], [0, 0]) },
  { code: "1.7", title: "Tỷ lệ phản ánh, kiến nghị của người dân, tổ chức được xử lý đúng hạn", max: 3, rule: bands([100, 3], [90, 2], [0, 0]) },
  { code: "1.11", title: "Phần mềm dùng chung được triển khai (mỗi phần mềm 1 điểm, tối đa 4 điểm)", max: 4, rule: { kind: "count", each: 1 } },
  { code: "1.12", title: "Sáng kiến CCHC được công nhận (mỗi sáng kiến cộng 1 điểm, tối đa 2 điểm)", max: 2, rule: { kind: "count", each: 1 } },
  { code: "1.13", title: "Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật", max: 0, min: -3, rule: { kind: "count", each: -1 } },
  { code: "1.14", title: "Báo cáo CCHC định kỳ đúng thời hạn (trừ 0,5 điểm mỗi báo cáo chậm)", max: 2, rule: { kind: "count", each: -0.5 } },
]);

export function itemOf(code: string, data: string) {
  const report = score(set, [row(code, { data, evidence: EV })]);
  const item = report.items.find((i) => i.code === code)!;
  return { percent: item.percent ?? null, count: item.count ?? null, findings: codes(report).filter((c) => c.includes(` ${code} `)) };
}

