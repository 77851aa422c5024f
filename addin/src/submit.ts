import { holdsCriteriaHeader, holdsEvidenceList, isBlankCell, mayContinueTable, scoreWorkbook, type GridSheet, type ConfirmedHeader, type CriteriaSet, type Finding, type Grid, type Locale, type Report } from "../../shared/index.ts";
import { warningKey, type AcceptedWarning } from "./accepted-warning.ts";
import type { ApiClient, ApiFailure, SubmissionCreated } from "./api/client.ts";
import type { SubmissionQueue } from "./api/queue.ts";
import { loadConfirmedHeaders, type MappingQuestion } from "./column-mapping.ts";
import { mappingQuestion } from "./mapping-question.ts";
import type { WorkbookHost } from "./host.ts";
import type { ReadProgress } from "./excel/read-grid.ts";
import { gridHash, type SentLog, type SentRecord } from "./sent-log.ts";

/** A warning the user accepted, with the reason that travels with the submission. */
export { warningKey, type AcceptedWarning };
/** The column question again for header rows the user picked (pane/mapping-flow.ts), with the engine. */
export { questionFor } from "./mapping-question.ts";

export interface Checked {
  grid: Grid;
  report: Report;
  /** The column mappings the user confirmed, scored with here and sent with the submission. */
  confirmedHeaders: ConfirmedHeader[];
  /** Set when header detection is unsure and the user has not confirmed this sheet's columns. */
  question: MappingQuestion | null;
  /** Sheets read only up to the bound (read-grid.ts MAX_TABLE_SYNCS): the pane says so. */
  truncated: string[];
  /**
   * Refused like the CLI refuses it (exit 2): an empty workbook, or one holding no criteria
   * table and nothing to ask about. Its report (0 %, a band, a plan) would mean nothing.
   */
  refusal: Refusal | null;
}

export type Refusal = "empty" | "no-table";

function refusalOf(grid: Grid, report: Report, question: MappingQuestion | null): Refusal | null {
  if (question || report.sheet !== null) return null;
  const empty = grid.sheets.every((s) => s.rows.every((row) => row.every((c) => isBlankCell(c ?? undefined))));
  return empty ? "empty" : "no-table";
}

/**
 * Sheets read in full: those with a criteria header (the set's year prefers "… 2024" score
 * columns, as scoring does), an evidence list on a sheet of its own (shared/evidence-sheet.ts),
 * and a sheet that may continue the table of the one before it with no header of its own
 * ("Trang 2", shared/locate-table.ts continuedTable) — as the CLI reads them.
 */
export const readsInFull =
  (year?: number) =>
  (window: GridSheet): boolean =>
    holdsCriteriaHeader(window, year) || holdsEvidenceList(window) || mayContinueTable(window);

/** Read with the workbook's confirmed column mappings, score with them, and say whether to ask about columns. */
export async function checkWorkbook(host: WorkbookHost, set: CriteriaSet, locale: Locale, onProgress?: (p: ReadProgress) => void): Promise<Checked> {
  const confirmedHeaders = await loadConfirmedHeaders(host);
  const { grid, truncated = [] } = await host.readGrid({ onProgress, readsInFull: readsInFull(set.year), tableSheets: confirmedHeaders.map((h) => h.sheet) });
  const report = scoreWorkbook(grid, set, { locale, confirmedHeaders });
  const question = mappingQuestion(grid, report, confirmedHeaders, set);
  return { grid, report, confirmedHeaders, question, truncated, refusal: refusalOf(grid, report, question) };
}

/**
 * The request body: only the sheets the report used, only acceptances of warnings still
 * present, and the confirmed column mappings of those sheets so the server scores as the pane did.
 */
export function submissionBody(checked: Checked, period: string, accepted: AcceptedWarning[], locale: Locale): string {
  const current = new Set(checked.report.findings.filter((f) => f.severity === "warning").map(warningKey));
  return JSON.stringify({
    period,
    grid: { sheets: sentSheets(checked) },
    acceptedWarnings: accepted.filter((a) => current.has(warningKey(a))),
    clientReport: checked.report,
    locale,
    ...(checked.confirmedHeaders.length ? { confirmedHeaders: checked.confirmedHeaders.filter((h) => checked.report.sheets.includes(h.sheet)) } : {}),
  });
}

/** Only the sheets the report used travel. */
const sentSheets = (checked: Checked) => checked.grid.sheets.filter((s) => checked.report.sheets.includes(s.name));

export type SubmitOutcome =
  | { kind: "refused"; report: Report; refusal: Refusal }
  | { kind: "needs-mapping"; report: Report; question: MappingQuestion }
  | { kind: "blocked"; report: Report; errors: Finding[] }
  | { kind: "submitted"; report: Report; created: SubmissionCreated }
  | { kind: "queued"; report: Report; key: string; failure: ApiFailure }
  /** Not delivered and not queued either (outbox or storage full): nothing was lost, the workbook still holds it. */
  | { kind: "unsent"; report: Report; failure: ApiFailure; reason: "outbox-full" | "storage-full" }
  | { kind: "rejected"; report: Report; failure: ApiFailure }
  /** The same grid as the last one this computer delivered for the period: not sent until the user says so (`resend`). */
  | { kind: "already-sent"; report: Report; last: SentRecord };

export interface SubmitDeps {
  host: WorkbookHost;
  set: CriteriaSet;
  period: string;
  /** The period as people name it, kept with a queued submission for the outbox's row. */
  periodLabel?: { vi: string; en: string } | null;
  locale: Locale;
  accepted: AcceptedWarning[];
  client: ApiClient;
  queue: SubmissionQueue;
  newKey?: () => string;
  onProgress?: (p: ReadProgress) => void;
  /** What this computer delivered last: an unchanged workbook is not sent again unless `resend`. */
  sent?: SentLog;
  resend?: boolean;
}

/** Re-check, ask about unsure columns first, block on errors, send once with an idempotency key; offline or a server failure queues it with that key. */
export async function submitWorkbook(deps: SubmitDeps): Promise<SubmitOutcome> {
  const checked = await checkWorkbook(deps.host, deps.set, deps.locale, deps.onProgress);
  const { report } = checked;
  if (checked.refusal) return { kind: "refused", report, refusal: checked.refusal };
  if (checked.question) return { kind: "needs-mapping", report, question: checked.question };
  const errors = report.findings.filter((f) => f.severity === "error");
  if (errors.length > 0) return { kind: "blocked", report, errors };
  const { sent, period } = deps;
  const server = deps.client.server;
  const hash = sent ? await gridHash(sentSheets(checked)) : null;
  const last = sent && !deps.resend ? await sent.last(server, period) : null;
  if (last && last.hash === hash) return { kind: "already-sent", report, last };
  const body = submissionBody(checked, period, deps.accepted, deps.locale);
  const key = (deps.newKey ?? (() => crypto.randomUUID()))();
  const r = await deps.client.submit(body, key);
  if (r.ok) {
    if (sent && hash) await sent.remember(server, period, { hash, version: r.value.version, at: new Date().toISOString() });
    return { kind: "submitted", report, created: r.value };
  }
  if (!r.retryable) return { kind: "rejected", report, failure: r };
  const queued = await deps.queue.add({ key, server, period, body, ...(deps.periodLabel ? { periodLabel: deps.periodLabel } : {}), ...(hash ? { gridHash: hash } : {}), ...(deps.host.fileName ? { fileName: deps.host.fileName } : {}), percent: report.percent });
  if (!queued.ok) return { kind: "unsent", report, failure: r, reason: queued.reason };
  return { kind: "queued", report, key, failure: r };
}
