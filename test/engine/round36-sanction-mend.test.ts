/**
 * Round 36 (rt-wb36, WB36 timing and WB36-1; the last mend of case-wording this session). A request cell ending in its
 * granting ("Xin miễn kỷ luật 01 trường hợp … đã được chấp thuận") read each sanction's condition back to the cell's
 * start and each "bị" to its end: 1 000 words took 11 s, 2 000 words 40 s. Now each reading is bounded and the work
 * grows with the words. A granting said of any subject after the offence ("đã được cấp có thẩm quyền chấp thuận",
 * "… đã được UBND TP.HCM đồng ý") answers the request with the request's own verb (chấp thuận, đồng ý, chấp nhận, cho
 * phép), whoever it names — as dd564c1 read it; the offence's own approvals keep 8af4b5e's reading (WB34-3).
 */
import { describe, expect, it } from "vitest";
import { scores } from "./v2-helpers.ts";
import { asCaseText, markedLexicon, unmarkedLexicon } from "../../shared/case-wording.ts";
import { deducts, reprimand, TITLE } from "./sanction-rounds-helpers.ts";


/** The shapes of a long cell: the fuzz's and the hostile bench's "Kế hoạch số 1/KH", and the request ending in its granting. */
const P = "Xin miễn kỷ luật 01 trường hợp ";
const SHAPES: Record<string, (words: number) => string> = {
  "plain plans": (n) => "Kế hoạch số 1/KH ".repeat(n / 4),
  "request, plans": (n) => P + "Kế hoạch số 1/KH ".repeat(n / 4),
  "request, plans, granted": (n) => P + "Kế hoạch số 1/KH ".repeat(n / 4) + "đã được chấp thuận",
  "request, authorities, granted": (n) => P + "UBND huyện Đại Lộc ".repeat(n / 4) + "đã được chấp thuận",
  "request, offences, granted by an authority": (n) => P + "về việc chậm báo cáo ".repeat(n / 5) + "đã được cấp có thẩm quyền chấp thuận",
  "denied, then conditions": (n) => "Chưa kỷ luật 01 trường hợp khi " + "thì bị khiển trách ".repeat(n / 4),
  "denied, then a condition's authorities": (n) => "Chưa kỷ luật 01 trường hợp khi " + "thì UBND huyện khiển trách ".repeat(n / 5),
  "denied, then passives": (n) => "Chưa kỷ luật 01 trường hợp " + "bị x ".repeat(n / 2),
  "denied, then passive authorities": (n) => "Chưa kỷ luật 01 trường hợp " + "bị UBND ".repeat(n / 2),
  "denied under an if": (n) => "Chưa kỷ luật 01 trường hợp nếu " + "bị khiển trách ".repeat(n / 3),
};
/**
 * No stopwatch here (speed is the bench's, as ratios measured in one run): each shape of 10 000
 * words is read, marked and unmarked, inside the test's time limit. Before the bound, 1 000 words
 * took 11 s and 10 000 many minutes; now ~0,1 s — a limit 100 times the work, which only a scan
 * back to the cell's start for each word can reach.
 */
describe("WB36 timing: a long cell is read in work that grows with its words", () => {
  it.each(Object.keys(SHAPES))("%s: 10 000 words are read, marked and unmarked", { timeout: 10_000 }, (shape) => {
    const large = SHAPES[shape]!(10_000);
    const unmarked = large.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
    expect(typeof asCaseText(large, TITLE, markedLexicon())).toBe("string");
    expect(typeof asCaseText(unmarked, TITLE, unmarkedLexicon())).toBe("string");
  });

  it("the request ending in its granting still reads as the exemption granted: 0", () => {
    expect(asCaseText(SHAPES["request, plans, granted"]!(10_000), TITLE, markedLexicon())).toBe("0");
  });
});

describe("WB36-1: a granting said of any subject after the offence answers the request", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được cấp có thẩm quyền chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp có hành vi chậm trễ đã được cấp có thẩm quyền chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được người có thẩm quyền chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được Hội đồng kỷ luật đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được Hội đồng xét kỷ luật chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được lãnh đạo UBND tỉnh đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được ông Chủ tịch UBND tỉnh đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được đồng chí Chủ tịch đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được UBND TP.HCM đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được UBND tỉnh BR-VT đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được UBND tỉnh Bà Rịa - Vũng Tàu đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được UBND quận 1 đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được UBND tỉnh Quảng Nam (cơ quan quản lý) chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được UBND H. Đại Lộc chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được UBND Q.1 đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được UBND TP. Đà Nẵng đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được cấp trên cho phép",
    "Xin mien ky luat 01 truong hop ve viec cham bao cao da duoc cap co tham quyen chap thuan",
  ])("%s: 0", (data) => deducts(data, 0));

  it("commune: Xin miễn nhắc nhở 01 lần về việc chậm báo cáo đã được cấp có thẩm quyền chấp thuận: 0", () => {
    expect(scores(reprimand("Xin miễn nhắc nhở 01 lần về việc chậm báo cáo đã được cấp có thẩm quyền chấp thuận"))["8.5"]).toBe(0);
  });

  it.each<string>([
    // The offence's own approvals stay the offence's (WB34-3): no subject, or a plan's "phê duyệt", or an exemption of a tax.
    "Xin miễn kỷ luật 01 trường hợp về việc tự ý điều chỉnh dự toán đã được phê duyệt",
    "Xin miễn kỷ luật 01 trường hợp về hành vi thực hiện sai phương án đã được chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc triển khai chậm dự án đã được UBND tỉnh phê duyệt",
    "Xin miễn kỷ luật 01 trường hợp có hành vi thu phí của đối tượng được miễn",
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo đã được cấp có thẩm quyền phê duyệt",
  ])("%s: −1", (data) => deducts(data, -1));
});
