/**
 * Round 26 (rt-wb26, WB26-1/2; redoes WB25-7 narrowly): a sanction denied or still awaited before
 * the count — "Chưa có / Chưa ban hành / Đang chờ quyết định kỷ luật đối với 01 trường hợp" — makes
 * no case of it, when the negation or pending word governs the sanction itself and no sanction
 * imposed follows it in the clause. A negation of anything else ("không chấp hành kỷ luật", "chưa
 * khắc phục vi phạm") is the offence the case was disciplined for: still a case.
 */
import { describe, expect, it } from "vitest";
import { codes, scores } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

describe("WB25-7 / WB26-1/2: a denial before the count makes no case only when it governs the sanction", () => {
  it.each<[string, number]>([
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp vi phạm", 0],
    ["Chưa ban hành quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Đang chờ quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Chưa có quyết định kỷ luật 01 trường hợp", 0],
    ["Đang xem xét kỷ luật 02 trường hợp", 0],
    ["Chua co quyet dinh ky luat doi voi 01 truong hop", 0],
    ["Chưa bị xử lý kỷ luật 01 trường hợp", 0],
    ["Còn chờ xử lý kỷ luật 01 trường hợp", 0],
    ["Đang đề nghị kỷ luật 01 trường hợp", 0],
    // The negation describes the offence, or a sanction imposed follows the pending words: still cases.
    ["Do không chấp hành kỷ luật lao động 01 trường hợp bị khiển trách", -1],
    ["Cán bộ không chấp hành kỷ luật hành chính 01 trường hợp bị kỷ luật khiển trách", -1],
    ["Không tuân thủ quy định vi phạm kỷ luật 01 trường hợp bị cảnh cáo", -1],
    ["Chưa xử lý xong vi phạm 01 trường hợp đã bị khiển trách", -1],
    ["Trường hợp không chấp hành kỷ luật: 01 bị khiển trách", -1],
    ["Xử lý nghiêm cán bộ không giữ kỷ luật: 01 trường hợp bị cảnh cáo", -1],
    ["Sau khi đang xem xét kỷ luật đã quyết định kỷ luật khiển trách 01 trường hợp", -1],
    ["Do không thực hiện đúng hạn chế độ báo cáo 01 trường hợp bị kỷ luật", -1],
    ["Đã có quyết định kỷ luật đối với 01 trường hợp", -1],
    ["Chưa có quyết định kỷ luật nhưng đã bị khiển trách 01 trường hợp", -1],
    ["Đang xem xét kỷ luật, đã ban hành quyết định kỷ luật 01 trường hợp", -1],
    ["01 trường hợp bị khiển trách; chưa có quyết định kỷ luật đối với 01 trường hợp", -1],
    ["01 trường hợp bị cảnh cáo, không có trường hợp vi phạm khác", -1],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});
