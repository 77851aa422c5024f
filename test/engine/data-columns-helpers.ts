/**
 * The declared-data column tests' workbooks (round14-columns, round15-columns): the demo commune
 * table of merged-header-helpers.ts with two data columns D | E, under a merged group label or
 * flat, each column filled by a function of the row (a fraction, a figure part-way through the
 * year, a target).
 */
import { expect } from "vitest";
import { EV, EXPECTED_TOTAL, ROWS, TOP, demoSet, errorsOf, merge, sheetOf, type Row, type Value } from "./merged-header-helpers.ts";
import { findHeader, scoreWorkbook, type GridSheet, type Merge } from "../../shared/index.ts";

export const fraction = (x: Row): string => (x.counts ? `${x.counts[0]}/${x.counts[1]}` : "");
/** What a unit declared part-way through the year: 1.1.2 at 9/20 (0 points), 2.2.2 at 49/100 (0 points). */
export const partway = (x: Row): string => (x.counts ? `${x.counts[0] / 2}/${x.counts[1]}` : "");
/** The plan: every ratio targeted at 100 %, which would score full points if read as the result. */
export const target = (x: Row): string => (x.counts ? "100%" : "");
/** The self-score of a ratio leaf left blank (§1: the data scores it), so a wrong reading says nothing. */
export const selfOf = (x: Row): Value => (x.counts ? "" : (x.self ?? ""));

/** Two header rows: every column but those in `split` merged down over both. */
export const twoRowMerges = (width: number, split: [number, number][]): Merge[] => {
  const under = (c: number) => split.some(([a, b]) => c >= a && c <= b);
  return [...split.map(([a, b]) => merge(TOP, a, TOP, b)), ...Array.from({ length: width }, (_, c) => c).filter((c) => !under(c)).map((c) => merge(TOP, c, TOP + 1, c))];
};

/** `group` merged over two sub-columns D | E labelled `subs`, holding `cells` for each row. */
export const underGroup = (group: string, subs: [string, string], cells: [(x: Row) => Value, (x: Row) => Value]) =>
  sheetOf(
    [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", group, "", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", ...subs, "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, cells[0](x), cells[1](x), x.leaf ? EV : "", selfOf(x), ""]),
    ],
    twoRowMerges(8, [[3, 4]]),
  );

/** Flat labels D | E holding `cells` for each row. */
export const flat = (subs: [string, string], cells: [(x: Row) => Value, (x: Row) => Value]) =>
  sheetOf(
    [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", ...subs, "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...ROWS.map((x) => [x.code, x.title, x.max, cells[0](x), cells[1](x), x.leaf ? EV : "", selfOf(x), ""]),
    ],
    [],
  );

/** The data column found, the report without errors, the total and 1.1.2 read from 18/20 (rounds 15–16's columns). */
export const readsResult = (grid: { sheets: GridSheet[] }, column: number) => {
  expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(column);
  const report = scoreWorkbook(grid, demoSet("data-columns", "Bộ thử cột số liệu (minh họa)"));
  expect(errorsOf(report)).toEqual([]);
  expect(report.total).toBe(EXPECTED_TOTAL);
  expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
};

/** Rounds 17–18's done / not-done columns: a row's total, what was done and the rest. */
export const total = (x: Row): number | string => (x.counts ? x.counts[1] : "");
export const done = (x: Row): number | string => (x.counts ? x.counts[0] : "");
export const notDone = (x: Row): number | string => (x.counts ? x.counts[1] - x.counts[0] : "");

/** 1.1.2 read as 18/20 (90 %), 2.2.2 as 98/100, the total as the rules give it, nothing said. */
export const readsDone = (grid: { sheets: GridSheet[] }, column: number) => {
  expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(column);
  const report = scoreWorkbook(grid, demoSet("done-columns", "Bộ thử cột số liệu (minh họa)"));
  expect(errorsOf(report)).toEqual([]);
  expect(report.total).toBe(EXPECTED_TOTAL);
  expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90, numerator: 18, denominator: 20 });
  expect(report.items.find((i) => i.code === "2.2.2")).toMatchObject({ score: 1, percent: 98 });
};

/**
 * The demo table with `labels` as its data columns, each ratio row's cells from `cells(done, all)`
 * (18, 20 for 1.1.2), other rows blank there; `subs` a second header row under them (every other
 * column then merged down over both, and `merges` the groups over the data columns).
 */
export function columnsTable(labels: Value[], cells: (done: number, all: number) => Value[], subs?: Value[], merges: Merge[] = []) {
  const width = labels.length + 6;
  const down = subs ? Array.from({ length: width }, (_, c) => c).filter((c) => c < 3 || c >= 3 + labels.length).map((c) => merge(TOP, c, TOP + 1, c)) : [];
  return sheetOf(
    [
      ["STT", "Tiêu chí", "Điểm tối đa", ...labels, "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...(subs ? [["", "", "", ...subs, "", "", ""]] : []),
      ...ROWS.map((x) => [x.code, x.title, x.max, ...(x.counts ? cells(x.counts[0], x.counts[1]) : labels.map(() => "")), x.leaf ? EV : "", selfOf(x), ""]),
    ],
    [...merges, ...down],
  );
}

/** A count column's figure for a ratio row with `done` of `all` (columnsTable's cells). */
export type CountOf = (done: number, all: number) => number;
/** One layout of a grid of count tables: its group label ("" flat), its column labels and their cells. */
export interface CountLayout {
  group: string;
  labels: string[];
  cells: (done: number, all: number) => number[];
}

/**
 * A whole's column, then each part's, each followed by its bare share "Tỷ lệ (%)" when `shares`;
 * parts with an empty label are left out.
 */
export function countLayout(group: string, shares: boolean, whole: string, parts: [string, CountOf][]): CountLayout {
  const columns: [string, CountOf][] = [[whole, (_, all) => all]];
  for (const [label, count] of parts.filter(([label]) => label !== "")) {
    columns.push([label, count]);
    if (shares) columns.push(["Tỷ lệ (%)", (d, a) => Math.round((count(d, a) / a) * 10000) / 100]);
  }
  return { group, labels: columns.map(([l]) => l), cells: (d, a) => columns.map(([, f]) => f(d, a)) };
}

/** The same layout with its whole written last, after its parts ("Trước hạn" | "Đúng hạn" | "Trễ hạn" | "Tổng số"). */
export function wholeLast({ group, labels, cells }: CountLayout): CountLayout {
  const last = <T,>(xs: T[]): T[] => [...xs.slice(1), xs[0]!];
  return { group, labels: last(labels), cells: (d, a) => last(cells(d, a)) };
}

/** The layout's table: flat, or its group label merged over every column. */
export const countLayoutTable = ({ group, labels, cells }: CountLayout) =>
  group ? columnsTable([group, ...labels.slice(1).map(() => "")], cells, labels, [merge(TOP, 3, TOP, 3 + labels.length - 1)]) : columnsTable(labels, cells);
