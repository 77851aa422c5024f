/**
 * Round 33 (rt-wb34, WB34-1…5; mends round 32's dd564c1, a97dcae, 73a956e). A place's proper name is written in Title
 * Case or as a short abbreviation, and is never a negation, modal, plan, stop or granting word: "KHÔNG", "CHƯA", "SẼ",
 * "Dự Kiến" after an authority's words keep their meaning, and a text typed in capitals marks no name (WB34-1/2). A
 * granting inside the offence a request names ("về việc điều chỉnh dự toán đã được phê duyệt", "thu phí của đối tượng
 * được miễn") is the offence's word, not the exemption granted (WB34-3). The sanction agreed to is what a proposal, a
 * course or a decision asks for — never a body's or a rule's name ("Hội đồng kỷ luật", "Nghị định … về xử lý kỷ luật")
 * nor a sanction exempted ("không áp dụng hình thức kỷ luật") (WB34-4/5).
 */
import { describe, expect, it } from "vitest";
import { scores } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";
import { asCaseText, markedLexicon } from "../../shared/case-wording.ts";
import { asked, deducts, reprimand, TITLE } from "./sanction-rounds-helpers.ts";


describe("WB34-1: a word in capitals or a stop word after an authority's words is no place's name", () => {
  it.each<string>([
    "Đơn vị KHÔNG kỷ luật 01 trường hợp",
    "Phòng Nội vụ CHƯA xử lý kỷ luật 01 trường hợp",
    "Đã rà soát và KHÔNG xử lý kỷ luật 01 trường hợp",
    "Qua kiểm tra KHÔNG kỷ luật 01 trường hợp",
    "UBND HUYỆN CHƯA KỶ LUẬT 01 TRƯỜNG HỢP",
    "ĐƠN VỊ CHƯA XỬ LÝ KỶ LUẬT 01 TRƯỜNG HỢP",
    "UBND HUYEN CHUA KY LUAT 01 TRUONG HOP",
    "Don vi KHONG ky luat 01 truong hop",
    "Chưa kỷ luật 01 trường hợp nhưng UBND huyện Đại Lộc CHƯA khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng UBND huyện và Sở Nội vụ KHÔNG khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện Sẽ khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng UBND huyện Đại Lộc Dự Kiến khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng UBND Huyện Không Khiển Trách",
    "CHƯA KỶ LUẬT 01 TRƯỜNG HỢP NHƯNG UBND HUYỆN SẼ KHIỂN TRÁCH",
  ])("%s: 0", (data) => deducts(data, 0));

  it("commune: Đơn vị KHÔNG nhắc nhở 01 lần is no reprimand", () => {
    expect(scores(reprimand("Đơn vị KHÔNG nhắc nhở 01 lần"))["8.5"]).toBe(0);
  });

  it("a sentence typed in capitals with another word before the sanction is asked, as in lower case", () => {
    expect(asked("CHƯA KỶ LUẬT 01 TRƯỜNG HỢP NHƯNG CHỦ TỊCH UBND HUYỆN QUÊN KHIỂN TRÁCH")).toBe(true);
  });

  it.each<[string, number]>([
    // Round 32 kept: the place's proper name in Title Case, an abbreviation, or the words that say it imposed.
    ["Chưa kỷ luật 01 trường hợp nhưng UBND huyện Đại Lộc khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng UBND TP khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng UBND huyện Đại Lộc Đã khiển trách", -1],
    ["UBND HUYỆN ĐÃ KỶ LUẬT KHIỂN TRÁCH 01 TRƯỜNG HỢP", -1],
  ])("%s: %d", deducts);
});

describe("WB34-2: a refusal in capitals refuses the exemption", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh KHÔNG đồng ý",
    "Xin miễn kỷ luật 01 trường hợp, Sở Nội vụ KHÔNG chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp nhưng Chủ tịch UBND tỉnh CHƯA đồng ý",
    "XIN MIỄN KỶ LUẬT 01 TRƯỜNG HỢP, UBND TỈNH KHÔNG ĐỒNG Ý",
    "Xin miễn kỷ luật 01 trường hợp, Chủ tịch UBND tỉnh Không chấp thuận",
  ])("%s: −1", (data) => deducts(data, -1));

  it("commune: Xin miễn nhắc nhở 01 lần, UBND tỉnh KHÔNG đồng ý: −0,5", () => {
    expect(scores(reprimand("Xin miễn nhắc nhở 01 lần, UBND tỉnh KHÔNG đồng ý"))["8.5"]).toBe(-0.5);
  });
});

