import type { Locale } from "../../../shared/index.ts";
import { QUEUE_KEY } from "../api/queue.ts";
import { LAST_OUTCOME_KEY, readLastOutcome, type LastOutcome } from "../last-outcome.ts";
import type { KeyValueStore } from "../storage.ts";
import type { View } from "./chrome-view.ts";
import { lastOutcomeHtml } from "./render.ts";

/**
 * The view a ribbon action under the shared runtime shows: the main one, where its score,
 * findings and status are drawn. Left on *Cài đặt*, *Trợ giúp* or *Quản trị*, a clean check
 * wrote its sheet and said nothing the user could see. Without a sign-in the first run stays.
 */
export function ribbonView(view: View, signedIn: boolean): View {
  return signedIn ? "main" : view;
}

/** What the ribbon's buttons last did, as the pane shows it. */
export class RibbonOutcome {
  private last: LastOutcome | null = null;

  constructor(private readonly store: KeyValueStore) {}

  async read(): Promise<void> {
    this.last = await readLastOutcome(this.store);
  }

  /**
   * Without a shared runtime the ribbon's function file runs apart from the pane and leaves
   * its outcome and the outbox in the one store: show them again whenever the pane becomes
   * visible, and at once when the store tells (localStorage's "storage" event reaches the
   * other documents of the add-in's origin, under the same partition key).
   */
  watch(refresh: () => void): void {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") refresh();
    });
    this.store.watch?.([LAST_OUTCOME_KEY, QUEUE_KEY], refresh);
  }

  html(locale: Locale): string {
    return this.last ? lastOutcomeHtml(this.last, locale) : "";
  }
}
