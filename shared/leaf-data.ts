import type { GridCell } from "./grid.ts";
import { cellText } from "./grid.ts";
import { isNotApplicableText, readDeclaredRatio, type DeclaredRatio } from "./values.ts";
import { NOTHING_AROSE, fractionInText, ratioInText, readDeclaredCount, countInText } from "./declared-data.ts";

/** A cell of a leaf's row and its address (undefined when the table has no such column). */
export interface RowCell {
  cell?: GridCell | undefined;
  address?: string | undefined;
}

/** Where a ratio or count leaf may find its declared data. */
export interface DataCells {
  /** The data column: a count ("Số liệu thực hiện") or, with no rate column, any declared data. */
  data: RowCell;
  /** The rate column ("Tỷ lệ đạt được"), when the table has one. */
  rate: RowCell;
  note: RowCell;
}

export type Declared =
  | { kind: "ratio"; ratio: DeclaredRatio; address: string | undefined }
  | { kind: "count"; n: number; address: string | undefined }
  | { kind: "nothing-arose"; address: string | undefined }
  /** No usable data; `error` when a data cell holds a formula error; `inNote` when the table has no data column for it. */
  | { kind: "missing"; address: string | undefined; inNote: boolean; error?: { text: string; address: string | undefined } };

type Reading = Exclude<Declared, { kind: "missing" }> | null;

/**
 * The declared data of a leaf (CRITERIA-FORMAT.md §6 "Details settled"): a ratio leaf uses the
 * rate column when it holds a usable rate, else an "a/b" in the count or data column, else the
 * note; a count leaf uses the count or data column, else the note. "Không phát sinh" in a data
 * cell, or "0/0" for a ratio, is nothing arose. Without usable data, DATA_MISSING points at the
 * data cell, or the note cell when there is no data column.
 */
export function declaredData(kind: "ratio" | "count", cells: DataCells): Declared {
  const twoColumns = cells.rate.address !== undefined && cells.data.address !== undefined;
  const sources: [RowCell, (cell: GridCell) => Reading][] =
    kind === "ratio"
      ? [
          [cells.rate, (c) => ratioCell(c, readDeclaredRatio)],
          [cells.data, (c) => ratioCell(c, twoColumns ? fractionOnly : readDeclaredRatio)],
          [cells.note, (c) => fromText(ratioInText(cellText(c)), (ratio) => ({ kind: "ratio", ratio, address: undefined }))],
        ]
      : [
          [cells.data, countCell],
          [cells.note, (c) => fromNumber(countInText(cellText(c)))],
        ];
  let error: { text: string; address: string | undefined } | undefined;
  for (const [source, read] of sources) {
    const cell = source.cell;
    if (!cell) continue;
    if (cell.err !== undefined) {
      error ??= { text: cell.err, address: source.address };
      continue;
    }
    const reading = read(cell);
    if (reading) return { ...reading, address: source.address };
  }
  const where = kind === "ratio" ? (cells.rate.address ?? cells.data.address) : cells.data.address;
  const missing: Declared = { kind: "missing", address: where ?? cells.note.address, inNote: where === undefined && cells.note.address !== undefined };
  return error ? { ...missing, error } : missing;
}

function fromText<T extends object>(read: T | typeof NOTHING_AROSE | null, make: (value: T) => Reading): Reading {
  if (read === NOTHING_AROSE) return { kind: "nothing-arose", address: undefined };
  return read ? make(read) : null;
}

function fromNumber(n: number | null): Reading {
  return n === null ? null : { kind: "count", n, address: undefined };
}

function saysNothingArose(cell: GridCell): boolean {
  return typeof cell.v === "string" && isNotApplicableText(cell.v);
}

function ratioCell(cell: GridCell, read: (cell: GridCell) => DeclaredRatio | typeof NOTHING_AROSE | null): Reading {
  if (saysNothingArose(cell)) return { kind: "nothing-arose", address: undefined };
  if (typeof cell.v === "string" && fractionInText(cell.v) === NOTHING_AROSE) return { kind: "nothing-arose", address: undefined };
  return fromText(read(cell), (ratio) => ({ kind: "ratio", ratio, address: undefined }));
}

/** Beside a rate column, the count column feeds a ratio only through an "a/b" ("15/28"). */
function fractionOnly(cell: GridCell): DeclaredRatio | typeof NOTHING_AROSE | null {
  return typeof cell.v === "string" ? fractionInText(cell.v) : null;
}

function countCell(cell: GridCell): Reading {
  if (saysNothingArose(cell)) return { kind: "nothing-arose", address: undefined };
  return fromNumber(readDeclaredCount(cell));
}
