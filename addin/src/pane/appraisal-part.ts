import { z } from "zod";
import { combineScores, formatNumber, indexCriteria, type CriteriaSet, type LeafScore, type Locale } from "../../../shared/index.ts";
import type { ApiClient, ApiFailure, ApiResult } from "../api/client.ts";
import { formatPercent } from "../format.ts";
import { APPRAISAL_STRINGS, type ReviewStage } from "../i18n-appraisal.ts";
import type { KeyValueStore } from "../storage.ts";
import { esc, fieldHtml } from "./render.ts";

/** GET /v1/periods/{id}/units/{unit}/appraisal as the pane reads it (a unit token reads its own unit's). */
export const AppraisalViewSchema = z.object({
  period: z.string(),
  unit: z.string(),
  status: z.enum(["not_submitted", "submitted", "under_review", "returned_for_explanation", "explained", "final"]),
  turn: z.string(),
  round: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      max: z.number(),
      score: z.number(),
      appraised: z.number().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
export type AppraisalView = z.infer<typeof AppraisalViewSchema>;

/** What was typed, per criterion, and the key its sending carries (one key per draft: a resend after a lost answer is the same step). */
interface Draft {
  key: string;
  items: Record<string, { text: string; evidence: string }>;
}

const draftKey = (period: string, unit: string) => `cchc.explanation-draft:${period}:${unit}`;

export interface UnitSide {
  client: ApiClient;
  store: KeyValueStore;
  period: string;
  unit: string;
  /** As people name them (the pane's context line). */
  unitName: string;
  periodName: string;
}

/**
 * The unit's side of the appraisal in the main view (PANE3-1): the stage its file is at; when
 * returned for explanation, each appraised criterion whose score differs from the self-score,
 * with the reviewer's comment and a box for the explanation; one button sends them all as the
 * `explain` step. What is typed is kept in the pane's own store (never the workbook) until the
 * server took it, so a failed send or a closed pane loses nothing. Loaded lazily (app.ts).
 */
export class AppraisalPanel {
  view: AppraisalView | null = null;
  /** Why the stage could not be read (null: read, or not asked). */
  failed = false;
  private draft: Draft | null = null;
  /** After a sending the server took: said in the panel until the stage changes. */
  private sentCount: number | null = null;

  constructor(private readonly side: UnitSide) {}

  /** Same unit and period: the panel stays (a re-render keeps its drafts). */
  isFor(period: string, unit: string): boolean {
    return this.side.period === period && this.side.unit === unit;
  }

  async refresh(): Promise<ApiResult<AppraisalView>> {
    const { client, period, unit } = this.side;
    const r = await client.appraisal(period, unit, AppraisalViewSchema);
    // Offline says nothing here (the pane says it where an action needs the server); a server that answered with an error is said.
    this.failed = !r.ok && r.kind !== "offline" && r.status !== 404;
    if (r.ok) {
      if (r.value.status !== this.view?.status) this.sentCount = null;
      this.view = r.value;
    }
    this.draft ??= await this.readDraft();
    return r;
  }

  private async readDraft(): Promise<Draft> {
    const raw = await this.side.store.get(draftKey(this.side.period, this.side.unit));
    try {
      const d = raw ? (JSON.parse(raw) as Draft) : null;
      if (d && typeof d.key === "string" && d.items && typeof d.items === "object") return d;
    } catch {
      /* a damaged draft is started again */
    }
    return { key: crypto.randomUUID(), items: {} };
  }

  /** A keystroke in an explanation box: kept at once, so a redraw or a closed pane keeps it. */
  async onInput(target: EventTarget | null): Promise<boolean> {
    const field = target as { dataset?: DOMStringMap; value?: unknown } | null;
    const code = field?.dataset?.explainCode;
    const part = field?.dataset?.explainPart;
    if (!this.draft || !code || (part !== "text" && part !== "evidence") || typeof field?.value !== "string") return false;
    const item = (this.draft.items[code] ??= { text: "", evidence: "" });
    item[part] = field.value;
    await this.side.store.set(draftKey(this.side.period, this.side.unit), JSON.stringify(this.draft));
    return true;
  }

  /** The criteria to explain: appraised, with a score other than the self-score. */
  reductions(): AppraisalView["items"] {
    return (this.view?.items ?? []).filter((i) => i.appraised !== null && i.appraised !== i.score);
  }

  /** Sends what was typed as one `explain` step; the text the user wrote stays until the server took it. */
  async send(locale: Locale, describe: (f: ApiFailure) => string): Promise<{ kind: "ok" | "error"; text: string }> {
    const s = APPRAISAL_STRINGS[locale];
    const draft = this.draft ?? (this.draft = await this.readDraft());
    const explanations = this.reductions()
      .map((i) => ({ code: i.code, text: draft.items[i.code]?.text.trim() ?? "", evidence: draft.items[i.code]?.evidence.trim() ?? "" }))
      .filter((x) => x.text !== "")
      .map(({ code, text, evidence }) => (evidence ? { code, text, evidence } : { code, text }));
    if (explanations.length === 0) return { kind: "error", text: s.nothingTyped };
    const { client, period, unit, store } = this.side;
    const r = await client.explain(period, unit, explanations, draft.key, AppraisalViewSchema);
    if (!r.ok) return { kind: "error", text: `${describe(r)} ${s.keptDraft}` };
    this.view = r.value;
    this.sentCount = explanations.length;
    this.draft = { key: crypto.randomUUID(), items: {} };
    await store.remove(draftKey(period, unit));
    return { kind: "ok", text: s.sent(explanations.length) };
  }

  html(locale: Locale, set: CriteriaSet | null): string {
    const s = APPRAISAL_STRINGS[locale];
    const head = `<h2 id="appraisal-title">${s.title}</h2>`;
    const wrap = (body: string, stage: string) => `<section class="appraisal-section" aria-labelledby="appraisal-title" data-testid="appraisal" data-stage="${stage}">${head}${body}</section>`;
    if (!this.view) return this.failed ? wrap(`<p>${esc(s.unreadable)}</p>`, "unknown") : "";
    const status = this.view.status;
    if (status === "not_submitted") return "";
    const { unitName, periodName } = this.side;
    const stage = status as ReviewStage;
    const line = stage === "under_review" ? s.stage.under_review(unitName, periodName, this.view.round) : s.stage[stage](unitName, periodName);
    if (stage === "explained" && this.sentCount !== null) return wrap(`<p data-testid="appraisal-stage">${esc(s.sent(this.sentCount))}</p>`, stage);
    if (stage === "final") return wrap(`<p data-testid="appraisal-stage">${esc(line)}</p>${this.finalHtml(locale, set)}`, stage);
    if (stage !== "returned_for_explanation") return wrap(`<p data-testid="appraisal-stage">${esc(line)}</p>`, stage);
    return wrap(`<p data-testid="appraisal-stage">${esc(line)}</p>${this.formHtml(locale, set)}`, stage);
  }

  private formHtml(locale: Locale, set: CriteriaSet | null): string {
    const s = APPRAISAL_STRINGS[locale];
    const items = this.reductions();
    if (items.length === 0) return `<p>${esc(s.noReductions)}</p>`;
    const titles = set ? indexCriteria(set).byCode : null;
    const rows = items
      .map((i) => {
        const typed = this.draft?.items[i.code] ?? { text: "", evidence: "" };
        const id = `explain-${i.code.replace(/\./g, "-")}`;
        const title = titles?.get(i.code)?.title ?? "";
        const scores = `${formatNumber(i.score, locale)} → ${formatNumber(i.appraised ?? i.score, locale)} / ${formatNumber(i.max, locale)}`;
        const attrs = (part: string) => `data-explain-code="${esc(i.code)}" data-explain-part="${part}"`;
        return (
          `<li class="appraisal-item" data-testid="appraisal-item" data-code="${esc(i.code)}">` +
          `<p><strong>${esc(i.code)}</strong>${title ? ` ${esc(title)}` : ""}</p>` +
          `<p>${esc(s.columns.scores)}: <span data-testid="appraisal-scores">${esc(scores)}</span></p>` +
          `<p>${esc(s.columns.comment)}: <span data-testid="appraisal-comment">${esc(i.comment ?? s.noComment)}</span></p>` +
          fieldHtml(id, s.explanation(i.code), `<textarea slot="input" id="${id}" name="text-${esc(i.code)}" rows="3" maxlength="5000" ${attrs("text")}>${esc(typed.text)}</textarea>`) +
          fieldHtml(`${id}-evidence`, s.evidence(i.code), `<input slot="input" id="${id}-evidence" name="evidence-${esc(i.code)}" maxlength="2000" aria-describedby="${id}-evidence-hint" value="${esc(typed.evidence)}" ${attrs("evidence")}>`, s.evidenceHint) +
          `</li>`
        );
      })
      .join("");
    return `<form id="explain-form"><ul class="appraisal-items">${rows}</ul><div class="form-actions"><fluent-button type="submit" appearance="primary" data-testid="send-explanation">${esc(s.send)}</fluent-button></div></form>`;
  }

  /** The appraised total of what the unit assessed itself (the set's own arithmetic), beside the self-score. */
  private finalHtml(locale: Locale, set: CriteriaSet | null): string {
    if (!set || !this.view) return "";
    const index = indexCriteria(set);
    const leaves = (pick: (i: AppraisalView["items"][number]) => number) =>
      new Map<string, LeafScore>(this.view!.items.filter((i) => index.byCode.get(i.code)?.isLeaf).map((i) => [i.code, { cents: Math.round(pick(i) * 100) }]));
    const appraised = combineScores(index, leaves((i) => i.appraised ?? i.score)).selfAssessable;
    const self = combineScores(index, leaves((i) => i.score)).selfAssessable;
    const s = APPRAISAL_STRINGS[locale];
    return `<p data-testid="appraisal-final">${esc(s.finalScore(formatNumber(appraised.score, locale), formatNumber(self.score, locale), formatNumber(appraised.max, locale), formatPercent(appraised.percent, locale)))}</p>`;
  }
}
