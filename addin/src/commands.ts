import { ApiClient } from "./api/client.ts";
import { flushQueue, SubmissionQueue } from "./api/queue.ts";
import { cachedCriteriaSet } from "./criteria.ts";
import { describeFailure, describeOfficeError } from "./errors.ts";
import { ExcelHost } from "./excel/excel-host.ts";
import { STRINGS } from "./i18n.ts";
import { loadSettings, TOKEN_KEY } from "./settings.ts";
import { readJson, userStore } from "./storage.ts";
import { submitWorkbook, type AcceptedWarning } from "./submit.ts";

/**
 * Ribbon buttons that run without the pane (function file). Each calls event.completed()
 * in `finally`, or Office keeps the button busy and the next click does nothing. The
 * outcome goes to the "Kết quả kiểm tra" sheet's first rows and the shared outbox.
 */
const store = userStore();
export const LAST_OUTCOME_KEY = "parindex.lastOutcome";

async function remember(text: string): Promise<void> {
  await store.set(LAST_OUTCOME_KEY, JSON.stringify({ at: new Date().toISOString(), text }));
}

async function submitReport(): Promise<void> {
  const settings = await loadSettings(store);
  const t = STRINGS[settings.locale];
  const token = (await store.get(TOKEN_KEY)) ?? "";
  const set = settings.criteriaSetId ? await cachedCriteriaSet(store, settings.criteriaSetId, settings.criteriaSetVersion) : null;
  if (!set || !token || !settings.periodId) return remember(set ? t.needSettings : t.noCriteria);
  const host = new ExcelHost();
  const client = new ApiClient(settings.server, token);
  const queue = new SubmissionQueue(store);
  await flushQueue(queue, (server) => new ApiClient(server, token));
  const accepted = await readJson<AcceptedWarning[]>(store, `parindex.accepted.${set.id}`, []);
  const outcome = await submitWorkbook({ host, set, period: settings.periodId, locale: settings.locale, accepted, client, queue });
  await host.writeResultSheet(outcome.report, settings.locale);
  if (outcome.kind === "submitted") return remember(t.submitted(String(outcome.created.report.percent), outcome.created.version));
  if (outcome.kind === "blocked") return remember(t.blocked(outcome.errors.length));
  return remember(`${describeFailure(outcome.failure, settings.locale)}${outcome.kind === "queued" ? ` ${t.queued}` : ""}`);
}

async function pullConsolidated(): Promise<void> {
  const settings = await loadSettings(store);
  const token = (await store.get(TOKEN_KEY)) ?? "";
  const r = await new ApiClient(settings.server, token).ranking(settings.periodId);
  if (!r.ok) return remember(describeFailure(r, settings.locale));
  await new ExcelHost().writeConsolidated(r.value, settings.locale);
  await remember(STRINGS[settings.locale].consolidated(r.value.items.length));
}

function command(run: () => Promise<void>) {
  return async (event: Office.AddinCommands.Event) => {
    try {
      await run();
    } catch (e) {
      await remember(describeOfficeError(e, (await loadSettings(store)).locale)).catch(() => {});
    } finally {
      event.completed();
    }
  };
}

Office.onReady(() => {
  Office.actions.associate("submitReport", command(submitReport));
  Office.actions.associate("pullConsolidated", command(pullConsolidated));
});
