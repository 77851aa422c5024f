import type {} from "vitest";
import type { Report } from "../../shared/index.ts";

/** A golden workbook, prepared in Node (global-setup.ts) for the workerd test. */
export interface GoldenCase {
  name: string;
  /** The workbook's bytes, base64 (workerd tests have no file system). */
  bytes: string;
  criteria: { id: string; unitType: string; [key: string]: unknown };
  sheet?: string;
  /** scoreWorkbook run in Node on the grid SheetJS read from the same bytes. */
  expected: Report;
}

// What global-setup.ts provides to the workerd tests (`inject("goldenCases")`).
declare module "vitest" {
  export interface ProvidedContext {
    goldenCases: GoldenCase[];
  }
}
