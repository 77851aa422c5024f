import { describe, expect, it } from "vitest";
import { periodHeading, periodTitle } from "../../shared/index.ts";

/**
 * The ranking, the analysis and the trend say their period's level beside its year; the pane's
 * sentences and the sheets' titles name the period by them, as offices do ("năm 2024, cấp xã"),
 * and by its id only when a server did not say the level.
 */
describe("a period named by its year and level", () => {
  it("reads as people say it, in both locales and every level", () => {
    expect(periodHeading({ period: "2024-commune-demo", year: 2024, unitType: "commune" }, "vi")).toBe("kỳ đánh giá năm 2024, cấp xã");
    expect(periodHeading({ period: "2024-commune-demo", year: 2024, unitType: "ward" }, "vi")).toBe("kỳ đánh giá năm 2024, cấp xã");
    expect(periodHeading({ period: "p", year: 2025, unitType: "department" }, "vi")).toBe("kỳ đánh giá năm 2025, cấp sở, ban, ngành");
    expect(periodHeading({ period: "p", year: 2025, unitType: "district" }, "en")).toBe("2025 assessment, district level");
    expect(periodTitle({ period: "2024-commune-demo", year: 2024, unitType: "commune" }, "vi")).toBe("KỲ ĐÁNH GIÁ NĂM 2024, CẤP XÃ");
    expect(periodTitle({ period: "p", year: 2025, unitType: "province" }, "en")).toBe("2025 ASSESSMENT, PROVINCE LEVEL");
  });

  it("falls back to the id, in its own letters, where the level is not said (a server from before)", () => {
    expect(periodHeading({ period: "2024-commune-demo", year: 2024 }, "vi")).toBe("kỳ 2024-commune-demo (năm 2024)");
    expect(periodHeading({ period: "2024-commune-demo" }, "en")).toBe("period 2024-commune-demo");
    expect(periodTitle({ period: "demo-district-2024", year: 2024 }, "vi")).toBe("KỲ demo-district-2024 (NĂM 2024)");
    expect(periodTitle({ period: "demo-district-2024" }, "en")).toBe("PERIOD demo-district-2024");
  });
});
