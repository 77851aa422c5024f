import { columnLetter } from "../../../shared/index.ts";
import type { OwnSheetLayout } from "../own-sheet.ts";
import { freshSheet, writeRows, type WriteCapabilities } from "./write-sheets.ts";

const CHART_WIDTH = 520;
const CHART_HEIGHT = 320;

/**
 * Write one of the add-in's insight sheets (laid out by `layoutOwnSheet`): the cells, a real
 * Excel table per list, the charts beside them, column widths, and a frozen header where the
 * sheet is one long list. Everything is queued for ONE sync (plus writeRows' slices past
 * CELLS_PER_SYNC, which these sheets, bounded by a criteria set's size, never reach).
 * `exists` comes from the caller's own sheet list, so no sync is spent asking.
 * Returns the syncs made.
 */
export async function writeOwnSheet(context: Excel.RequestContext, layout: OwnSheetLayout, exists: boolean, caps: WriteCapabilities): Promise<number> {
  const sheet = freshSheet(context, layout.name, exists);
  // Formats before values: "@" keeps codes such as "1.10" and years as text, never numbers or dates.
  for (const t of layout.tables) {
    sheet.getRange(t.headerAddress).numberFormat = [Array<string>(t.columns).fill("@")];
    for (const f of t.formats) sheet.getRange(f.address).numberFormat = Array.from({ length: f.rows }, () => [f.format]);
  }
  const syncs = await writeRows(context, sheet, layout.rows);
  for (const cell of layout.headings) sheet.getRange(cell).format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
  for (const t of layout.tables) {
    const table = sheet.tables.add(t.address, true);
    table.name = t.name;
    table.style = "TableStyleMedium2";
  }
  layout.widths.forEach((w, c) => (sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = w));
  for (const address of layout.wrapped) sheet.getRange(address).format.wrapText = true;
  if (layout.wrapped.length) sheet.getRange(`A1:${columnLetter((layout.rows[0]?.length ?? 1) - 1)}${layout.rows.length}`).format.autofitRows();
  for (const c of layout.charts) {
    const chart = sheet.charts.add(c.type as Excel.ChartType, sheet.getRange(c.source), "Columns" as Excel.ChartSeriesBy);
    chart.title.text = c.title;
    chart.legend.visible = c.series > 1;
    if (c.series > 1) chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
    if (c.reverseCategories && caps.chartAxes) chart.axes.categoryAxis.reversePlotOrder = true;
    chart.setPosition(c.anchor);
    chart.width = CHART_WIDTH;
    chart.height = CHART_HEIGHT;
  }
  if (layout.freezeRows > 0 && caps.freezePanes) sheet.freezePanes.freezeRows(layout.freezeRows);
  sheet.activate();
  await context.sync();
  return syncs + 1;
}

