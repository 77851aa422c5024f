import { z } from "zod";
import type { Locale } from "../../shared/index.ts";
import { formatInstant, formatPercent } from "./format.ts";
import { OUTBOX_LIMITS } from "./api/queue.ts";
import { STRINGS } from "./i18n.ts";
import { describeApiFailure, describeQueued, describeUnsent } from "./i18n-runtime.ts";
import { refusalText } from "./i18n-onboarding.ts";
import { REVIEW_STARTED_STRINGS, reviewStartedStage } from "./i18n-review-started.ts";
import type { KeyValueStore } from "./storage.ts";
import type { SubmitOutcome } from "./submit.ts";

/**
 * What the ribbon's buttons last did, kept in user storage by the function file (which has
 * no UI) and shown by the pane when it opens or becomes visible. Submissions keep numbers,
 * so the pane words them in its current language; other outcomes keep the sentence.
 */
export const LAST_OUTCOME_KEY = "parindex.lastOutcome";

export const RIBBON_COMMANDS = ["check", "submit", "consolidate", "settings"] as const;
export type RibbonCommand = (typeof RIBBON_COMMANDS)[number];

export const LastOutcomeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("submitted"),
    at: z.string(),
    percent: z.number(),
    band: z.string().nullable(),
    version: z.number().int(),
    /** Set when the server took the submission but the result sheet could not be written afterwards. */
    note: z.string().optional(),
  }),
  z.object({ kind: z.enum(["queued", "failed", "done"]), at: z.string(), command: z.enum(RIBBON_COMMANDS), text: z.string() }),
]);
export type LastOutcome = z.infer<typeof LastOutcomeSchema>;

/**
 * A submission's outcome as the ribbon records it (sentences in the user's locale at the time).
 * `names`: the unit and period as people name them, for a refusal once the review started (PANE3-4).
 */
export function submitOutcomeRecord(outcome: SubmitOutcome, locale: Locale, at = new Date(), names?: { unit: string; period: string }): LastOutcome {
  const t = STRINGS[locale];
  const base = { at: at.toISOString(), command: "submit" as const };
  switch (outcome.kind) {
    case "submitted": {
      const r = outcome.created.report;
      return { kind: "submitted", at: base.at, percent: r.percent, band: r.band, version: outcome.created.version };
    }
    case "queued":
      return { ...base, kind: "queued", text: describeQueued(outcome.failure, locale) };
    case "unsent":
      return { ...base, kind: "failed", text: `${describeApiFailure(outcome.failure, locale)} ${describeUnsent(outcome.reason, OUTBOX_LIMITS, locale)}` };
    case "rejected":
      if (outcome.failure.code === "REVIEW_STARTED" && names) return { ...base, kind: "failed", text: REVIEW_STARTED_STRINGS[locale][reviewStartedStage(outcome.failure.message)](names.unit, names.period) };
      return { ...base, kind: "failed", text: describeApiFailure(outcome.failure, locale) };
    case "blocked":
      return { ...base, kind: "failed", text: t.blocked(outcome.errors.length) };
    case "needs-mapping":
      return { ...base, kind: "failed", text: t.mapping.openPane };
    case "refused":
      return { ...base, kind: "failed", text: refusalText(outcome.refusal, locale) };
    case "already-sent":
      return { ...base, kind: "done", text: t.alreadySent(outcome.last.version, formatInstant(outcome.last.at)) };
  }
}

export async function rememberOutcome(store: KeyValueStore, outcome: LastOutcome): Promise<void> {
  await store.set(LAST_OUTCOME_KEY, JSON.stringify(outcome));
}

export async function readLastOutcome(store: KeyValueStore): Promise<LastOutcome | null> {
  const text = await store.get(LAST_OUTCOME_KEY);
  if (!text) return null;
  try {
    const parsed = LastOutcomeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One line for the pane: when, and the server's score/band/version or the reason. */
export function describeLastOutcome(o: LastOutcome, locale: Locale): { tone: "ok" | "info" | "error"; when: string; text: string } {
  const t = STRINGS[locale];
  const when = formatInstant(o.at);
  if (o.kind === "submitted") {
    const band = o.band ? ` — ${t.band}: ${o.band}` : "";
    const note = o.note ? ` ${o.note}` : "";
    return { tone: "ok", when, text: `${t.submitted(formatPercent(o.percent, locale), o.version)}${band}${note}` };
  }
  return { tone: o.kind === "failed" ? "error" : o.kind === "queued" ? "info" : "ok", when, text: o.text };
}
