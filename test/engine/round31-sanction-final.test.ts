/**
 * Round 31 (rt-wb31, WB31-1…6; mends round 30's 31a7169, 42da675, 6df7bc5 — the last sentence round). Who imposed a
 * sanction is read three ways: a subject naming an authority, whatever else it holds (its place's proper name, "kiểm
 * tra", "Chánh"), imposes; a stop word in it (advice, intent, a demand, refusal…) imposes nothing; any other subject
 * longer than three words is asked about (DATA_MISSING), never a silent 0 (WB31-1/6). A granting cited by its document,
 * date or manner, an agreement not to sanction and an agreement to the request for exemption are the exemption granted;
 * an agreement to a proposal whose content is not said is asked about (WB31-2/3/4). "về việc:", "về hành vi:", "với nội
 * dung:" introduce the offence as "lý do:" does (WB31-5).
 */
import { describe, expect, it } from "vitest";
import { codes, scores } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";
import { asked, reprimand } from "./sanction-rounds-helpers.ts";


describe("WB31-1/6: an authority named with its place or its own words imposes the sanction", () => {
  it.each<[string, number]>([
    ["Chưa kỷ luật 01 trường hợp nhưng UBND huyện Đại Lộc khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp mà Chủ tịch UBND thành phố Hội An khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng Ban Thường vụ Tỉnh ủy Quảng Nam khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng Giám đốc Sở Nội vụ tỉnh Quảng Nam khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng Ủy ban kiểm tra Huyện ủy khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng Chánh Văn phòng UBND tỉnh khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp, sau đó bị Chủ tịch UBND tỉnh Quảng Nam khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng UBND tỉnh Quảng Nam quyết định khiển trách", -1],
    // A meeting that then reprimands imposes ("họp và khiển trách"); one that only discusses it does not ("họp bàn").
    ["Chưa kỷ luật 01 trường hợp mà Ban Thường vụ Huyện ủy họp và khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp mà Ban Thường vụ Huyện ủy họp bàn khiển trách", 0],
    // Round 30 kept: a stop word in the subject imposes nothing.
    ["Chưa kỷ luật 01 trường hợp nhưng UBND huyện Đại Lộc tham mưu khiển trách", 0],
    ["Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND tỉnh Quảng Nam định khiển trách", 0],
    ["Chưa kỷ luật 01 trường hợp nhưng Ủy ban kiểm tra Huyện ủy đề nghị khiển trách", 0],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<[string, number]>([
    ["Chưa nhắc nhở 01 lần nhưng UBND huyện Đại Lộc nhắc nhở", -0.5],
    ["Chưa nhắc nhở 01 lần mà Chủ tịch UBND xã An Phú nhắc nhở", -0.5],
    ["Chưa nhắc nhở 01 lần, sau đó bị Chủ tịch UBND xã An Phú nhắc nhở", -0.5],
    ["Chưa nhắc nhở 01 lần, sau đó bị Ủy ban kiểm tra Huyện ủy nhắc nhở", -0.5],
    ["Chưa nhắc nhở 01 lần, sau đó bị Chánh Văn phòng UBND huyện nhắc nhở", -0.5],
    ["Chưa nhắc nhở 01 lần, sau đó bị Hiệu trưởng nhắc nhở", -0.5],
  ])("reprimands: %s: %d", (data, points) => {
    const report = reprimand(data);
    expect(scores(report)["8.5"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<string>([
    "Chưa kỷ luật 01 trường hợp nhưng cán sự phụ trách tổ chức của đơn vị khiển trách",
    "Chưa kỷ luật 01 trường hợp, sau đó bị Hội đồng kỷ luật đề nghị khiển trách",
  ])("%s: asked, never a silent 0", (data) => {
    expect(asked(data)).toBe(true);
    expect(scores(adjust("8.4", { data }))["8.4"]).toBe(0);
  });
});

describe("WB31-2/3/4: the exemption granted, however the granting is written", () => {
  it.each<string>([
    "Xin miễn kỷ luật 01 trường hợp và đã được chấp thuận theo Quyết định số 5/QĐ-UBND",
    "Xin miễn kỷ luật 01 trường hợp và đã được UBND tỉnh chấp thuận tại Công văn số 456/UBND-NC",
    "Xin miễn kỷ luật 01 trường hợp, đã được Chủ tịch UBND tỉnh chấp thuận bằng văn bản",
    "Xin miễn kỷ luật 01 trường hợp, được UBND tỉnh đồng ý vào ngày 10/6/2025",
    "Xin miễn kỷ luật 01 trường hợp, đã được UBND tỉnh đồng ý (Công văn số 45/UBND)",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý không xử lý kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, Chủ tịch UBND tỉnh đồng ý không kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý với đề nghị miễn kỷ luật",
    "Xin miễn kỷ luật 01 trường hợp, được Chủ tịch UBND tỉnh chấp thuận miễn kỷ luật",
  ])("%s: 0", (data) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(0);
    expect(codes(report)).toEqual([]);
  });

  it.each<[string, number]>([
    ["Xin miễn nhắc nhở 01 lần và đã được chấp thuận theo Quyết định số 5/QĐ-UBND", 0],
    ["Xin miễn nhắc nhở 01 lần, UBND huyện đồng ý không nhắc nhở", 0],
    ["Xin miễn nhắc nhở 01 lần, UBND huyện đồng ý với đề nghị miễn nhắc nhở", 0],
    // Round 30 kept: something else granted.
    ["Xin miễn nhắc nhở 01 lần, UBND huyện đồng ý cho nghỉ hưu theo Quyết định số 7/QĐ-UBND", -0.5],
  ])("reprimands: %s: %d", (data, points) => {
    const report = reprimand(data);
    expect(scores(report)["8.5"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it("a proposal agreed to, its content not said, is asked about", () => {
    const data = "Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý đề nghị của Sở Nội vụ";
    expect(asked(data)).toBe(true);
    expect(scores(adjust("8.4", { data }))["8.4"]).toBe(0);
  });
});

describe("WB31-5: the offence introduced as decisions introduce it keeps the case", () => {
  it.each<string>([
    "Bị kỷ luật khiển trách về việc: không xử lý kỷ luật 01 trường hợp vi phạm",
    "Bị kỷ luật khiển trách với nội dung: chưa xử lý kỷ luật 01 trường hợp thuộc thẩm quyền",
    "Bị kỷ luật khiển trách về hành vi: chưa xử lý kỷ luật 01 trường hợp thuộc thẩm quyền",
  ])("%s: −1", (data) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(-1);
    expect(codes(report)).toEqual([]);
  });

  it("reprimands: Bị nhắc nhở về hành vi: chưa nhắc nhở 01 lần thuộc thẩm quyền: −0,5", () => {
    expect(scores(reprimand("Bị nhắc nhở về hành vi: chưa nhắc nhở 01 lần thuộc thẩm quyền"))["8.5"]).toBe(-0.5);
  });
});
