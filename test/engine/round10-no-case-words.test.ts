import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * The tenth red-team round: on "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi (không có hồ sơ trễ hạn
 * được tính đủ điểm)", "Không có hồ sơ trễ hạn" in the data cell was DATA_MISSING and 0, and the
 * message never said that "Không phát sinh" or 0/0 gives the full points.
 */
const item = (notApplicable?: "full") => ({ code: "1.1", title: "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi", max: 3, rule: { kind: "ratio", bands: [{ min: 100, points: 3 }, { min: 0, points: 0 }] }, ...(notApplicable ? { notApplicable } : {}) });
const rows = (data: string) => [row("1", { max: 3 }), row("1.1", { max: 3, data, self: 3, evidence: EV })];

describe("no case of a rate's cases, said in words in the data cell", () => {
  it.each(["Không có hồ sơ trễ hạn", "Trong năm 2024 không có hồ sơ quá hạn", "0 hồ sơ trễ hạn", "Không có phản ánh, kiến nghị"])("%j is nothing arose: full points where the item says so", (data) => {
    const report = score(setOf([item("full")]), rows(data));
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.1"]).toBe(3);
  });

  it.each(["Không có văn bản xin lỗi", "Không có số liệu trễ hạn", "Không có hồ sơ trễ hạn 2/5"])("%j is not", (data) => {
    expect(scores(score(setOf([item("full")]), rows(data)))["1.1"]).toBe(0);
  });

  it("on an item that must have cases it is still no data, as 0/0 is", () => {
    expect(codes(score(setOf([item()]), rows("Không có hồ sơ trễ hạn")))).toEqual(["DATA_MISSING 1.1 Biểu!D3"]);
  });

  it("DATA_MISSING on an item where nothing arising scores full says how to write it", () => {
    const report = score(setOf([item("full")]), rows(""));
    expect(report.findings.find((f) => f.code === "DATA_MISSING")?.message).toContain('ghi "Không phát sinh" hoặc 0/0 để được tính đủ điểm');
    expect(score(setOf([item()]), rows("")).findings.find((f) => f.code === "DATA_MISSING")?.message).not.toContain("Không phát sinh");
  });
});
