import type { Report } from "../../shared/index.ts";

/** A golden workbook, prepared in Node (global-setup.ts) for the workerd test (served by golden-cases-file.ts). */
export interface GoldenCase {
  name: string;
  /** The workbook's bytes, base64 (workerd tests have no file system). */
  bytes: string;
  criteria: { id: string; unitType: string; [key: string]: unknown };
  sheet?: string;
  /** scoreWorkbook run in Node on the grid SheetJS read from the same bytes. */
  expected: Report;
}

