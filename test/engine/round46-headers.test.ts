/**
 * Round 46 (rt-wb46): round 45 (acc4642, reverted) ended who asked for a revision at a colon, a full
 * stop without its space, "do", "được" and "điểm <body>" without "của" — and cut who asked where it
 * held them, the unit's revision set aside (78 Khá → 42 Yếu). These labels hold the reading of
 * round 44 that round 45 broke.
 */
import { describe, it } from "vitest";
import type { UnitType } from "../../shared/index.ts";
import { anotherBodys, unitsOwn } from "./self-columns-helpers.ts";


describe("WB46: a place's abbreviation, a document's colon, 'do', 'được' and 'điểm phòng' belong to who asked", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (bổ sung theo Hướng dẫn của UBND H.Phong Thổ về chấm điểm)"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của UBND TT.Phong Điền về đánh giá)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo kết luận, do Hội đồng đánh giá ban hành)"],
    ["department", "Điểm tự đánh giá (bổ sung theo Kết luận số 05/KL-SNV: Sở Nội vụ đề nghị chấm lại)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo Kế hoạch số 5/KH-UBND.Sở Nội vụ hướng dẫn chấm điểm)"],
    ["district", "Điểm tự đánh giá (bổ sung theo kết luận, được Phòng Nội vụ hướng dẫn chấm lại)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ); điểm phòng"],
  ] as [UnitType, string][])("%s: %s is the unit's", unitsOwn);

  it.each([["commune", "Điểm tự đánh giá (bổ sung, chấm lại theo kết luận của Đoàn: Đoàn thẩm định chấm)"]] as [UnitType, string][])(
    "%s: %s stays another body's",
    anotherBodys,
  );
});
