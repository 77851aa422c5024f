/** Files a workbook may come as (open-workbook.ts reads them; anything else is refused there by its content). */
const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|ods)$/i;

/**
 * The one file to open from a drop (PANE3-7): officers drag a selection out of a folder — the
 * table with its scanned evidence, last year's file and this year's. The first workbook among
 * them is opened (else the first file, whose refusal then says what it is), and how many others
 * were left is said, never silently ignored.
 */
export function pickDropped<T extends { name: string }>(files: readonly T[]): { file: T; ignored: number } | null {
  const file = files.find((f) => WORKBOOK_NAME.test(f.name)) ?? files[0];
  return file ? { file, ignored: files.length - 1 } : null;
}
