import { z } from "zod";
import { ConfirmedHeaderSchema, type ColumnKind, type ColumnMap, type ConfirmedHeader } from "../../shared/index.ts";
import type { WorkbookHost } from "./host.ts";

/**
 * The column mapping a user confirms when header detection is unsure. It lives in the
 * workbook's own settings (not secret, travels with the file), so it is asked once. The
 * question itself is built with the table locator (mapping-question.ts), loaded with the engine.
 */
export const CONFIRMED_HEADERS_KEY = "parindex.confirmedHeaders";
const ConfirmedHeaderListSchema = z.array(ConfirmedHeaderSchema).max(255);

/** Kinds in the order the form lists them; `title` is required by the engine. */
export const MAPPED_KINDS: readonly ColumnKind[] = ["code", "title", "max", "self", "data", "rate", "evidence", "evidenceDate", "note", "method", "appraised"];

/** Whatever the settings hold (an array, its JSON text, junk from an old version) → a valid list. */
export function parseConfirmedHeaders(value: unknown): ConfirmedHeader[] {
  let data = value;
  if (typeof value === "string") {
    try {
      data = JSON.parse(value) as unknown;
    } catch {
      return [];
    }
  }
  const parsed = ConfirmedHeaderListSchema.safeParse(data);
  return parsed.success ? parsed.data : [];
}

export async function loadConfirmedHeaders(host: WorkbookHost): Promise<ConfirmedHeader[]> {
  return parseConfirmedHeaders(await host.getDocumentSetting(CONFIRMED_HEADERS_KEY));
}

/** Replace the sheet's mapping, keep the others; an empty list clears the setting. */
export async function saveConfirmedHeader(host: WorkbookHost, header: ConfirmedHeader): Promise<ConfirmedHeader[]> {
  const list = [...(await loadConfirmedHeaders(host)).filter((h) => h.sheet !== header.sheet), ConfirmedHeaderSchema.parse(header)];
  await host.setDocumentSetting(CONFIRMED_HEADERS_KEY, list);
  return list;
}

export async function resetConfirmedHeaders(host: WorkbookHost): Promise<void> {
  await host.setDocumentSetting(CONFIRMED_HEADERS_KEY, null);
}

export interface ColumnOption {
  index: number;
  /** "C — Điểm tối đa" */
  text: string;
}

/** What the pane asks: a sheet, its (guessed) header rows, the columns found, and every column to pick from. */
export interface MappingQuestion {
  sheet: string;
  headerTop: number;
  headerBottom: number;
  columns: ColumnMap;
  options: ColumnOption[];
  /** Kinds detection could not find (shown to explain why we ask). */
  missing: ColumnKind[];
}

export type MappingAnswer = { ok: true; header: ConfirmedHeader } | { ok: false; problem: "title" | "rows" | "duplicate" };

/** The form's fields (1-based rows, column indexes or "") → a header the engine accepts. */
export function mappingAnswer(sheet: string, fields: Record<string, string>): MappingAnswer {
  const top = Number(fields.headerTop) - 1;
  const bottom = fields.headerBottom ? Number(fields.headerBottom) - 1 : top;
  if (!Number.isInteger(top) || !Number.isInteger(bottom) || top < 0 || bottom < top || bottom - top > 1) return { ok: false, problem: "rows" };
  const columns: ColumnMap = {};
  for (const kind of MAPPED_KINDS) {
    const v = fields[kind];
    if (v !== undefined && v !== "") columns[kind] = Number(v);
  }
  if (columns.title === undefined) return { ok: false, problem: "title" };
  const used = Object.values(columns);
  if (new Set(used).size !== used.length) return { ok: false, problem: "duplicate" };
  return { ok: true, header: { sheet, headerTop: top, headerBottom: bottom, columns } };
}
