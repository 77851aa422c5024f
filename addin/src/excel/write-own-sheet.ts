import { columnLetter } from "../../../shared/index.ts";
import { withFreeTableNames, type OwnSheetLayout } from "../own-sheet.ts";
import { adoptOwnSheet, holdsProof, markerAndNonce, newSheetNonce, nonceCandidate, OWN_SHEET_MARKER, placeOwnSheet, recordOwnSheet, type OwnSheetRecord, type SheetRef, type SheetWritten } from "../sheet-ownership.ts";
import { writeRows } from "./write-rows.ts";

const CHART_WIDTH = 520;
const CHART_HEIGHT = 320;
const BAND_COLOURS = ["#C6EFCE", "#DDEBF7", "#FFEB9C", "#F8CBAD", "#FFC7CE"];
const MARKER_COLOUR = "#808080";

export interface WriteCapabilities {
  /** ExcelApi 1.6 */
  conditionalFormats: boolean;
  /** ExcelApi 1.7 */
  freezePanes: boolean;
  /** ExcelApi 1.7: axis options such as a bar chart's top-down category order. */
  chartAxes: boolean;
}

export interface OwnSheetWrite {
  written: SheetWritten;
  /** The add-in's records of its sheets, to keep in the document settings. */
  records: OwnSheetRecord[];
  syncs: number;
}

/**
 * Write one of the add-in's sheets (laid out by `layoutOwnSheet`) in three syncs whatever
 * its size: (1) the workbook's sheets and tables, asked inside this Excel.run so nothing
 * read earlier can be stale; the sheet's place and its table names are decided before
 * anything is removed, ignoring only the tables of the sheet being replaced, so a re-pull
 * gets the same names. Then either
 * - the previous own sheet is rewritten in place (the usual case): (2) row 1 at its marker read
 *   and its charts listed, nothing changed yet; (3) — only if row 1 holds the marker and the
 *   record's nonce — its tables and charts deleted, its conditional formats and cells cleared,
 *   its panes unfrozen, the sheet written and activated. `Worksheet.delete` is one of
 *   the APIs that clear the user's undo stack (Microsoft's "Undo support with the Excel
 *   JavaScript API", Unsupported APIs), so a check must not delete a sheet each time;
 * - or, when there is none, when its name must change (a user's sheet took the usual name
 *   or gave it back) or it is hidden (it could not be activated), (2) the previous one
 *   deleted (after one more sync has read its row 1, as above), a new one added and written;
 *   (3) the new sheet activated, in a batch of its own (office-js#930: Excel on the web ignores
 *   activating a sheet added in the same batch).
 * Writing is the same in both: text formats before values, a real table per list, charts,
 * widths, the marker cell and the sheet's nonce beside it. Outputs beyond
 * WRITE_BYTES_PER_SYNC, far past any criteria set, add their slices. Only a sheet
 * `placeOwnSheet` found among the add-in's records, and whose row 1 then proves it (records
 * written before markers were recorded: by id alone), is ever cleared or deleted; a sheet that
 * fails the proof is left as it is, its record dropped, and the sheet written beside it. When no record
 * matches by id (ids may change between sessions), one more sync reads row 1 of the sheet
 * bearing a record's exact name, which is the add-in's only if it holds the marker and that
 * record's nonce (sheet-ownership.ts `nonceCandidate`).
 */
