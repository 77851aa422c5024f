import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RankingSchema, type Ranking, type RankingEntry } from "../../shared/index.ts";
import { layoutOwnSheet } from "../src/own-sheet.ts";
import { consolidatedSheet } from "../src/sheet-rows.ts";

/**
 * Pane red team, finding 1, on the "Tổng hợp" sheet: a unit with no data (nothing sent, no
 * survey score; the server gives it rank null) is listed after the ranked units with its rank,
 * index, sub-indices and change left empty and "Chưa nộp" in the band column — never
 * "hạng 1, 0 %, Yếu" — and the chart plots the ranked units only.
 */
const now = new Date(2025, 0, 15, 8, 5);
const base = RankingSchema.parse(JSON.parse(readFileSync("addin/test/fixtures/ranking-demo-2024.json", "utf8")));
const ranked = base.items.filter((e) => e.submitted);
const notSent = (unit: string, unitName: string): RankingEntry => ({ rank: null, unit, unitName, percent: 0, band: null, fields: { "1": null, "2": null, "3": null }, change: null, submitted: false, onTime: false });

describe("consolidated sheet: units without data (pane finding 1)", () => {
  it("lists them after the ranked units, rank and index empty, 'Chưa nộp' as band, not charted", () => {
    // Sent in any order: the ranked units stay first.
    const ranking: Ranking = { ...base, items: [notSent("xa-b", "Xã Bình An"), ...ranked, notSent("xa-a", "Xã An Phú")] };
    const spec = consolidatedSheet(ranking, "vi", now);
    const table = spec.tables[0]!;
    expect(table.rows.map((r) => r[1])).toEqual([...ranked.map((e) => e.unitName), "Xã Bình An", "Xã An Phú"]);
    const [, unitName, percent, band, ...rest] = table.rows.at(-1)!;
    expect([table.rows.at(-1)![0], unitName, percent, band]).toEqual(["", "Xã An Phú", "", "Chưa nộp"]);
    // Sub-indices and change empty; submitted "Không", on time "Không".
    expect(rest).toEqual(["", "", "", "", "Không", "Không"]);
    expect(table.rows[0]!.slice(0, 4)).toEqual([1, ranked[0]!.unitName, ranked[0]!.percent, ranked[0]!.band]);
    expect(table.caption).toBe(`Xếp hạng ${ranked.length} đơn vị; 2 đơn vị chưa nộp, không xếp hạng`);
    expect(spec.charts).toEqual([expect.objectContaining({ maxRows: ranked.length })]);
    const layout = layoutOwnSheet(spec);
    // The chart's source: the header and the ranked rows only.
    const [from, to] = layout.charts[0]!.source.split(":");
    expect(Number(to!.replace(/\D/g, "")) - Number(from!.replace(/\D/g, ""))).toBe(ranked.length);
    expect(layout.tables[0]!.highlight?.values).not.toContain("Chưa nộp");
  });

  it("when no unit has data: every row 'Chưa nộp', no rank, no chart", () => {
    const ranking: Ranking = { ...base, items: ["Xã An Lộc", "Xã An Phú", "Xã Bình Hòa", "Thị trấn An Bình"].map((name, i) => notSent(`u${i}`, name)) };
    const spec = consolidatedSheet(ranking, "vi", now);
    expect(spec.tables[0]!.rows.map((r) => [r[0], r[2], r[3]])).toEqual(Array(4).fill(["", "", "Chưa nộp"]));
    expect(spec.charts).toEqual([]);
    expect(spec.tables[0]!.caption).toBe("Chưa có đơn vị nào để xếp hạng; 4 đơn vị chưa nộp, không xếp hạng");
    expect(consolidatedSheet(ranking, "en", now).tables[0]!.rows[0]![3]).toBe("Not submitted");
  });
});

describe("consolidated sheet: its title", () => {
  it("names the period by its year and level, as the Worker answers them; by its id where a server did not say the level", () => {
    expect(consolidatedSheet({ ...base, unitType: "district" }, "vi", now).title).toBe("TỔNG HỢP CHỈ SỐ CCHC — KỲ ĐÁNH GIÁ NĂM 2024, CẤP HUYỆN");
    expect(consolidatedSheet({ ...base, unitType: "district" }, "en", now).title).toBe("PAR INDEX RANKING — 2024 ASSESSMENT, DISTRICT LEVEL");
    expect(consolidatedSheet(base, "vi", now).title).toBe("TỔNG HỢP CHỈ SỐ CCHC — KỲ demo-district-2024 (NĂM 2024)");
  });
});
