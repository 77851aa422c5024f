import type { Grid } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { ApiError } from "./errors.ts";

const WHY: Record<string, string> = {
  NOT_A_WORKBOOK: "Tệp không phải sổ tính Excel đọc được",
  WORKBOOK_TOO_LARGE: "Tệp quá lớn để kiểm tra: xóa các ô lạc ở xa bảng, hoặc chuyển sổ theo dõi lớn sang tệp khác",
};

/** An uploaded workbook (a submission's file, a survey) read as the CLI reads it; 422 when it cannot be. */
export function gridOfWorkbook(bytes: Uint8Array): Grid {
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new ApiError(422, read.code, `${WHY[read.code]} / ${read.message}`);
  return read.grid;
}
