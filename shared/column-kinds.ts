import { z } from "zod";

/*
 * The kinds of column a criteria table has, and a header the user confirmed: the words the
 * table locator (locate-table.ts) and the add-in's column mapping share. Apart from the locator,
 * so that the pane keeps confirmed headers without loading the locator's code.
 */

/**
 * Columns read, all of which a user may confirm in the mapping form: among them the rate
 * column ("Tỷ lệ đạt được") beside a count column ("Số liệu thực hiện", CRITERIA-FORMAT.md §6),
 * so a confirmed header on a two-data-column sheet keeps reading ratio leaves from the rate,
 * and the evidence's date ("Ngày ban hành") kept beside its number ("Số, ký hiệu văn bản").
 */
export const ColumnKindSchema = z.enum(["code", "title", "max", "data", "rate", "method", "evidence", "evidenceDate", "self", "appraised", "note"]);
export type ColumnKind = z.infer<typeof ColumnKindSchema>;
export type ColumnMap = Partial<Record<ColumnKind, number>>;

/**
 * A header the user confirmed (the add-in asks when detection is unsure and keeps the
 * answer in the workbook's settings). It replaces detection on its sheet.
 */
export const ConfirmedHeaderSchema = z.object({
  sheet: z.string().min(1).max(31),
  headerTop: z.number().int().min(0),
  headerBottom: z.number().int().min(0),
  columns: z.partialRecord(ColumnKindSchema, z.number().int().min(0).max(16383)),
});
export type ConfirmedHeader = z.infer<typeof ConfirmedHeaderSchema>;
