import { unitWithParent, type Locale } from "../../shared/index.ts";
import { ApiClient, type ClientLimits } from "./api/client.ts";
import { Deadline } from "./api/deadline.ts";
import { flushQueue, SubmissionQueue } from "./api/queue.ts";
import type { RibbonRunner } from "./commands.ts";
import { cachedCriteriaSet } from "./criteria.ts";
import type { WorkbookHost } from "./host.ts";
import { STRINGS } from "./i18n.ts";
import { describeApiFailure, describeRuntimeError, RUNTIME_STRINGS } from "./i18n-runtime.ts";
import { besideNotice } from "./i18n-excel.ts";
import { refusalText } from "./i18n-onboarding.ts";
import { formatPercent } from "./format.ts";
import { rememberOutcome, submitOutcomeRecord, type LastOutcome, type RibbonCommand } from "./last-outcome.ts";
import { AcceptedWarnings } from "./pane/accepted-warnings.ts";
import { loadSettings, TOKEN_KEY, type AppSettings } from "./settings.ts";
import type { KeyValueStore } from "./storage.ts";
import { SentLog } from "./sent-log.ts";
import { loadEngine } from "./engine-loader.ts";

/**
 * The ribbon without a shared runtime: each button runs alone in the function file, which has
 * no UI. It reads what the pane saved in the one store, reads the document's settings fresh
 * (the pane may have confirmed a column mapping since this runtime started), works within
 * the command deadline, and leaves its outcome where the pane shows it. A submission's outcome
 * is recorded before any sheet is touched: a submission the server took is never recorded as
 * failed, so nobody sends it twice.
 */
export interface StandaloneDeps {
  store: KeyValueStore;
  host: WorkbookHost;
  /** `Office.context.document.settings.refreshAsync`: the in-memory copy dates from this runtime's start. */
  refreshDocumentSettings: () => Promise<void>;
  fetchImpl?: typeof fetch;
  budgetMs?: number;
  now?: () => Date;
  /** The language while none was saved (settings.ts firstRunLocale). */
  firstRunLocale?: Locale;
}

export function standaloneRunner(deps: StandaloneDeps): RibbonRunner {
  const now = deps.now ?? (() => new Date());
  const remember = (o: LastOutcome) => rememberOutcome(deps.store, o);
  const failed = (command: RibbonCommand, text: string) => remember({ kind: "failed", command, at: now().toISOString(), text });

  async function withDeadline(work: (limits: ClientLimits, deadline: Deadline) => Promise<void>): Promise<void> {
    const deadline = new Deadline(deps.budgetMs);
    try {
      await work({ deadline: deadline.signal }, deadline);
    } finally {
      deadline.dispose();
    }
  }

  const client = (token: string, limits: ClientLimits) => (server: string) => new ApiClient(server, token, deps.fetchImpl, limits);

  async function criteria(settings: AppSettings) {
    return settings.criteriaSetId ? cachedCriteriaSet(deps.store, settings.criteriaSetId, settings.criteriaSetVersion) : null;
  }

  async function check(settings: AppSettings): Promise<void> {
    const set = await criteria(settings);
    if (!set) return failed("check", STRINGS[settings.locale].noCriteria);
    await deps.refreshDocumentSettings();
    const { checkWorkbook } = await loadEngine();
    const checked = await checkWorkbook(deps.host, set, settings.locale);
    if (checked.refusal) return failed("check", refusalText(checked.refusal, settings.locale));
    if (checked.question) return failed("check", STRINGS[settings.locale].mapping.openPane);
    const written = await deps.host.writeResultSheet(checked.report, settings.locale);
    const count = (severity: string) => checked.report.findings.filter((f) => f.severity === severity).length;
    const text = RUNTIME_STRINGS[settings.locale].ribbon.checked(formatPercent(checked.report.percent, settings.locale), count("error"), count("warning")) + besideNotice(written, settings.locale);
    await remember({ kind: "done", command: "check", at: now().toISOString(), text });
  }

  async function submit(settings: AppSettings, token: string): Promise<void> {
    const t = STRINGS[settings.locale];
    const set = await criteria(settings);
    if (!set || !token || !settings.periodId) return failed("submit", set ? t.needSettings : t.noCriteria);
    await deps.refreshDocumentSettings();
    const accepted = new AcceptedWarnings(deps.store);
    await accepted.load(set.id);
    await withDeadline(async (limits, deadline) => {
      const clientFor = client(token, limits);
      const queue = new SubmissionQueue(deps.store);
      const sent = new SentLog(deps.store);
      await flushQueue(queue, clientFor, deadline, sent);
      // The ribbon has no UI to ask "submit the same file again?": it sends as pressed, and records it for the pane.
      const { submitWorkbook } = await loadEngine();
      const outcome = await submitWorkbook({ host: deps.host, set, period: settings.periodId, periodLabel: settings.periodLabel, locale: settings.locale, accepted: accepted.list(), client: clientFor(settings.server), queue, sent, resend: true });
      const names = { unit: settings.unit ? unitWithParent(settings.unit) : "", period: settings.periodLabel?.[settings.locale] ?? settings.periodId };
      const record = submitOutcomeRecord(outcome, settings.locale, now(), names);
      await remember(record);
      try {
        await deps.host.writeResultSheet(outcome.report, settings.locale);
      } catch (e) {
        const note = RUNTIME_STRINGS[settings.locale].ribbon.sheetNotWritten(describeRuntimeError(e, settings.locale));
        await remember(record.kind === "submitted" ? { ...record, note } : { ...record, text: `${record.text} ${note}` });
      }
    });
  }

  async function consolidate(settings: AppSettings, token: string): Promise<void> {
    await withDeadline(async (limits) => {
      const r = await client(token, limits)(settings.server).ranking(settings.periodId);
      if (!r.ok) return failed("consolidate", describeApiFailure(r, settings.locale));
      const written = await deps.host.writeConsolidated(r.value, settings.locale);
      await remember({ kind: "done", command: "consolidate", at: now().toISOString(), text: STRINGS[settings.locale].consolidated(r.value.items.length, written.name) + besideNotice(written, settings.locale) });
    });
  }

  return async (command) => {
    const settings = await loadSettings(deps.store, deps.firstRunLocale);
    const token = (await deps.store.get(TOKEN_KEY)) ?? "";
    if (command === "check") return check(settings);
    if (command === "submit") return submit(settings, token);
    if (command === "consolidate") return consolidate(settings, token);
    // A function file cannot open the pane: say where Settings is.
    return failed("settings", RUNTIME_STRINGS[settings.locale].ribbon.openPaneForSettings);
  };
}