export async function writeOwnSheet(context: Excel.RequestContext, layout: OwnSheetLayout, records: readonly OwnSheetRecord[], caps: WriteCapabilities): Promise<OwnSheetWrite> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const worksheets = context.workbook.worksheets.load("items/id, items/name, items/visibility");
  const tables = context.workbook.tables.load("items/name, items/worksheet/id");
  await sync();
  const sheets = worksheets.items.map((s) => ({ id: s.id, name: s.name }));
  const known = await recognise(context, layout.role, sheets, records);
  syncs += known.syncs;
  let kept = known.records;
  let place = placeOwnSheet(layout.role, sheets, kept);
  let previous = worksheets.items.find((s) => s.id === place.replaceId);
  let inPlace = previous !== undefined && previous.name === place.name && previous.visibility === "Visible";
  // Row 1 of the sheet about to be cleared or deleted, read before anything is removed (in place,
  // in the sync that lists its charts): a record matched by id and name is not proof enough — Excel
  // may give a sheet's id again to another sheet in a later session (office-js#1390: positional
  // ids), and the user's own sheet of that name would be wiped.
  const previousRecord = kept.find((r) => r.id === place.replaceId);
  const proof = previous && previousRecord?.marker ? previous.getRange(markerAndNonce(previousRecord.marker)).load("values") : null;
  const charts = previous && inPlace ? previous.charts.load("items/name") : null;
  if (proof || charts) await sync();
  if (previous && proof && previousRecord && !holdsProof(proof.values[0] ?? [], previousRecord)) {
    // Not the add-in's sheet: never touched. Its record goes, and the sheet is written beside it.
    kept = kept.filter((r) => r.id !== previousRecord.id);
    place = placeOwnSheet(layout.role, sheets, kept.filter((r) => r.role !== layout.role));
    previous = undefined;
    inPlace = false;
  }
  // A rewritten sheet keeps its nonce; a new one gets its own.
  const nonce = kept.find((r) => r.id === place.replaceId)?.nonce ?? newSheetNonce();
  const record = (id: string): OwnSheetRecord => ({ id, role: layout.role, name: place.name, nonce, marker: layout.marker });
  const named = withFreeTableNames(layout, tables.items.filter((t) => t.worksheet.id !== place.replaceId).map((t) => t.name));
  const written: SheetWritten = { name: place.name, besideSheet: place.besideSheet };

  if (previous && inPlace && charts) {
    for (const t of tables.items) if (t.worksheet.id === previous.id) t.delete();
    if (caps.conditionalFormats) previous.getRange().conditionalFormats.clearAll();
    previous.getRange().clear();
    if (caps.freezePanes) previous.freezePanes.unfreeze();
    for (const chart of charts.items) chart.delete();
    const slices = await fill(context, previous, named, nonce, caps);
    previous.activate();
    await sync();
    return { written, records: recordOwnSheet(kept, sheets, place.replaceId, record(previous.id)), syncs: syncs + slices };
  }

  if (place.replaceId) context.workbook.worksheets.getItem(place.replaceId).delete();
  const sheet = context.workbook.worksheets.add(place.name);
  sheet.load("id");
  const slices = await fill(context, sheet, named, nonce, caps);
  await sync();
  sheet.activate();
  await sync();
  return { written, records: recordOwnSheet(kept, sheets, place.replaceId, record(sheet.id)), syncs: syncs + slices };
}

/**
 * The records, with one moved to its sheet's new id when that sheet proves to be the
 * add-in's: row 1 at the recorded marker holds the marker and the record's nonce. Costs a
 * sync only when some record's id no longer matches and a sheet bears its exact name.
 */
async function recognise(context: Excel.RequestContext, role: OwnSheetLayout["role"], sheets: SheetRef[], records: readonly OwnSheetRecord[]): Promise<{ records: OwnSheetRecord[]; syncs: number }> {
  const candidate = nonceCandidate(role, sheets, records);
  if (!candidate) return { records: [...records], syncs: 0 };
  const row1 = context.workbook.worksheets.getItem(candidate.sheet.id).getRange(markerAndNonce(candidate.record.marker)).load("values");
  await context.sync();
  return { records: adoptOwnSheet(records, candidate, row1.values[0] ?? []), syncs: 1 };
}

/** A text as a formula literal: `="Loại ""A"""` (a quote doubled inside). */
const textLiteral = (text: string): string => `="${text.replace(/"/g, '""')}"`;

/** Queue the whole sheet on `sheet`; returns the syncs spent on slices of very large outputs. */
async function fill(context: Excel.RequestContext, sheet: Excel.Worksheet, layout: OwnSheetLayout, nonce: string, caps: WriteCapabilities): Promise<number> {
  // Formats before values: "@" keeps codes such as "1.10", years and unit names as text, never numbers, dates or formulas.
  for (const t of layout.tables) {
    sheet.getRange(t.headerAddress).numberFormat = [Array<string>(t.columns).fill("@")];
    for (const f of t.formats) sheet.getRange(f.address).numberFormat = Array.from({ length: f.rows }, () => [f.format]);
  }
  const marker = sheet.getRange(markerAndNonce(layout.marker));
  marker.numberFormat = [["@", "@"]];
  marker.values = [[OWN_SHEET_MARKER, nonce]];
  marker.format.font.color = MARKER_COLOUR;
  const slices = await writeRows(context, sheet, layout.rows);
  for (const cell of layout.headings) sheet.getRange(cell).format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
  for (const t of layout.tables) {
    const table = sheet.tables.add(t.address, true);
    table.name = t.name;
    table.style = "TableStyleMedium2";
    if (t.highlight && caps.conditionalFormats) {
      // The whole label, not "Contains": the rule added last is on top (ConditionalFormatCollection.add),
      // so "Hoàn thành" coloured "Hoàn thành xuất sắc" and "Hoàn thành tốt" with a lower band's colour.
      t.highlight.values.forEach((text, i) => {
        const cf = sheet.getRange(t.highlight!.address).conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
        cf.cellValue.format.fill.color = BAND_COLOURS[Math.min(i, BAND_COLOURS.length - 1)]!;
        cf.cellValue.rule = { formula1: textLiteral(text), operator: "EqualTo" as Excel.ConditionalCellValueOperator };
      });
    }
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
  return slices;
}
