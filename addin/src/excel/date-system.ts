import { DAYS_1904 } from "../../../shared/index.ts";

/** How the workbook counts its dates, as Excel said; "unknown" when it could not. */
export type DateSystem = "1900" | "1904" | "unknown";

/** 1 January 2000 in the 1900 date system (days since 1899-12-30). */
const Y2000_1900 = 36_526;

/**
 * Queue the question "which date system does this workbook use?" on the read's first sync, at
 * no sync of its own: DATE(2000,1,1) through Functions.date (ExcelApi 1.2, below the manifest's
 * 1.4), which answers "depending on the workbook's date system" (d.ts), 36,526 or 1,462 fewer.
 * Workbook.use1904DateSystem would say it directly, but it is in no released requirement set
 * (ExcelApi BETA, preview only, as of the August 2026 reference): the production office.js the
 * add-in loads has no such property for isSetSupported to vouch for. The answer, after the sync,
 * is "unknown" when the function failed or gave anything else: the dates are then read as
 * stored (the 1900 system, the default everywhere but old Mac workbooks) and the pane says so.
 */
export function askDateSystem(context: Excel.RequestContext): () => DateSystem {
  const probe = context.workbook.functions.date(2000, 1, 1);
  probe.load("value, error");
  return () => {
    if (probe.error) return "unknown";
    if (probe.value === Y2000_1900) return "1900";
    return probe.value === Y2000_1900 - DAYS_1904 ? "1904" : "unknown";
  };
}
