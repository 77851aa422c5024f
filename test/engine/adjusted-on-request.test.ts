/**
 * WB42-4 (04/12/2026, tenth session): a self-score "điều chỉnh theo yêu cầu của Phòng Nội vụ" — adjusted
 * at someone's request, as "bổ sung theo …" is revised at it — is the unit's own final round. It
 * had been read as the Phòng Nội vụ's figures, the unit's revision set aside for its first round.
 * Who adjusted, where the label names one ("Phòng Nội vụ điều chỉnh …", "…, Phòng Nội vụ chấm
 * lại"), and an adjustment after a body's own document ("điều chỉnh theo Công văn … của UBND
 * huyện", round 40) stay that body's.
 */
import { describe, it } from "vitest";
import type { UnitType } from "../../shared/index.ts";
import { anotherBodys, unitsOwn } from "./self-columns-helpers.ts";

describe("WB42-4: a self-score adjusted at a body's request is the unit's revision", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (điều chỉnh theo yêu cầu của Phòng Nội vụ)"],
    ["district", "Điểm tự đánh giá điều chỉnh theo yêu cầu của Sở Nội vụ"],
    ["commune", "Điểm tự đánh giá (điều chỉnh theo ý kiến của UBND huyện)"],
    ["commune", "Điểm tự đánh giá (điều chỉnh theo đề nghị của Hội đồng thẩm định)"],
    ["district", "Điểm tự đánh giá (chỉnh sửa theo hướng dẫn của Sở Nội vụ)"],
    ["district", "Điểm tự đánh giá (cập nhật theo yêu cầu của Sở Nội vụ)"],
  ] as [UnitType, string][])("%s: %s is the unit's own", (unit, label) => unitsOwn(unit, label));

  it.each([
    ["commune", "Điểm tự đánh giá (điều chỉnh theo yêu cầu của Phòng Nội vụ, Phòng Nội vụ chấm lại)"],
    ["commune", "Điểm tự đánh giá (Phòng Nội vụ điều chỉnh theo yêu cầu của UBND huyện)"],
    ["commune", "Điểm tự đánh giá điều chỉnh theo Công văn số 125/UBND-NV của UBND huyện"],
    ["commune", "Điểm tự đánh giá (điều chỉnh theo kết luận của Đoàn thẩm định)"],
  ] as [UnitType, string][])("%s: %s stays another body's", (unit, label) => anotherBodys(unit, label));
});
