/**
 * Round 45 (rt-wb45), mending round 44's 88c91a2: who asked for a revision also ends at a colon, a
 * full stop typed without a space, or a clause end and a linking word ("do", "sau đó", "rồi") before
 * the scorer (WB45-1); a scoring verb alone between "bổ sung" and "theo" is the unit re-scoring on
 * request, who asked still read as who asked (WB45-2).
 */
import { describe, expect, it } from "vitest";
import type { UnitType } from "../../shared/index.ts";
import { scoredAt } from "./self-columns-helpers.ts";

/** The unit's revision in the second column: scored on its own figures (6, 8,5). */
const unitsOwn = (unit: UnitType, label: string) => expect(scoredAt(["Điểm tự đánh giá", label], 1, unit)).toMatchObject({ self: 6, total: 8.5 });
/** Another body's figures in the second column: the unit's first column stays (5, 8,5). */
const anotherBodys = (unit: UnitType, label: string) => expect(scoredAt(["Điểm tự đánh giá", label], 0, unit)).toMatchObject({ self: 5, total: 8.5 });

describe("WB45-1: the scorer after who asked, named after a colon, a full stop without a space or a linking word", () => {
  it.each([
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận, do Đoàn thẩm định chấm lại"],
    ["district", "Điểm tự đánh giá bổ sung theo kết luận, do Đoàn thẩm định chấm lại"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận, sau đó Sở Nội vụ chấm lại"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận: Đoàn thẩm định chấm lại"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận.Sở Nội vụ chấm lại"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận, rồi Đoàn thẩm định chấm lại"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận và sau đó Sở Nội vụ chấm lại"],
    ["department", "Điểm tự đánh giá bổ sung theo kết luận, sau đó Hội đồng thẩm định chấm lại"],
  ] as [UnitType, string][])("%s: %s is another body's", anotherBodys);
});

describe("WB45-2: a scoring verb alone between 'bổ sung' and 'theo' keeps who asked", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (bổ sung, chấm lại theo yêu cầu của Đoàn thẩm định)"],
    ["district", "Điểm tự đánh giá (bổ sung, chấm lại theo yêu cầu của Đoàn thẩm định)"],
    ["commune", "Điểm tự đánh giá (bổ sung, đánh giá lại theo yêu cầu của Sở Nội vụ)"],
  ] as [UnitType, string][])("%s: %s is the unit's", unitsOwn);

  it.each([
    ["commune", "Điểm tự đánh giá bổ sung, Sở chấm theo kết luận"],
    ["commune", "Điểm tự đánh giá bổ sung, Đoàn thẩm định chấm lại theo kết luận"],
  ] as [UnitType, string][])("%s: %s stays another body's", anotherBodys);
});

describe("WB45-4: a bare 'phòng' that has scored again ('đã') right after who asked is the unit answering", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ, phòng đã chấm lại)"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ, phòng đã điều chỉnh)"],
  ] as [UnitType, string][])("%s: %s is the unit's", unitsOwn);

  it.each([["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ, Phòng Tư pháp đã chấm lại)"]] as [UnitType, string][])(
    "%s: %s stays another body's",
    anotherBodys,
  );
});

describe("WB45-5: another body's points headed without 'của' after who asked", () => {
  it.each([
    ["commune", "Điểm tự đánh giá bổ sung theo yêu cầu của Phòng Nội vụ - điểm Hội đồng"],
    ["district", "Điểm tự đánh giá bổ sung theo kết luận, điểm Đoàn thẩm định"],
  ] as [UnitType, string][])("%s: %s is another body's", anotherBodys);
});
