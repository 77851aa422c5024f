import { blockAddress, columnIndex } from "../../src/cell-address.ts";
import type { Bounds, StrictBook, StrictSheet } from "./book.ts";
import { ACTION_BYTES, FakeClient, type FakeContext } from "./client.ts";
import { COLUMN_WIDTH_LIMIT, FakeOfficeError, payloadBytes, type StrictCell } from "./excel-rules.ts";
import { conditionalFormats } from "./conditional-formats.ts";
import { recorder } from "./recorder.ts";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** "B3", "B3:D4", "A:C" (whole columns) or "1:61" (whole rows) → bounds; anything else is InvalidArgument. */
export function parseAddress(address: string): Bounds {
  const cells = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(address);
  if (cells) return ordered(Number(cells[2]) - 1, columnIndex(cells[1]!), Number(cells[4] ?? cells[2]) - 1, columnIndex(cells[3] ?? cells[1]!));
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) return ordered(Number(rows[1]) - 1, 0, Number(rows[2]) - 1, MAX_COLUMNS - 1);
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(address);
  if (cols) return ordered(0, columnIndex(cols[1]!), MAX_ROWS - 1, columnIndex(cols[2]!));
  throw new FakeOfficeError("InvalidArgument", `"${address}" is not a range address.`, "Worksheet.getRange");
}

function ordered(r0: number, c0: number, r1: number, c1: number): Bounds {
  const b = { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
  if (b.r0 < 0 || b.r1 >= MAX_ROWS || b.c0 < 0 || b.c1 >= MAX_COLUMNS) throw new FakeOfficeError("InvalidArgument", "The range is outside the sheet.", "Worksheet.getRange");
  return b;
}

export const addressOf = (b: Bounds) => blockAddress(b.r0, b.c0, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1);
const cellsIn = (b: Bounds) => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);

export interface RangeTarget {
  sheet: StrictSheet;
  b: Bounds;
}

const CELL_PROPERTIES = ["values", "formulas", "numberFormat", "valueTypes"] as const;

function cellProperty(cell: StrictCell | undefined, prop: (typeof CELL_PROPERTIES)[number]): unknown {
  if (prop === "numberFormat") return cell?.numberFormat ?? "General";
  if (prop === "valueTypes") return cell?.type ?? "Empty";
  if (prop === "formulas") return cell?.formula ?? cell?.value ?? "";
  return cell?.value ?? "";
}

function hiddenState(hidden: Set<number>, first: number, last: number): boolean | null {
  let count = 0;
  for (const i of hidden) if (i >= first && i <= last) count++;
  return count === 0 ? false : count === last - first + 1 ? true : null;
}

/** Excel.Range over the strict book. Cells load as whole rectangles, the way Excel sends them. */
export class FakeRange extends FakeClient<RangeTarget> {
  constructor(ctx: FakeContext, path: string, resolve: () => RangeTarget | null) {
    super(ctx, path, resolve);
  }

  private get book(): StrictBook {
    return this.ctx.book;
  }

