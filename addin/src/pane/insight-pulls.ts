import { compareVietnamese, type EvidenceRegister } from "../../../shared/index.ts";
import type { ApiResult } from "../api/client.ts";
import { describeFailure } from "../errors.ts";
import { besideNotice } from "../i18n-excel.ts";
import { INSIGHT_STRINGS } from "../i18n-insight.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import { analysisSheet, historySheet, trendSheet } from "../insight-rows.ts";
import type { OwnSheetSpec } from "../own-sheet.ts";
import { registerSheet } from "../register-rows.ts";
import { insightHtml, resolveUnit, unitOptionsHtml, type InsightResult, type UnitOption } from "./insight-view.ts";
import type { PaneContext } from "./pane-context.ts";

/**
 * The "Phân tích và diễn biến" section's actions: pull weak criteria, the band trend or a
 * unit's years from the Worker into the pane and onto the add-in's own sheets, and export
 * the last check's evidence register to its sheet.
 */
export class InsightPulls {
  /** The last insight pulled from the Worker; the history form's unit; the units to pick from. */
  private insight: InsightResult | null = null;
  private historyUnit = "";
  private unitRole: string | null = null;
  private unitOptions: UnitOption[] | null = null;

  constructor(private readonly pane: PaneContext) {}

  html(): string {
    if (!this.pane.ready) return "";
    return insightHtml({ result: this.insight, unit: this.historyUnit, askUnit: this.unitRole !== "unit" && this.pane.settings.role !== "unit", options: this.unitOptions ?? [] }, this.pane.locale);
  }

  /** Another server, token or period: who is asking and which units to pick may differ. */
  forget(): void {
    this.unitRole = null;
    this.unitOptions = null;
    this.insight = null;
  }

  /** Keep the typed unit across re-renders. */
  onInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    if (input.id === "history-unit") this.historyUnit = input.value;
  }

  onFocus(e: Event): void {
    if ((e.target as HTMLElement).id === "history-unit") void this.loadUnitOptions();
  }

  async analysis(): Promise<void> {
    const { pane } = this;
    await this.pull("[data-action=analysis]", () => pane.client().analysis(pane.settings.periodId), (value) => ({ kind: "analysis", value }), (v) => analysisSheet(v, pane.locale, new Date()));
  }

  async trend(): Promise<void> {
    const { pane } = this;
    await this.pull("[data-action=trend]", () => pane.client().trend(pane.settings.periodId), (value) => ({ kind: "trend", value }), (v) => trendSheet(v, pane.locale, new Date()));
  }

  /** The typed unit, else the token's own unit (GET /v1/me); a unit token is never asked again. */
  async history(): Promise<void> {
    const { pane } = this;
    const focus = "#history-form [type=submit]";
    const typed = resolveUnit(this.historyUnit, this.unitOptions ?? []);
    if (typed === null) {
      // A name in no list: say so, and take the previous unit's years off the screen.
      this.insight = null;
      await pane.say("error", ONBOARDING_STRINGS[pane.locale].input.wrongUnit(this.historyUnit.trim()));
      pane.root.querySelector<HTMLElement>("#history-unit")?.focus();
      return;
    }
    await this.pull(
      focus,
      async () => {
        if (typed) return pane.client().history(typed);
        const me = await pane.client().me();
        if (!me.ok) return me;
        this.unitRole = me.value.role;
        if (!me.value.unit) return { ok: false, kind: "http", status: null, code: "UNIT_REQUIRED", retryable: false };
        return pane.client().history(me.value.unit.id);
      },
      (value) => ({ kind: "history", value }),
      (v) => historySheet(v, pane.locale, new Date()),
    );
    if (pane.status?.kind === "error" && !this.historyUnit) pane.root.querySelector<HTMLElement>("#history-unit")?.focus();
  }

  async exportRegister(register: EvidenceRegister | null): Promise<void> {
    if (!register) return;
    await this.pane.guard(() => this.writeSheet(registerSheet(register, this.pane.locale, new Date())));
    this.pane.root.querySelector<HTMLElement>("[data-action=export-register]")?.focus();
  }

  /**
   * Pull one insight from the Worker, show it in the pane and write its own sheet, in one
   * user action; 403/404/offline become the status line. Focus returns to the button pressed.
   */
  private async pull<T>(focus: string, get: () => Promise<ApiResult<T>>, show: (value: T) => InsightResult, sheet: (value: T) => OwnSheetSpec): Promise<void> {
    const { pane } = this;
    if (!pane.ready) return void (await pane.say("error", pane.t.needSettings));
    await pane.guard(async () => {
      const r = await get();
      if (!r.ok) {
        // Never leave the previous answer (another unit's years) under a sentence about this one.
        this.insight = null;
        return void (pane.status = { kind: "error", text: describeFailure(r, pane.locale) });
      }
      this.insight = show(r.value);
      const spec = sheet(r.value);
      pane.status = null;
      await this.writeSheet(spec);
    }, INSIGHT_STRINGS[pane.locale].loading);
    pane.root.querySelector<HTMLElement>(focus)?.focus();
  }

  private async writeSheet(spec: OwnSheetSpec): Promise<void> {
    const written = await this.pane.host.writeOwnSheet(spec, this.pane.locale);
    this.pane.status = { kind: "ok", text: INSIGHT_STRINGS[this.pane.locale].written(written.name) + besideNotice(written, this.pane.locale) };
  }

  /** Units to pick from, for reviewers and admins: the period's ranking (a unit token gets none, quietly). */
  private async loadUnitOptions(): Promise<void> {
    const { pane } = this;
    if (this.unitOptions || !pane.ready) return;
    this.unitOptions = [];
    const r = await pane.client().ranking(pane.settings.periodId);
    if (!r.ok) return;
    this.unitOptions = r.value.items.map((i) => ({ id: i.unit, name: i.unitName })).sort((a, b) => compareVietnamese(a.name, b.name));
    const list = pane.root.querySelector("#unit-options");
    if (list) list.innerHTML = unitOptionsHtml(this.unitOptions);
  }
}
