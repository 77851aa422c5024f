import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * No case of what a rate is taken over, said in words (03/12/2026, seventh session): "Trong năm
 * không phát sinh phản ánh, kiến nghị", "Không có PAKN", "Không tiếp nhận PAKN nào" on "Tỷ lệ phản
 * ánh, kiến nghị được xử lý" (nothing arose: full points) had each said the figure was missing —
 * 0 of 3 points. "Không phát sinh" leading the cell, "Không có … nào" and "0/0" were read before.
 */
const SET = demoSet("no-case", "Bộ thử không phát sinh (minh họa)", { "1.1.2": "Tỷ lệ phản ánh, kiến nghị được xử lý" });
(SET.items[0]!.children![0]!.children![1]! as { notApplicable?: string }).notApplicable = "full";
const scored = (text: string) => {
  const report = scoreWorkbook(columnsTable(["Số liệu"], (_, a) => [a === 20 ? text : ""]), SET);
  return { score: report.items.find((i) => i.code === "1.1.2")?.score, said: report.findings.filter((f) => f.criterion === "1.1.2").map((f) => f.code) };
};

describe("no case said in words", () => {
  it.each(["Trong năm không phát sinh phản ánh, kiến nghị", "Trong năm không tiếp nhận phản ánh, kiến nghị", "Không có PAKN", "0 PAKN", "Không tiếp nhận PAKN nào", "Không phát sinh", "0/0"])("%s: nothing arose, full points", (text) => {
    expect(scored(text)).toEqual({ score: 3, said: [] });
  });

  it("'Không' alone, or words beside a figure, say no such thing", () => {
    expect(scored("Không")).toEqual({ score: 0, said: ["DATA_MISSING"] });
    expect(scored("Không phát sinh phản ánh mới; xử lý 18/20 phản ánh tồn")).toMatchObject({ said: [] });
  });
});
