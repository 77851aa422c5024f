import { it } from "vitest";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";
const run = (title: string, rule: any, texts: string[], max = 2) => {
  const set = setOf([{ code: "1.3", title, max, rule }]);
  for (const t of texts) {
    const r = score(set, [row("1.3", { data: t, evidence: EV })]);
    const i = r.items.find((x) => x.code === "1.3") as any;
    console.log("P", JSON.stringify(t), "→", i.score, i.percent ?? i.count, codes(r).join(";"));
  }
};
it("probe", () => {
  run("Số sáng kiến cải cách hành chính được công nhận", { kind: "count", each: 0.5 }, ["Có 03 sáng kiến được công nhận (QĐ số 12/QĐ-UBND)", "03 sáng kiến", "Ba sáng kiến", "Không có sáng kiến", "02 sáng kiến đề xuất, 01 được công nhận", "Đề nghị công nhận 02 sáng kiến", "01", "1 (một)", "Sáng kiến: 02"]);
  run("Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", { kind: "ratio", proportional: true }, ["85/100 TTHC", "Đạt 85%", "85 %", "85,5%", "0.85", "Có 85 TTHC trực tuyến toàn trình trên tổng số 100 TTHC", "Tổng số 100 TTHC, trong đó 85 TTHC toàn trình", "85/100 (85%)", "100% (85/85)", "Đạt 100% kế hoạch", "Năm 2023: 80%; năm 2024: 85%"]);
  run("Tỷ lệ văn bản đi được ký số", { kind: "ratio", proportional: true }, ["Tổng số văn bản đi 1.250, ký số 1.200", "1.200/1.250 văn bản", "Ký số 96%", "96% văn bản đi được ký số"]);
});
