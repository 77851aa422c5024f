/**
 * Round 32 (rt-wb32, WB32-1…4; mends round 31's 2f038f8, cb0ce3b, 4653ed1). The offence named in a request ("về việc
 * chậm báo cáo") is the request's subject, not a reason for its granting (WB32-1). Who imposed a sanction: a subject
 * that starts with an authority's noun and holds only its name (office words, the place's proper name, written
 * capitalised) and the words that it imposed imposes; a stop word imposes nothing; any other word between the
 * authority and the sanction ("quên", "cân nhắc", "hướng dẫn") is asked about, never −1 (WB32-2). A person or body
 * whose phrase only holds a place word ("người dân trong xã", "báo chí của tỉnh") is no authority: asked (WB32-3).
 * An agreement to a proposal whose content is the sanction, or a granting whose manner goes on to the sanction, is
 * the exemption refused: it deducts (WB32-4).
 */
import { describe, expect, it } from "vitest";
import { scores } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";
import { asked, deducts, reprimand } from "./sanction-rounds-helpers.ts";


describe("WB32-1: the offence named in a request is its subject, not a reason for the granting", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp về việc chậm báo cáo và đã được chấp thuận",
    "Xin miễn kỷ luật 01 trường hợp có hành vi chậm trễ đã được UBND tỉnh đồng ý",
    "Xin miễn kỷ luật 01 trường hợp về hành vi chậm trễ và đã được UBND tỉnh đồng ý",
    "Xin miễn kỷ luật 01 trường hợp với nội dung vi phạm nhỏ và đã được miễn",
    "Đề nghị miễn kỷ luật 01 trường hợp về việc chậm trả hồ sơ đã được Chủ tịch UBND tỉnh chấp thuận",
  ])("%s: 0", (data) => deducts(data, 0));

  it("commune: an exemption asked about an offence and granted is no reprimand", () => {
    const report = reprimand("Xin miễn nhắc nhở 01 lần về việc chậm báo cáo và đã được chấp thuận");
    expect(scores(report)["8.5"]).toBe(0);
  });

  it.each<[string, number]>([
    // Round 31 kept: a heading that names the offence keeps the sanction imposed; a reason before a granting cancels it.
    ["Bị kỷ luật khiển trách về việc: không xử lý kỷ luật 01 trường hợp vi phạm", -1],
    ["Bị kỷ luật khiển trách với nội dung: chưa xử lý kỷ luật 01 trường hợp thuộc thẩm quyền", -1],
  ])("%s: %d", deducts);
});

describe("WB32-2: a verb between the authority and the sanction is asked, never read as imposed", () => {
  it.each<string>([
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện quên khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện cân nhắc khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện dọa khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện hứa khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện phản đối việc khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện né tránh khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện ngại khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện gợi ý khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện lưu ý khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Sở Nội vụ hướng dẫn khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Giám đốc quên khiển trách",
  ])("%s: asked", (data) => {
    expect(asked(data)).toBe(true);
    expect(scores(adjust("8.4", { data }))["8.4"]).toBe(0);
  });

  it.each<[string, number]>([
    // The authority with its place's proper name, or the words that say it imposed.
    ["Chưa kỷ luật 01 trường hợp nhưng UBND huyện Đại Lộc khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện ký quyết định khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện ra quyết định khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện ủy quyền Phó Chủ tịch khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp, sau đó bị Đảng ủy Khối các cơ quan tỉnh khiển trách", -1],
    // When it was done says no subject ("sau đó", "cuối cùng"); "đơn vị", "cấp trên" name an authority's own unit.
    ["Chưa kỷ luật 01 trường hợp nhưng sau đó UBND huyện khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp, sau đó bị Thủ trưởng đơn vị khiển trách", -1],
    // A stop word: not imposed.
    ["Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện đang cân nhắc khiển trách", 0],
    ["Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND huyện dự định khiển trách", 0],
  ])("%s: %d", deducts);

  it.each<string>(["Chưa nhắc nhở 01 lần nhưng Chủ tịch UBND huyện quên nhắc nhở", "Chưa nhắc nhở 01 lần nhưng Chủ tịch UBND xã phản đối việc nhắc nhở"])(
    "commune: %s is no reprimand counted",
    (data) => {
      const report = reprimand(data);
      expect(scores(report)["8.5"]).toBe(0);
    },
  );
});

describe("WB32-3: a person whose phrase only holds a place word is no authority: asked", () => {
  it.each<string>([
    "Chưa kỷ luật 01 trường hợp, sau đó bị đồng nghiệp trong phòng khiển trách",
    "Chưa kỷ luật 01 trường hợp, sau đó bị người dân trong xã khiển trách",
    "Chưa kỷ luật 01 trường hợp, sau đó bị cán bộ trong phòng khiển trách",
    "Chưa kỷ luật 01 trường hợp, sau đó bị báo chí của tỉnh khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng người dân trong xã khiển trách",
    "Chưa kỷ luật 01 trường hợp mà phóng viên báo tỉnh khiển trách",
  ])("%s: asked", (data) => {
    expect(asked(data)).toBe(true);
    expect(scores(adjust("8.4", { data }))["8.4"]).toBe(0);
  });
});

describe("WB32-4: the proposal agreed to is the sanction: the exemption refused", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý với đề nghị kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý với đề nghị khiển trách",
    "Xin miễn kỷ luật 01 trường hợp, Chủ tịch UBND tỉnh đồng ý với đề nghị khiển trách của Sở Nội vụ",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý văn bản đề nghị kỷ luật khiển trách",
    "Xin miễn kỷ luật 01 trường hợp nhưng UBND tỉnh đồng ý đề nghị kỷ luật của Sở Nội vụ",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý vào ngày 10/6/2025 với đề nghị kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý theo hướng kỷ luật khiển trách",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý theo Quyết định số 12/QĐ-UBND kỷ luật khiển trách",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý tại Quyết định số 5/QĐ-UBND về việc kỷ luật khiển trách",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý bằng văn bản việc khiển trách",
  ])("%s: −1", (data) => deducts(data, -1));

  it.each<string>([
    "Xin miễn nhắc nhở 01 lần, UBND huyện đồng ý với đề nghị nhắc nhở của Phòng Nội vụ",
    "Xin miễn nhắc nhở 01 lần, UBND huyện đồng ý theo hướng nhắc nhở",
    "Xin miễn nhắc nhở 01 lần, UBND huyện đồng ý tại Quyết định số 5/QĐ-UBND về việc nhắc nhở",
    "Xin miễn nhắc nhở 01 lần, Phòng Nội vụ đồng ý đề nghị nhắc nhở",
  ])("commune: %s: −0,5", (data) => {
    const report = reprimand(data);
    expect(scores(report)["8.5"]).toBe(-0.5);
  });

  it.each<[string, number]>([
    // Round 31 kept: how or when the exemption was granted, or agreeing not to sanction, is the exemption.
    ["Xin miễn kỷ luật 01 trường hợp và đã được chấp thuận theo Quyết định số 5/QĐ-UBND", 0],
    ["Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý ngày 12/3/2024", 0],
    ["Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý không xử lý kỷ luật", 0],
    ["Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý với đề nghị miễn kỷ luật", 0],
    ["Xin miễn kỷ luật 01 trường hợp, đã được chấp thuận theo Quyết định số 5/QĐ-UBND về việc miễn kỷ luật", 0],
  ])("%s: %d", deducts);

  it("a proposal whose content is not said is still asked", () => {
    expect(asked("Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý đề nghị của Sở Nội vụ")).toBe(true);
  });
});
