/**
 * WB45-1 (04/12/2026, tenth session), narrowly: who asked for a revision ends where "do", "sau đó"
 * or "rồi" brings in a body scoring again — "(bổ sung theo yêu cầu của Phòng Nội vụ, do Đoàn thẩm
 * định chấm lại)" is the appraisers' column. It had been read as the unit's revision, the unit's
 * own first round set aside. Round 45's wider mend (any clause after "do / sau đó / được", a
 * colon) was withdrawn for cutting who asked where it held them (round 46); those labels stay the
 * unit's: a body's name with "đánh giá" ("do Hội đồng đánh giá ban hành"), a request ("do Sở Nội vụ
 * đề nghị chấm lại"), "được … hướng dẫn chấm lại".
 */
import { describe, it } from "vitest";
import type { UnitType } from "../../shared/index.ts";
import { anotherBodys, unitsOwn } from "./self-columns-helpers.ts";

describe("WB45-1: a body scoring again after 'do', 'sau đó' or 'rồi' ends who asked", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ, do Đoàn thẩm định chấm lại)"],
    ["district", "Điểm tự đánh giá (bổ sung theo Công văn của Sở Nội vụ, sau đó Sở Nội vụ chấm lại)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo kết luận, rồi Hội đồng thẩm định điều chỉnh)"],
  ] as [UnitType, string][])("%s: %s is another body's", (unit, label) => anotherBodys(unit, label));

  it.each([
    ["district", "Điểm tự đánh giá (bổ sung theo Quyết định số 10/QĐ-HĐ, do Hội đồng đánh giá ban hành)"],
    ["district", "Điểm tự đánh giá (bổ sung theo ý kiến, do Sở Nội vụ đề nghị chấm lại)"],
    ["district", "Điểm tự đánh giá sau bổ sung theo kết luận, được Phòng Nội vụ hướng dẫn chấm lại"],
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ, do đơn vị chấm lại)"],
  ] as [UnitType, string][])("%s: %s stays the unit's", (unit, label) => unitsOwn(unit, label));
});