describe("WB34-3: a granting inside the offence the request names is the offence's word", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp về việc tự ý điều chỉnh dự toán đã được phê duyệt",
    "Xin miễn kỷ luật 01 trường hợp về việc tự ý sửa hồ sơ đã được phê duyệt",
    "Xin miễn kỷ luật 01 trường hợp có hành vi sử dụng kinh phí sai mục đích đã được phê duyệt",
    "Xin miễn kỷ luật 01 trường hợp về hành vi thực hiện sai phương án đã được chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp về việc triển khai chậm dự án đã được UBND tỉnh phê duyệt",
    "Xin miễn kỷ luật 01 trường hợp có hành vi thu phí của đối tượng được miễn",
    "Xin mien ky luat 01 truong hop ve viec tu y dieu chinh du toan da duoc phe duyet",
  ])("%s: −1", (data) => deducts(data, -1));

  it("commune: Xin miễn nhắc nhở 01 lần về việc tự ý điều chỉnh dự toán đã được phê duyệt: −0,5", () => {
    expect(scores(reprimand("Xin miễn nhắc nhở 01 lần về việc tự ý điều chỉnh dự toán đã được phê duyệt"))["8.5"]).toBe(-0.5);
  });

  it.each<string>([
    // A granting of its own, naming the exemption, or an authority's answer to the request still grants it.
    "Xin miễn kỷ luật 01 trường hợp về việc chậm triển khai kế hoạch đã được phê duyệt; đã được UBND tỉnh chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp có hành vi chậm trễ đã được UBND tỉnh đồng ý",
  ])("%s: 0", (data) => deducts(data, 0));
});

describe("WB34-4/5: a body's or a rule's name, or a sanction exempted, is no sanction agreed to", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp, đã được chấp thuận theo đề nghị của Hội đồng kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý theo ý kiến của Hội đồng kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý tại Biên bản họp Hội đồng kỷ luật ngày 12/3/2024",
    "Xin miễn kỷ luật 01 trường hợp, đã được chấp thuận qua cuộc họp Hội đồng xét kỷ luật ngày 5/4/2024",
    "Xin miễn kỷ luật 01 trường hợp, đã được chấp thuận theo Nghị định số 112/2020/NĐ-CP về xử lý kỷ luật cán bộ, công chức",
    "Xin miễn kỷ luật 01 trường hợp, đã được chấp thuận theo Quy định của Đảng về thi hành kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, đã được chấp thuận theo Quyết định số 5/QĐ-UBND về việc không áp dụng hình thức kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý theo Quyết định số 5/QĐ-UBND về việc không xem xét xử lý kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý theo Quyết định số 5/QĐ-UBND về việc miễn truy cứu trách nhiệm kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý theo Quyết định số 5/QĐ-UBND về việc miễn kỷ luật đối với công chức bị đề nghị khiển trách",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý tại Công văn số 12/UBND-NC về việc xử lý kỷ luật công chức (miễn kỷ luật)",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý đề nghị của Hội đồng kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý văn bản đề nghị của Hội đồng kỷ luật ngày 5/4/2024",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý với đề nghị của Hội đồng xét kỷ luật về việc miễn kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý với tờ trình của Hội đồng kỷ luật đề nghị miễn kỷ luật",
  ])("%s: no case deducted", (data) => {
    expect(scores(adjust("8.4", { data }))["8.4"]).toBe(0);
  });

  it.each<string>(["Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý đề nghị của Hội đồng kỷ luật", "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý văn bản đề nghị của Hội đồng kỷ luật ngày 5/4/2024"])(
    "%s: the proposal's content unsaid is asked",
    (data) => expect(asCaseText(data, TITLE, markedLexicon())).toContain("kỷ luật (chưa rõ số trường hợp)"),
  );

  it("commune: Xin miễn nhắc nhở 01 lần, đã được chấp thuận theo đề nghị của Hội đồng kỷ luật is no reprimand", () => {
    expect(scores(reprimand("Xin miễn nhắc nhở 01 lần, đã được chấp thuận theo đề nghị của Hội đồng kỷ luật"))["8.5"]).toBe(0);
  });
});

describe("a place's name is read from the few words about it", () => {
  it("a cell of 10 000 capitalised phrases is read in well under the test's time", () => {
    // Before, each word's whole prefix and rest were rejoined and re-read: a minute for this cell (fuzz "huge strings").
    expect(asCaseText("Kế hoạch số 1/KH ".repeat(10_000), TITLE, markedLexicon())).toBeTypeOf("string");
  }, 10_000);
});
