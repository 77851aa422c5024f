/**
 * Round 37 (rt-wb37, mends round 36's WB36-1 and timing). A granting negated ("chưa / không được <whoever> chấp
 * thuận") is a refusal or no answer, whatever the length of its subject: the case stands (WB37-1), also when the
 * negated permission is the offence's own ("cho thi công khi chưa được cấp có thẩm quyền cho phép", WB37-2). A
 * subject written out in full ("Chủ tịch Ủy ban nhân dân thành phố Hồ Chí Minh") still names who granted (WB37-4).
 * A condition longer than a few lines is still a condition: its sanction is not imposed (WB37-5). A granting right
 * after a plan the offence names ("thay đổi phương án đã được cấp có thẩm quyền chấp thuận") is the plan's (WB37-3).
 */
import { describe, expect, it } from "vitest";
import { scores } from "./v2-helpers.ts";
import { asCaseText, markedLexicon, unmarkedLexicon } from "../../shared/case-wording.ts";
import { deducts, reprimand, TITLE } from "./sanction-rounds-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

const R = "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo ";

describe("WB37-1: a granting negated, whoever its subject, refuses the request: the case stands", () => {
  it.each<string>([
    R + "chưa được cấp có thẩm quyền chấp thuận",
    R + "không được cấp có thẩm quyền chấp thuận",
    R + "chưa được Hội đồng kỷ luật tỉnh đồng ý",
    R + "không được UBND tỉnh Bà Rịa - Vũng Tàu chấp thuận",
    R + "chưa được người có thẩm quyền đồng ý",
    R + "đến nay vẫn chưa được cấp có thẩm quyền chấp thuận",
    R + "chưa được lãnh đạo UBND tỉnh Quảng Nam chấp thuận",
    R + "không được Hội đồng xét kỷ luật chấp thuận",
    R + "chưa được đồng chí Chủ tịch đồng ý",
    R + "không được UBND TP.HCM đồng ý",
    R + "chưa được UBND Q.1 chấp thuận",
    R + "chưa được cấp có thẩm quyền xem xét chấp thuận",
    R + "không được cấp có thẩm quyền đồng ý miễn",
    R + "hiện chưa được cấp có thẩm quyền chấp thuận",
    R + "không được Chủ tịch UBND tỉnh chấp thuận",
    "Xin mien ky luat 01 truong hop ve viec cham bao cao chua duoc cap co tham quyen chap thuan",
  ])("%s: −1", (data) => deducts(data, -1));

  it("commune: Xin miễn nhắc nhở 01 lần về việc chậm báo cáo chưa được cấp có thẩm quyền chấp thuận: −0,5", () => {
    expect(scores(reprimand("Xin miễn nhắc nhở 01 lần về việc chậm báo cáo chưa được cấp có thẩm quyền chấp thuận"))["8.5"]).toBe(-0.5);
  });

  it.each<string>([
    // A negation of the offence, the granting after it of its own: still granted (WB36-1).
    R.replace("chậm báo cáo", "không nộp báo cáo") + "đã được cấp có thẩm quyền chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc chưa nộp báo cáo đúng hạn đã được UBND tỉnh đồng ý",
  ])("%s: 0", (data) => deducts(data, 0));
});

describe("WB37-2: a permission the offence lacked is no answer to the request", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp về việc điều chỉnh dự toán khi chưa được cấp có thẩm quyền chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc cho thi công khi chưa được cấp có thẩm quyền cho phép",
    "Xin miễn kỷ luật 01 trường hợp về việc tổ chức hội nghị vượt định mức chi chưa được Giám đốc Kho bạc Nhà nước tỉnh chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc nghỉ việc không được cấp có thẩm quyền cho phép",
  ])("%s: −1", (data) => deducts(data, -1));

  it("Đề nghị miễn … đi nước ngoài khi chưa được cấp có thẩm quyền cho phép: never 0 silently", () => {
    const read = asCaseText("Đề nghị miễn kỷ luật 01 trường hợp với nội dung đi nước ngoài khi chưa được cấp có thẩm quyền cho phép", TITLE, markedLexicon());
    expect(read).not.toBe("0");
  });
});

describe("WB37-4: a subject written out in full still names who granted", () => {
  it.each<string>([
    R + "đã được Chủ tịch Ủy ban nhân dân thành phố Hồ Chí Minh chấp thuận",
    R + "đã được Chủ tịch Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu chấp thuận",
    R + "đã được đồng chí Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh đồng ý",
    R + "đã được Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu đồng ý",
  ])("%s: 0", (data) => deducts(data, 0));
});

describe("WB37-5: a condition of any length governs its sanction", () => {
  const long =
    "Chưa kỷ luật 01 trường hợp, khi Đoàn kiểm tra công vụ của tỉnh có kết luận chính thức về trách nhiệm của cá nhân trong việc để hồ sơ của tổ chức và công dân trễ hạn tại Bộ phận Một cửa cũng như trong việc chậm trả lời văn bản xin ý kiến của các sở ngành và trong việc chưa thực hiện chế độ báo cáo định kỳ về cải cách hành chính thì bị khiển trách";
  const unmarked = (x: string) => x.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  const padded = (n: number) => "Chưa kỷ luật 01 trường hợp, nếu tái phạm" + " trong việc chậm báo cáo định kỳ".repeat(n) + " thì bị khiển trách";

  it.each<[string, string]>([
    ["a condition of 300 characters", long],
    ["a condition of ~450 characters", padded(14)],
    ["a condition of ~1 000 characters", padded(31)],
    ["a condition of ~3 000 characters", padded(95)],
    ["a condition of ~3 000 characters, unmarked", unmarked(padded(95))],
  ])("%s: no sanction imposed — nothing counted, nothing deducted", (_, data) => {
    const title = /ư/.test(data) ? TITLE : unmarkedLexicon().words(unmarked("Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật"));
    expect(asCaseText(data, title, /ư/.test(data) ? markedLexicon() : unmarkedLexicon())).not.toMatch(/\d/);
    expect(scores(adjust("8.4", { data }))["8.4"]).toBe(0);
  });

  it("a sanction after the condition's end (\"nhưng\") is imposed: −1", () => {
    deducts(padded(95) + ", nhưng sau đó đã bị khiển trách", -1);
  });

  it("commune: Chưa nhắc nhở 01 lần, khi … (300 characters) thì bị nhắc nhở: nothing deducted", () => {
    const data = long.replace("Chưa kỷ luật 01 trường hợp", "Chưa nhắc nhở 01 lần").replace("bị khiển trách", "bị nhắc nhở");
    expect(scores(reprimand(data))["8.5"]).toBe(0);
  });
});

describe("WB37-3: a granting right after a plan the offence names is the plan's approval, not the request's answer", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp về việc tự ý thay đổi phương án đã được cấp có thẩm quyền chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc tự ý sửa đổi hồ sơ thiết kế đã được chủ đầu tư chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về hành vi không chấp hành phương án đã được UBND tỉnh Bà Rịa - Vũng Tàu chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc thực hiện sai quy hoạch đã được UBND tỉnh chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc triển khai chậm kế hoạch được Chủ tịch UBND tỉnh đồng ý",
  ])("%s: −1", (data) => deducts(data, -1));

  it.each<string>([
    // The request answered: the offence's last word is no plan (WB36-1).
    "Đề nghị miễn kỷ luật 01 trường hợp về việc chậm trả hồ sơ đã được Chủ tịch UBND tỉnh chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm triển khai kế hoạch năm 2024 và đã được UBND tỉnh chấp thuận",
  ])("%s: 0", (data) => deducts(data, 0));
});
