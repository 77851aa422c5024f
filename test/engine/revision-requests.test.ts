/**
 * Header items WB45-2, -4, -5, -7 (04/12/2026, tenth session): who asked for a revision, and who
 * made it, in a self-score label.
 * - WB45-2: "(bổ sung, chấm lại theo yêu cầu của Đoàn thẩm định)" — scored again at a request,
 *   opening its clause — is the unit's revision, as "bổ sung theo …" is; "Đoàn thẩm định chấm lại
 *   theo yêu cầu của Sở Nội vụ" stays the team's.
 * - WB45-4: "…, phòng đã chấm lại" after who asked is the office answering, the unit, as "…, phòng
 *   chấm lại" was.
 * - WB45-5: " - điểm Hội đồng", " - điểm Đoàn thẩm định" after who asked are that body's points.
 * - WB45-7: "…, Phòng Nội vụ đề nghị điều chỉnh" after who asked is another request, not a scorer.
 * - WB45-3: "… của Sở Nội vụ và Hội đồng đánh giá" names two who asked; the council's name is no
 *   verb of scoring ("Hội đồng đánh giá lại", "… chấm lại" are).
 * Each had been read the other way: the unit's revision set aside, or another body's figures
 * taken for it.
 */
import { describe, it } from "vitest";
import type { UnitType } from "../../shared/index.ts";
import { anotherBodys, unitsOwn } from "./self-columns-helpers.ts";

describe("who asked for a revision, and who made it", () => {
  it.each([
    ["district", "Điểm tự đánh giá (bổ sung, chấm lại theo yêu cầu của Đoàn thẩm định)"],
    ["district", "Điểm tự đánh giá (chấm lại theo yêu cầu của Đoàn thẩm định)"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ, phòng đã chấm lại)"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ, Phòng Nội vụ đề nghị điều chỉnh)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo ý kiến của UBND huyện; Phòng Nội vụ yêu cầu chấm lại)"],
    // WB45-3: "Hội đồng đánh giá" in a list of who asked is a body's name.
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ và Hội đồng đánh giá)"],
  ] as [UnitType, string][])("%s: %s is the unit's own", (unit, label) => unitsOwn(unit, label));

  it.each([
    ["district", "Điểm tự đánh giá (Đoàn thẩm định chấm lại theo yêu cầu của Sở Nội vụ)"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ) - điểm Hội đồng"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ) - điểm Đoàn thẩm định"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ, Sở Nội vụ chấm lại)"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ, Phòng Nội vụ đã chấm lại)"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ, Hội đồng đánh giá chấm lại)"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ, Hội đồng đánh giá lại)"],
    // Round 45's partial withdrawal had made this one the unit's.
    ["district", "Điểm tự đánh giá (bổ sung, chấm lại theo kết luận của Đoàn: Đoàn thẩm định chấm)"],
  ] as [UnitType, string][])("%s: %s is another body's", (unit, label) => anotherBodys(unit, label));
});
