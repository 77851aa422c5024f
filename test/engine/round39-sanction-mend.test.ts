/**
 * Round 39 (rt-wb39, mends round 37's three sentence rules). A cell's score is a function of that cell: no pattern
 * keeps a search position from the cell, the workbook scored before it (WB39-1). A negation of something else — the
 * offence's own missing permission, a reason the official was not given — refuses no granting in a clause of its own
 * after it ("… và đã được UBND tỉnh chấp thuận", "… nên Chủ tịch UBND tỉnh đồng ý", WB39-2). An office's name ending in
 * a plan's noun ("Ban Quản lý dự án", "Viện Quy hoạch") is no plan the offence acts on (WB39-3). The investment policy
 * the offence changed ("tự ý điều chỉnh chủ trương đầu tư") is approved like a plan, whoever approved it (WB39-4).
 */
import { describe, expect, it } from "vitest";
import { scores } from "./v2-helpers.ts";
import { deducts, reprimand } from "./sanction-rounds-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";
import { sentenceFigures } from "../../shared/sentence-figures.ts";

const pad = (n: number) => " trong việc chậm báo cáo định kỳ".repeat(n);

describe("WB39-1: a cell's score never depends on the cell scored before it", () => {
  // B: the condition is closed by ";" right after its outcome; the sanction a thousand characters later is imposed.
  const imposedLater = "Chưa kỷ luật 01 trường hợp nếu tái phạm thì sẽ xử lý nghiêm; qua kiểm tra" + pad(35) + " nên UBND huyện đã khiển trách";
  // A: a sanction a long condition governs (asked), leaving a search position behind it if one is kept.
  const farCondition = "Chưa kỷ luật 01 trường hợp nếu tái phạm" + pad(35) + " thì bị khiển trách nhưng đã khắc phục";

  it("B, then A, then B again: B deducts −1 each time", () => {
    deducts(imposedLater, -1);
    scores(adjust("8.4", { data: farCondition }));
    deducts(imposedLater, -1);
  });

  it("commune 7.2 twin: the same cell after another gives the same −0,5", () => {
    const b = imposedLater.replace("Chưa kỷ luật 01 trường hợp", "Chưa nhắc nhở 01 lần").replace("đã khiển trách", "đã nhắc nhở");
    const first = scores(reprimand(b))["8.5"];
    scores(reprimand(farCondition.replace("Chưa kỷ luật 01 trường hợp", "Chưa nhắc nhở 01 lần").replace("bị khiển trách", "bị nhắc nhở")));
    expect(first).toBe(-0.5);
    expect(scores(reprimand(b))["8.5"]).toBe(first);
  });

  it.each<string>([
    // A condition's end (";", "nhưng") after a sanction it governs: the sanction after it is imposed, in one cell.
    "Chưa kỷ luật 01 trường hợp nếu tái phạm" + pad(35) + " thì bị khiển trách; sau đó UBND huyện đã khiển trách",
    "Chưa kỷ luật 01 trường hợp nếu tái phạm" + pad(35) + " thì bị khiển trách nhưng sau đó đã bị khiển trách",
  ])("%s: −1", (data) => deducts(data, -1));
});


describe("WB39-1: no figure's reading depends on the sentence read before it", () => {
  it("'Tỷ lệ 90%' is a rate, also right after a longer label that named a rate", () => {
    const alone = sentenceFigures("Tỷ lệ 90%").map((f) => f.rate);
    sentenceFigures("Số hồ sơ tiếp nhận trong năm của đơn vị có tỷ lệ 95%");
    expect(sentenceFigures("Tỷ lệ 90%").map((f) => f.rate)).toEqual(alone);
    expect(alone).toEqual([true]);
  });
});

