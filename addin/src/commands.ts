import { ApiClient } from "./api/client.ts";
import { flushQueue, SubmissionQueue } from "./api/queue.ts";
import { cachedCriteriaSet } from "./criteria.ts";
import { describeFailure, describeOfficeError } from "./errors.ts";
import { ExcelHost } from "./excel/excel-host.ts";
import { STRINGS } from "./i18n.ts";
import { loadSettings, TOKEN_KEY } from "./settings.ts";
import { readJson, userStore } from "./storage.ts";
import { rememberOutcome, submitOutcomeRecord } from "./last-outcome.ts";
import { submitWorkbook, type AcceptedWarning } from "./submit.ts";

/**
 * Ribbon buttons that run without the pane (function file). Each calls event.completed()
 * in `finally`, or Office keeps the button busy and the next click does nothing. The
 * outcome goes to the "Kết quả kiểm tra" sheet, the shared outbox, and LAST_OUTCOME_KEY,
 * which the pane shows when it opens or becomes visible.
 */
const store = userStore();

async function submitReport(): Promise<void> {
  const settings = await loadSettings(store);
  const t = STRINGS[settings.locale];
  const token = (await store.get(TOKEN_KEY)) ?? "";
  const set = settings.criteriaSetId ? await cachedCriteriaSet(store, settings.criteriaSetId, settings.criteriaSetVersion) : null;
  if (!set || !token || !settings.periodId) return failed("submit", set ? t.needSettings : t.noCriteria);
  const host = new ExcelHost();
  const client = new ApiClient(settings.server, token);
  const queue = new SubmissionQueue(store);
  await flushQueue(queue, (server) => new ApiClient(server, token));
  const accepted = await readJson<AcceptedWarning[]>(store, `parindex.accepted.${set.id}`, []);
  const outcome = await submitWorkbook({ host, set, period: settings.periodId, locale: settings.locale, accepted, client, queue });
  await host.writeResultSheet(outcome.report, settings.locale);
  await rememberOutcome(store, submitOutcomeRecord(outcome, settings.locale));
}

async function pullConsolidated(): Promise<void> {
  const settings = await loadSettings(store);
  const token = (await store.get(TOKEN_KEY)) ?? "";
  const r = await new ApiClient(settings.server, token).ranking(settings.periodId);
  if (!r.ok) return failed("consolidate", describeFailure(r, settings.locale));
  await new ExcelHost().writeConsolidated(r.value, settings.locale);
  await rememberOutcome(store, { kind: "done", command: "consolidate", at: new Date().toISOString(), text: STRINGS[settings.locale].consolidated(r.value.items.length) });
}

function failed(command: "submit" | "consolidate", text: string): Promise<void> {
  return rememberOutcome(store, { kind: "failed", command, at: new Date().toISOString(), text });
}

function command(name: "submit" | "consolidate", run: () => Promise<void>) {
  return async (event: Office.AddinCommands.Event) => {
    try {
      await run();
    } catch (e) {
      await failed(name, describeOfficeError(e, (await loadSettings(store)).locale)).catch(() => {});
    } finally {
      event.completed();
    }
  };
}

Office.onReady(() => {
  Office.actions.associate("submitReport", command("submit", submitReport));
  Office.actions.associate("pullConsolidated", command("consolidate", pullConsolidated));
});
