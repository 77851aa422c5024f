import type { Locale } from "../../../shared/index.ts";
import type { QueuedSubmission, SubmissionQueue } from "../api/queue.ts";
import { describeFailure } from "../errors.ts";
import { formatInstant, formatPercent } from "../format.ts";
import { STRINGS } from "../i18n.ts";
import type { AppSettings } from "../settings.ts";
import { actionButtonHtml, esc } from "./render.ts";

/**
 * The outbox in the pane: submissions waiting to be sent, each named by its period as people
 * name it. Removing one discards a unit's work that never reached the server, so it is asked
 * first, in the row itself (Office add-ins cannot open the browser's confirm()).
 */
export class OutboxPanel {
  /** The key of the submission whose removal is being asked. */
  confirming: string | null = null;

  constructor(private readonly queue: SubmissionQueue) {}

  /** True when the action was the outbox's own (the pane then redraws). */
  async onClick(action: string | undefined, key: string | undefined): Promise<boolean> {
    if (action === "remove-queued" && key) this.confirming = key;
    else if (action === "remove-queued-confirm" && key) {
      await this.queue.remove(key);
      this.confirming = null;
    } else if (action === "remove-queued-cancel") this.confirming = null;
    else return false;
    return true;
  }

  async html(settings: AppSettings, locale: Locale): Promise<string> {
    return outboxHtml(await this.queue.list(), settings, locale, this.confirming);
  }
}

/** The period as people name it: kept with the submission, else the chosen period's label, else its id. */
function periodName(q: QueuedSubmission, settings: AppSettings, locale: Locale): string {
  return q.periodLabel?.[locale] ?? (q.period === settings.periodId ? settings.periodLabel?.[locale] : undefined) ?? q.period;
}

export function outboxHtml(items: QueuedSubmission[], settings: AppSettings, locale: Locale, confirming: string | null): string {
  const t = STRINGS[locale];
  const rows = items
    .map((q) => {
      const actions = rowActions(q, locale, confirming);
      // Named by its file and score, so two rows queued a minute apart can be told apart (PANE3-5).
      const named = [q.fileName, q.percent === undefined ? undefined : formatPercent(q.percent, locale), periodName(q, settings, locale)].filter((x): x is string => Boolean(x)).join(" · ");
      const what = `<span>${esc(named)} — ${esc(formatInstant(q.queuedAt))}</span>`;
      // Refused for good: said in words, and only removing it is offered.
      if (q.rejected) return `<li data-testid="queued" data-rejected="true">${what} <p class="queued-refused" data-testid="queued-refused">${esc(t.queuedRefused(refusedWhy(q.rejected, locale)))}</p> ${actions}</li>`;
      return `<li data-testid="queued">${what} ${actions}</li>`;
    })
    .join("");
  const retry = items.some((q) => !q.rejected) ? actionButtonHtml("retry", t.retry) : "";
  return `<section class="queue-section" aria-labelledby="queue-title"><h2 id="queue-title">${t.queue} (${items.length})</h2>${items.length ? `<ul class="queue">${rows}</ul>${retry}` : `<p>${t.queueEmpty}</p>`}</section>`;
}

/** The server's lasting refusal in words (the code kept with the item). */
function refusedWhy(code: string, locale: Locale): string {
  if (code === "REVIEW_STARTED") return STRINGS[locale].queuedRefusedReview;
  return describeFailure({ ok: false, kind: "http", status: 422, code, retryable: false }, locale);
}

function rowActions(q: QueuedSubmission, locale: Locale, confirming: string | null): string {
  const t = STRINGS[locale];
  const key = `data-key="${esc(q.key)}"`;
  return q.key === confirming
    ? `<p data-testid="remove-confirm">${esc(t.removeQueued)}</p><div class="form-actions">${actionButtonHtml("remove-queued-confirm", t.removeConfirm, { attrs: `size="small" ${key}` })}${actionButtonHtml("remove-queued-cancel", t.cancel, { attrs: `size="small" ${key}` })}</div>`
    : actionButtonHtml("remove-queued", t.remove, { attrs: `size="small" ${key}` });
}

