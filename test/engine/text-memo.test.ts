import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { forgetTextMemos, scoreWorkbook } from "../../shared/index.ts";
import { textMemo } from "../../shared/text-memo.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { loadFixtureSet } from "../../fixtures/load-fixture.ts";

/**
 * The engine's text memos (shared/text-memo.ts): bounded, emptied on demand, and never part of
 * an answer — a check with every memo emptied first scores as a check after others.
 */
describe("text memos", () => {
  it("computes a text once while it is kept, and again once the memo was emptied (full, or forgotten)", () => {
    const seen: string[] = [];
    const upper = textMemo(2, (t) => (seen.push(t), t.toUpperCase()));
    expect([upper("a"), upper("a"), upper("b"), upper("a")]).toEqual(["A", "A", "B", "A"]);
    expect(seen).toEqual(["a", "b"]);
    upper("c"); // a third text: the full memo is emptied first
    upper("a");
    expect(seen).toEqual(["a", "b", "c", "a"]);
    forgetTextMemos();
    upper("a");
    expect(seen).toEqual(["a", "b", "c", "a", "a"]);
  });

  it("remembers null answers (a cell that is no code) as answers", () => {
    let calls = 0;
    const none = textMemo(10, () => (calls++, null));
    expect([none("x"), none("x")]).toEqual([null, null]);
    expect(calls).toBe(1);
  });

  it("scores the same workbook alike cold (every memo emptied) and warm, for each demo layout", () => {
    for (const [file, setId] of [
      ["fixtures/workbooks/province-clean.xlsx", "demo-province-2024"],
      ["fixtures/workbooks/commune-structure.xlsx", "demo-commune-2024"],
    ] as const) {
      const read = readWorkbookBytes(new Uint8Array(readFileSync(file)));
      if (!read.ok) throw new Error(read.message);
      const set = loadFixtureSet(setId);
      forgetTextMemos();
      const cold = scoreWorkbook(read.grid, set);
      const warm = scoreWorkbook(read.grid, set);
      expect(warm).toEqual(cold);
      expect(cold.items.length).toBeGreaterThan(10);
    }
  });
});
