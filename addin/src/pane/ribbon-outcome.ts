import type { Locale } from "../../../shared/index.ts";
import { QUEUE_KEY } from "../api/queue.ts";
import { LAST_OUTCOME_KEY, readLastOutcome, type LastOutcome } from "../last-outcome.ts";
import type { KeyValueStore } from "../storage.ts";
import { lastOutcomeHtml } from "./render.ts";

/** What the ribbon's buttons last did, as the pane shows it. */
export class RibbonOutcome {
  private last: LastOutcome | null = null;

  constructor(private readonly store: KeyValueStore) {}

  async read(): Promise<void> {
    this.last = await readLastOutcome(this.store);
  }

  /**
   * The ribbon's function file runs apart from the pane and leaves its outcome and the
   * outbox in user storage: show them again whenever the pane becomes visible, or at once
   * when that storage is localStorage (its "storage" event reaches other documents).
   */
  watch(refresh: () => void): void {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") refresh();
    });
    window.addEventListener("storage", (e) => {
      if (e.key === LAST_OUTCOME_KEY || e.key === QUEUE_KEY) refresh();
    });
  }

  html(locale: Locale): string {
    return this.last ? lastOutcomeHtml(this.last, locale) : "";
  }
}
