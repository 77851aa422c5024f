import { columnLetter, type Locale } from "../../../shared/index.ts";
import type { Ranking } from "../../../shared/index.ts";
import { STRINGS } from "../i18n.ts";
import { bandsInOrder, consolidatedRows, type SheetRows } from "../sheet-rows.ts";
import { blockAddress } from "../cell-address.ts";
import { CONSOLIDATED_SHEET, RESULT_SHEET } from "./read-grid.ts";

/** Cells written per sync; far under Excel on the web's 5 MB request cap for short texts. */
export const CELLS_PER_SYNC = 100_000;
const BAND_COLOURS = ["#C6EFCE", "#DDEBF7", "#FFEB9C", "#F8CBAD", "#FFC7CE"];

export interface WriteCapabilities {
  /** ExcelApi 1.6 */
  conditionalFormats: boolean;
  /** ExcelApi 1.7 */
  freezePanes: boolean;
  /** ExcelApi 1.7: axis options such as a bar chart's top-down category order. */
  chartAxes: boolean;
}

/** Replace one of the add-in's own sheets; `exists` comes from the sheet list already read, so no extra sync. */
export function freshSheet(context: Excel.RequestContext, name: string, exists: boolean): Excel.Worksheet {
  if (exists) context.workbook.worksheets.getItem(name).delete();
  return context.workbook.worksheets.add(name);
}

/**
 * Write rows from A1: one sync while the rows fit CELLS_PER_SYNC, else slices, each synced
 * except the last (the caller's final sync carries it with the formatting). Returns syncs made.
 */
export async function writeRows(context: Excel.RequestContext, sheet: Excel.Worksheet, rows: SheetRows, cellsPerSync = CELLS_PER_SYNC): Promise<number> {
  const width = rows[0]?.length ?? 0;
  if (width === 0) return 0;
  const rowsPerSlice = Math.max(1, Math.floor(cellsPerSync / width));
  let syncs = 0;
  for (let start = 0; start < rows.length; start += rowsPerSlice) {
    const slice = rows.slice(start, start + rowsPerSlice);
    sheet.getRange(blockAddress(start, 0, slice.length, width)).values = slice;
    if (start + rowsPerSlice < rows.length) {
      await context.sync();
      syncs++;
    }
  }
  return syncs;
}

export async function writeResultSheet(context: Excel.RequestContext, rows: SheetRows, exists: boolean): Promise<number> {
  const sheet = freshSheet(context, RESULT_SHEET, exists);
  const syncs = await writeRows(context, sheet, rows);
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange(`A1:${columnLetter((rows[0]?.length ?? 1) - 1)}${rows.length}`).format.autofitColumns();
  sheet.activate();
  await context.sync();
  return syncs + 1;
}

/** The ranking as a real table with band colours, a bar chart of the index and a frozen header. */
export async function writeConsolidated(context: Excel.RequestContext, ranking: Ranking, locale: Locale, exists: boolean, caps: WriteCapabilities): Promise<number> {
  const rows = consolidatedRows(ranking, locale);
  const width = rows[0]!.length;
  const last = rows.length;
  const sheet = freshSheet(context, CONSOLIDATED_SHEET, exists);
  const syncs = await writeRows(context, sheet, rows);
  const table = sheet.tables.add(blockAddress(0, 0, last, width), true);
  table.name = `TongHop_${ranking.period.replace(/[^A-Za-z0-9_]/g, "_")}`;
  table.style = "TableStyleMedium2";
  if (last > 1) {
    sheet.getRange(`C2:C${last}`).numberFormat = rows.slice(1).map(() => ["0.00"]);
    if (caps.conditionalFormats) {
      bandsInOrder(ranking).forEach((band, i) => {
        const cf = sheet.getRange(`D2:D${last}`).conditionalFormats.add("ContainsText" as Excel.ConditionalFormatType);
        cf.textComparison.format.fill.color = BAND_COLOURS[Math.min(i, BAND_COLOURS.length - 1)]!;
        cf.textComparison.rule = { operator: "Contains" as Excel.ConditionalTextOperator, text: band };
      });
    }
    const chart = sheet.charts.add("BarClustered" as Excel.ChartType, sheet.getRange(`B1:C${last}`), "Columns" as Excel.ChartSeriesBy);
    chart.title.text = STRINGS[locale].sheet.chart;
    chart.legend.visible = false;
    chart.setPosition(`${columnLetter(width + 1)}2`);
  }
  if (caps.freezePanes) sheet.freezePanes.freezeRows(1);
  sheet.getRange(blockAddress(0, 0, last, width)).format.autofitColumns();
  sheet.activate();
  await context.sync();
  return syncs + 1;
}
