/**
 * What the importer rounds' tests (RD31–RD33: half-marked labels, labels beside titles) share:
 * an imported set's codes in tree order, and the two outcomes they check — a decision imported
 * whole (the same codes and maximum as the untouched one), or refused naming the cell, the label
 * as typed and the label meant.
 */
import { expect } from "vitest";
import { importCriteriaSet, type Grid, type ImportCriteriaOptions } from "../../shared/index.ts";

/** A cell's value in the band-table rounds' layouts (RD40, RD47): "" is an empty cell. */
export type Value = string | number;
type ImportedItem = { code: string; title: string; maxPoints: number; rule?: unknown; children?: ImportedItem[] };

/** One "Cấp xã" sheet of these rows. */
export const communeGridOf = (rows: Value[][]): Grid => ({ sheets: [{ name: "Cấp xã", merges: [], rows: rows.map((r) => r.map((v) => (v === "" ? null : { v }))) }] });

/** The title block above a commune decision's table. */
export const COMMUNE_TOP: Value[][] = [["ỦY BAN NHÂN DÂN TỈNH MINH HỌA"], ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025"], []];

/** A commune decision imported (throws when it is refused): its max, every item depth first, its notes (`notesAt`: "cell: message"). */
export function importedCommune(rows: Value[][]): { max: number; items: ImportedItem[]; notes: string[]; notesAt: string[] } {
  const result = importCriteriaSet(communeGridOf(rows), { id: "x", year: 2025, unitType: "commune" });
  if (!result.ok) throw new Error(result.message);
  const all = (items: ImportedItem[]): ImportedItem[] => items.flatMap((i) => [i, ...all(i.children ?? [])]);
  return { max: result.set.maxPoints, items: all(result.set.items as ImportedItem[]), notes: result.notes.map((n) => n.message), notesAt: result.notes.map((n) => `${n.cell}: ${n.message}`) };
}

type Item = { code: string; children?: Item[] };

/** Every code of a set's items, depth first. */
export const codes = (items: Item[]): string[] => items.flatMap((i) => [i.code, ...codes(i.children ?? [])]);

/** The codes and maximum of a decision that imports (throws when it does not). */
export function wholeOf(grid: Grid, options: ImportCriteriaOptions): { codes: string[]; max: number } {
  const imported = importCriteriaSet(grid, options);
  if (!imported.ok) throw new Error(imported.message);
  return { codes: codes(imported.set.items), max: imported.set.maxPoints };
}

/** `grid` imports with exactly `whole`'s codes and maximum. */
export function importsWhole(grid: Grid, options: ImportCriteriaOptions, whole: { codes: string[]; max: number }): void {
  const imported = importCriteriaSet(grid, options);
  expect(imported.ok ? "" : imported.message).toBe("");
  if (!imported.ok) return;
  expect(codes(imported.set.items)).toEqual(whole.codes);
  expect(imported.set.maxPoints).toBe(whole.max);
}

/** `grid` is refused, naming `cell`, the label as typed (`text`) and the label meant. */
export function refusedAt(grid: Grid, options: ImportCriteriaOptions, cell: string, text: string, meant: string): void {
  const imported = importCriteriaSet(grid, options);
  expect(imported.ok ? "imported" : "").toBe("");
  if (imported.ok) return;
  expect(imported.message).toContain(`"${text}"`);
  expect(imported.message).toContain(`"${meant}"`);
  expect(imported.message).toContain(`${cell})`);
}