describe("WB39-2: a negation of something else refuses no granting in a clause of its own after it", () => {
  const R = "Xin miễn kỷ luật 01 trường hợp ";
  it.each<string>([
    // The offence's own missing permission, then the request granted after "và (đã) được".
    R + "về việc tổ chức hội nghị khi chưa được cấp có thẩm quyền cho phép và đã được UBND tỉnh chấp thuận",
    R + "về việc cho thi công khi chưa được cấp có thẩm quyền cho phép nhưng đã khắc phục hậu quả và đã được Chủ tịch UBND tỉnh đồng ý",
    R + "về việc vi phạm quy định công chức không được tự ý ký văn bản cho phép doanh nghiệp khai thác và đã được Sở Nội vụ chấp thuận",
    R + "về việc đi nước ngoài không được Thủ trưởng cơ quan quản lý trực tiếp cho phép và được Chủ tịch UBND tỉnh chấp thuận",
    R + "về việc tự ý nghỉ việc không được Thủ trưởng cơ quan cho phép và đã được UBND tỉnh chấp thuận",
    // A reason the official was not given, then "nên <authority> đồng ý / chấp thuận".
    R + "về việc chậm báo cáo; công chức mới tuyển dụng chưa được tập huấn nên Chủ tịch UBND tỉnh đồng ý miễn kỷ luật",
    R + "về việc chậm báo cáo; do chưa được hướng dẫn đầy đủ nên Hội đồng kỷ luật thống nhất và Giám đốc Sở đồng ý miễn kỷ luật",
    R + "về việc chậm báo cáo; cá nhân không được phân công theo dõi lĩnh vực này nên Chủ tịch UBND tỉnh chấp thuận",
    R.trim() + "; cá nhân chưa được bố trí đủ thời gian nên Giám đốc Sở chấp thuận",
    R.trim() + "; lý do chưa được cấp kinh phí nên Chủ tịch UBND tỉnh đồng ý",
    "Xin mien ky luat 01 truong hop ve viec tu y nghi viec khong duoc Thu truong co quan cho phep va da duoc UBND tinh chap thuan",
  ])("%s: 0", (data) => deducts(data, 0));

  it("commune: Xin miễn nhắc nhở 01 lần …; … chưa được tập huấn nên Chủ tịch UBND tỉnh đồng ý miễn nhắc nhở: 0", () => {
    const data = "Xin miễn nhắc nhở 01 lần về việc chậm báo cáo; công chức mới tuyển dụng chưa được tập huấn nên Chủ tịch UBND tỉnh đồng ý";
    expect(scores(reprimand(data))["8.5"]).toBe(0);
  });

  it.each<string>([
    // The granting negated in its own clause: refused.
    R + "về việc chậm báo cáo; cá nhân không được phân công theo dõi lĩnh vực này nên Chủ tịch UBND tỉnh không chấp thuận",
    R + "về việc chậm báo cáo; hồ sơ không được gửi kèm nên UBND tỉnh chưa chấp thuận",
    R + "về việc sửa chữa trụ sở khi chưa được cấp có thẩm quyền cho phép nhưng đã khắc phục",
    R + "về việc chậm báo cáo không được Chủ tịch Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu và Hội đồng kỷ luật chấp thuận",
  ])("%s: −1", (data) => deducts(data, -1));
});

describe("WB39-3: an office's name ending in a plan's noun is no plan the offence acts on", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp về việc chậm nộp hồ sơ cho Ban Quản lý dự án đã được Giám đốc Sở chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo với Ban Quản lý dự án được Chủ tịch UBND tỉnh đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm gửi báo cáo cho Viện Quy hoạch đã được UBND tỉnh chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm gửi văn bản cho Sở Kế hoạch đã được UBND tỉnh chấp thuận",
    "Xin mien ky luat 01 truong hop ve viec cham nop ho so cho Ban Quan ly du an da duoc Giam doc So chap thuan",
  ])("%s: 0", (data) => deducts(data, 0));

  it("commune: Xin miễn nhắc nhở 01 lần về việc chậm nộp hồ sơ cho Ban Quản lý dự án đã được Giám đốc Sở chấp thuận: 0", () => {
    expect(scores(reprimand("Xin miễn nhắc nhở 01 lần về việc chậm nộp hồ sơ cho Ban Quản lý dự án đã được Giám đốc Sở chấp thuận"))["8.5"]).toBe(0);
  });

  it.each<string>([
    // The plan the offence acts on, as WB37-3 read it.
    "Xin miễn kỷ luật 01 trường hợp về việc chậm quyết toán dự án đã được Giám đốc Sở chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc tự ý điều chỉnh quy hoạch đã được UBND tỉnh chấp thuận",
  ])("%s: −1", (data) => deducts(data, -1));
});