  protected snapshot({ sheet, b }: RangeTarget, props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "rowIndex") out[prop] = b.r0;
      else if (prop === "columnIndex") out[prop] = b.c0;
      else if (prop === "rowCount") out[prop] = b.r1 - b.r0 + 1;
      else if (prop === "columnCount") out[prop] = b.c1 - b.c0 + 1;
      else if (prop === "address") out[prop] = `${sheet.name}!${addressOf(b)}`;
      // Range.rowHidden / columnHidden (ExcelApi 1.2): true when all are hidden, false when none, null when some are.
      else if (prop === "rowHidden") out[prop] = hiddenState(sheet.hiddenRows, b.r0, b.r1);
      else if (prop === "columnHidden") out[prop] = hiddenState(sheet.hiddenColumns, b.c0, b.c1);
      else if ((CELL_PROPERTIES as readonly string[]).includes(prop)) {
        const p = prop as (typeof CELL_PROPERTIES)[number];
        out[prop] = Array.from({ length: b.r1 - b.r0 + 1 }, (_, i) => Array.from({ length: b.c1 - b.c0 + 1 }, (_, j) => cellProperty(this.book.cell(sheet, b.r0 + i, b.c0 + j), p)));
      } else throw new TypeError(`strict fake: Range.${prop} is not modelled`);
    }
    return out;
  }

  protected override cellsOf({ sheet, b }: RangeTarget, props: string[]): { sheet: string; count: number } | null {
    return props.some((p) => (CELL_PROPERTIES as readonly string[]).includes(p)) ? { sheet: sheet.name, count: cellsIn(b) } : null;
  }

  get values(): unknown[][] {
    return this.read("values");
  }

  set values(block: unknown[][]) {
    this.act("values", payloadBytes(block), ({ sheet, b }) => this.book.write(this.book.alive(sheet), b, block, "values"));
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }

  set numberFormat(block: unknown[][]) {
    this.act("numberFormat", payloadBytes(block), ({ sheet, b }) => this.book.write(this.book.alive(sheet), b, block, "numberFormat"));
  }

  get formulas(): unknown[][] {
    return this.read("formulas");
  }

  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  get columnIndex(): number {
    return this.read("columnIndex");
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get address(): string {
    return this.read("address");
  }

  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }

  get columnHidden(): boolean | null {
    return this.read("columnHidden");
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRangeOrNullObject()`, () => {
      const { sheet, b } = this.target("getUsedRangeOrNullObject");
      const used = this.book.usedBounds(this.book.alive(sheet), valuesOnly, b);
      return used ? { sheet, b: used } : null;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const { sheet, b } = this.target("getMergedAreasOrNullObject");
      const areas = this.book.mergedAreas(this.book.alive(sheet), b);
      return areas.length ? { sheet, areas } : null;
    });
  }

  /** Only "Visible" is modelled (the adapter asks for nothing else). */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== "Visible") throw new TypeError(`strict fake: Range.getSpecialCellsOrNullObject("${cellType}") is not modelled`);
    return new FakeRangeAreas(this.ctx, `${this.path}.getSpecialCellsOrNullObject()`, () => {
      const { sheet, b } = this.target("getSpecialCellsOrNullObject");
      const areas = this.book.visibleAreas(this.book.alive(sheet), b);
      return areas.length ? { sheet, areas } : null;
    });
  }

  select(): void {
    this.act("select", ACTION_BYTES, ({ sheet, b }) => {
      this.book.selection = { sheetId: this.book.alive(sheet).id, address: addressOf(b) };
      this.book.log.push(`select ${sheet.name}!${addressOf(b)}`);
    });
  }

  /** Formatting the fake records without interpreting (fonts, widths, wrapping, autofit). */
  get format(): unknown {
    return recorder(this.ctx, "format", /^format\.(font\.(bold|size|color|italic)|columnWidth|wrapText|fill\.color|autofitColumns\(\)|autofitRows\(\))$/, (path, value) => {
      if (path === "format.columnWidth" && !(typeof value === "number" && value >= 0 && value <= COLUMN_WIDTH_LIMIT)) {
        throw new FakeOfficeError("InvalidArgument", `The column width ${String(value)} is outside 0–${COLUMN_WIDTH_LIMIT} points (255 characters).`, "RangeFormat.columnWidth");
      }
      this.style(path, value);
    });
  }

  /** ConditionalFormatCollection (ExcelApi 1.6): formats kept by the book with their rules (conditional-formats.ts); clearAll removes the range's. */
  get conditionalFormats(): unknown {
    return conditionalFormats(this.ctx, (action) => this.target(action), (path, value) => this.style(path, value), () => {
      const { sheet, b } = this.target("conditionalFormats.clearAll");
      this.book.clearConditionalFormats(this.book.alive(sheet), b);
    });
  }

  /** Range.clear(applyTo = "All") (ExcelApi 1.1); what each kind clears is in StrictBook.clear. */
  clear(applyTo = "All"): void {
    this.act("clear", ACTION_BYTES, ({ sheet, b }) => this.book.clear(this.book.alive(sheet), b, applyTo));
  }

  private style(path: string, value: unknown): void {
    const { sheet, b } = this.target(path);
    this.book.styles.push({ sheetId: this.book.alive(sheet).id, address: addressOf(b), path, value });
  }
}

/** Excel.RangeAreas: the merged (or visible) areas of a range, as one address list. */
export class FakeRangeAreas extends FakeClient<{ sheet: StrictSheet; areas: Bounds[] }> {
  protected snapshot({ sheet, areas }: { sheet: StrictSheet; areas: Bounds[] }, props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "address") out[prop] = cutShort(areas.map((a) => `${sheet.name}!${addressOf(a)}`).join(","), this.ctx.book.limits.areasAddress);
      // RangeAreas.areaCount (ExcelApi 1.9): "the number of rectangular ranges that comprise this RangeAreas object".
      else if (prop === "areaCount") out[prop] = areas.length;
      else throw new TypeError(`strict fake: RangeAreas.${prop} is not modelled`);
    }
    return out;
  }

  get address(): string {
    return this.read("address");
  }

  get areaCount(): number {
    return this.read("areaCount");
  }
}

/** An areas address cut to at most `limit` characters, at the end of an area (book.ts `limits.areasAddress`). */
function cutShort(address: string, limit: number): string {
  if (address.length <= limit) return address;
  const end = address.lastIndexOf(",", limit);
  return end > 0 ? address.slice(0, end) : "";
}
