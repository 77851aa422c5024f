import type { Grid } from "../../shared/index.ts";
import { readWorkbookBytes, type ReadGrid } from "../../xlsx/sheetjs-grid.ts";
import { ApiError } from "./errors.ts";

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The reader's own reason, Vietnamese first, as the CLI says it: a password, a CSV or a web
 * page renamed, a damaged file, each with what to do. A generic "Tệp không phải sổ tính Excel
 * đọc được" had left the advice to the English half, or out (contract tester CF3-10).
 */
export function unreadableWorkbook(read: Extract<ReadGrid, { ok: false }>): ApiError {
  return new ApiError(422, read.code, `${sentence(read.vi)} / ${read.message}`);
}

/** An uploaded workbook (a submission's file, a survey) read as the CLI reads it; 422 when it cannot be. */
export function gridOfWorkbook(bytes: Uint8Array): Grid {
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw unreadableWorkbook(read);
  return read.grid;
}

/** Bytes that do not even start as a workbook (zip or OLE2), refused with what they look like instead. */
export function refuseNonWorkbook(bytes: Uint8Array): never {
  const read = readWorkbookBytes(bytes);
  throw read.ok ? new ApiError(422, "NOT_A_WORKBOOK", "Tệp không phải tệp Excel (.xlsx/.xls) / not an Excel workbook (.xlsx/.xls)") : unreadableWorkbook(read);
}