describe("WB39-4: the investment policy or list the offence changed is approved like a plan, whoever approved it", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp về việc tự ý điều chỉnh chủ trương đầu tư đã được Thường trực Hội đồng nhân dân tỉnh Bà Rịa - Vũng Tàu chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc tự ý điều chỉnh chủ trương đầu tư đã được UBND tỉnh chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc tự ý thay đổi danh mục mua sắm đã được Chủ tịch Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu đồng ý",
    "Xin mien ky luat 01 truong hop ve viec tu y dieu chinh chu truong dau tu da duoc Thuong truc Hoi dong nhan dan tinh Ba Ria - Vung Tau chap thuan",
  ])("%s: −1", (data) => deducts(data, -1));

  it("commune twin: −0,5", () => {
    const data = "Xin miễn nhắc nhở 01 lần về việc tự ý điều chỉnh chủ trương đầu tư đã được Thường trực Hội đồng nhân dân tỉnh Bà Rịa - Vũng Tàu chấp thuận";
    expect(scores(reprimand(data))["8.5"]).toBe(-0.5);
  });

  it("the request answered in a clause of its own after the policy: 0", () => {
    deducts("Xin miễn kỷ luật 01 trường hợp về việc chậm trình chủ trương đầu tư và đã được UBND tỉnh chấp thuận", 0);
  });
});

describe("WB39-5/6: 'khi đó' is no condition; past the look-back a closed or timed clause is no open condition", () => {
  it.each<[string, string]>([
    ["khi đó (at that time), short", "Chưa kỷ luật 01 trường hợp vì khi đó chưa có kết luận thanh tra. Tháng 10/2024 có kết luận thì Chủ tịch UBND huyện đã khiển trách"],
    ["khi đó, 600 characters", "Chưa kỷ luật 01 trường hợp vì khi đó chưa có kết luận thanh tra" + pad(15) + ". Tháng 10/2024 có kết luận thì Chủ tịch UBND huyện đã khiển trách"],
    ["khi đó, 1 200 characters", "Chưa kỷ luật 01 trường hợp vì khi đó chưa có kết luận thanh tra" + pad(35) + ". Tháng 10/2024 Chủ tịch UBND huyện đã khiển trách"],
    ["cho đến khi, 1 200 characters", "Chưa kỷ luật 01 trường hợp cho đến khi có kết luận thanh tra" + pad(35) + " và đến tháng 10/2024 đã bị khiển trách"],
    ["a far 'khi' closed by a full stop", "Chưa kỷ luật 01 trường hợp khi kiểm tra phát hiện vi phạm" + pad(35) + ". Sau đó UBND huyện đã khiển trách"],
    ["a far 'khi' with no 'thì' (when the offence happened)", "Chưa kỷ luật 01 trường hợp vi phạm khi thi hành công vụ" + pad(35) + " và sau đó đã bị khiển trách"],
    ["a far 'trong trường hợp' ended by 'đã'", "Chưa kỷ luật 01 trường hợp trong trường hợp ông Nguyễn Văn A" + pad(35) + " đã bị khiển trách"],
  ])("%s: −1", (_, data) => deducts(data, -1));

  it("commune twin of 'khi đó', 600 characters: −0,5", () => {
    const data = "Chưa nhắc nhở 01 lần vì khi đó chưa có kết luận thanh tra" + pad(15) + ". Tháng 10/2024 có kết luận thì Chủ tịch UBND huyện đã nhắc nhở";
    expect(scores(reprimand(data))["8.5"]).toBe(-0.5);
  });

  it("a far 'khi … thì' still governs its sanction: nothing deducted", () => {
    expect(scores(adjust("8.4", { data: "Chưa kỷ luật 01 trường hợp, khi có kết luận" + pad(35) + " thì bị khiển trách" }))["8.4"]).toBe(0);
  });
});
