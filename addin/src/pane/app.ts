import { evidenceRegister, type CriteriaSet, type EvidenceRegister, type Locale, type Report } from "../../../shared/index.ts";
import { ApiClient } from "../api/client.ts";
import { flushQueue, SubmissionQueue } from "../api/queue.ts";
import { loadCriteriaSet } from "../criteria.ts";
import { describeFailure, describeOfficeError } from "../errors.ts";
import type { WorkbookHost } from "../host.ts";
import { STRINGS } from "../i18n.ts";
import { loadSettings, saveSettings, TOKEN_KEY, type AppSettings } from "../settings.ts";
import { readJson, type KeyValueStore } from "../storage.ts";
import { checkWorkbook, submitWorkbook, warningKey, type AcceptedWarning } from "../submit.ts";
import { loadConfirmedHeaders, mappingAnswer, questionFor, resetConfirmedHeaders, saveConfirmedHeader, type MappingQuestion } from "../column-mapping.ts";
import { LAST_OUTCOME_KEY, readLastOutcome, type LastOutcome } from "../last-outcome.ts";
import { QUEUE_KEY } from "../api/queue.ts";
import type { Grid } from "../../../shared/index.ts";
import { defaultTarget, plannerHtml } from "./planner-view.ts";
import { registerHtml } from "./register-view.ts";
import { insightHtml, resolveUnit, unitOptionsHtml, type InsightResult, type UnitOption } from "./insight-view.ts";
import { INSIGHT_STRINGS } from "../i18n-insight.ts";
import { analysisSheet, historySheet, trendSheet } from "../insight-rows.ts";
import { registerSheet } from "../register-rows.ts";
import type { ApiResult } from "../api/client.ts";
import type { OwnSheetSpec } from "../own-sheet.ts";
import { esc, findingsHtml, lastOutcomeHtml, lostPointsHtml, mappingFormHtml, queueHtml, summaryHtml, type Filter } from "./render.ts";

type Status = { kind: "info" | "ok" | "error"; text: string } | null;

/** The task pane: one object, re-rendered from its state; the same code runs in Excel and in the harness. */
export class PaneApp {
  private settings!: AppSettings;
  private token = "";
  private set: CriteriaSet | null = null;
  private report: Report | null = null;
  private filter: Filter = "all";
  private accepted = new Map<string, AcceptedWarning>();
  private accepting: string | null = null;
  private status: Status = null;
  private progress: string | null = null;
  private view: "main" | "settings" = "main";
  private readonly queue: SubmissionQueue;
  /** Asked when header detection is unsure; replaces the report until answered. */
  private question: MappingQuestion | null = null;
  private mappingProblem: string | null = null;
  private focusMapping = false;
  private grid: Grid | null = null;
  private lastOutcome: LastOutcome | null = null;
  private confirmedSheets = 0;
  /** The target index as typed (null: the next band's minimum); the register of the last check. */
  private target: string | null = null;
  private register: EvidenceRegister | null = null;
  private registerOpen = false;
  /** The last insight pulled from the Worker; the history form's unit; the units to pick from. */
  private insight: InsightResult | null = null;
  private historyUnit = "";
  private unitRole: string | null = null;
  private unitOptions: UnitOption[] | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: WorkbookHost,
    private readonly store: KeyValueStore,
  ) {
    this.queue = new SubmissionQueue(store);
    root.addEventListener("click", (e) => void this.onClick(e));
    root.addEventListener("submit", (e) => void this.onSubmit(e));
    root.addEventListener("input", (e) => {
      const input = e.target as HTMLInputElement;
      if (input.id === "history-unit") this.historyUnit = input.value;
    });
    root.addEventListener("focusin", (e) => {
      if ((e.target as HTMLElement).id === "history-unit") void this.loadUnitOptions();
    });
    root.addEventListener("change", (e) => {
      this.onPeriodPicked(e);
      void this.onHeaderRowChanged(e);
    });
  }

  private get t() {
    return STRINGS[this.locale];
  }
  get locale(): Locale {
    return this.settings?.locale ?? "vi";
  }

  async start(action: string | null): Promise<void> {
    this.settings = await loadSettings(this.store);
    this.token = (await this.store.get(TOKEN_KEY)) ?? "";
    this.set = await this.loadSet();
    if (action === "settings") this.view = "settings";
    this.lastOutcome = await readLastOutcome(this.store);
    this.watchRibbon();
    await this.render();
    if (action === "check") await this.check();
  }

  /**
   * The ribbon's function file runs apart from the pane and leaves its outcome and the
   * outbox in user storage: show them again whenever the pane becomes visible, or at once
   * when that storage is localStorage (its "storage" event reaches other documents).
   */
  private watchRibbon(): void {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") void this.refresh();
    });
    window.addEventListener("storage", (e) => {
      if (e.key === LAST_OUTCOME_KEY || e.key === QUEUE_KEY) void this.refresh();
    });
  }

  async refresh(): Promise<void> {
    this.lastOutcome = await readLastOutcome(this.store);
    await this.render();
  }

  /** A criteria set given directly (the harness's file picker). */
  async useCriteriaSet(set: CriteriaSet): Promise<void> {
    this.set = set;
    await this.render();
  }

  private client(): ApiClient {
    return new ApiClient(this.settings.server, this.token);
  }

  private async loadSet(): Promise<CriteriaSet | null> {
    if (!this.settings.criteriaSetId) return this.set;
    const r = await loadCriteriaSet(this.store, this.token ? this.client() : null, this.settings.criteriaSetId, this.settings.criteriaSetVersion);
    if (r && "ok" in r) {
      this.status = { kind: "error", text: describeFailure(r, this.locale) };
      return this.set;
    }
    if (r) this.accepted = new Map((await readJson<AcceptedWarning[]>(this.store, `parindex.accepted.${r.id}`, [])).map((a) => [warningKey(a), a]));
    return r ?? this.set;
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.status = { kind: "error", text: describeOfficeError(e, this.locale) };
    } finally {
      this.progress = null;
      await this.render();
    }
  }

  async check(): Promise<void> {
    if (!this.set) return void (await this.say("error", this.t.noCriteria));
    const set = this.set;
    await this.guard(async () => {
      const checked = await checkWorkbook(this.host, set, this.locale, (p) => void this.showProgress(p.step, p.of));
      this.grid = checked.grid;
      this.register = null;
      if (checked.question) return this.ask(checked.question);
      this.question = null;
      this.report = checked.report;
      this.register = evidenceRegister(checked.grid, set, checked.report, { confirmedHeaders: checked.confirmedHeaders });
      this.status = null;
      await this.host.writeResultSheet(checked.report, this.locale);
    });
  }

  async submit(): Promise<void> {
    if (!this.set) return void (await this.say("error", this.t.noCriteria));
    if (!this.settings.server || !this.token || !this.settings.periodId) return void (await this.say("error", this.t.needSettings));
    const set = this.set;
    await this.guard(async () => {
      await this.retryQueue(false);
      const outcome = await submitWorkbook({ host: this.host, set, period: this.settings.periodId, locale: this.locale, accepted: [...this.accepted.values()], client: this.client(), queue: this.queue, onProgress: (p) => void this.showProgress(p.step, p.of) });
      if (outcome.kind === "needs-mapping") return this.ask(outcome.question);
      this.report = outcome.report;
      if (outcome.kind === "blocked") this.status = { kind: "error", text: `${this.t.blocked(outcome.errors.length)} ${outcome.errors.map((e) => e.criterion ?? e.code).join(", ")}` };
      else if (outcome.kind === "submitted") this.status = { kind: "ok", text: this.t.submitted(String(outcome.created.report.percent).replace(".", this.locale === "vi" ? "," : "."), outcome.created.version) };
      else if (outcome.kind === "queued") this.status = { kind: "info", text: `${describeFailure(outcome.failure, this.locale)} ${this.t.queued}` };
      else this.status = { kind: "error", text: describeFailure(outcome.failure, this.locale) };
    });
  }

  /** Show the mapping form instead of a report scored from a guessed header. */
  private ask(question: MappingQuestion): void {
    this.question = question;
    this.report = null;
    this.mappingProblem = null;
    this.focusMapping = true;
    this.status = null;
  }

  async retryQueue(render = true): Promise<void> {
    const r = await flushQueue(this.queue, (server) => new ApiClient(server, this.token));
    if (r.delivered.length) this.status = { kind: "ok", text: this.t.delivered(r.delivered.length) };
    else if (r.failed[0]) this.status = { kind: "error", text: describeFailure(r.failed[0].failure, this.locale) };
    if (render) await this.render();
  }

  async consolidate(): Promise<void> {
    if (!this.settings.server || !this.token || !this.settings.periodId) return void (await this.say("error", this.t.needSettings));
    await this.guard(async () => {
      const r = await this.client().ranking(this.settings.periodId);
      if (!r.ok) return void (this.status = { kind: "error", text: describeFailure(r, this.locale) });
      await this.host.writeConsolidated(r.value, this.locale);
      this.status = { kind: "ok", text: this.t.consolidated(r.value.items.length) };
    });
  }

  private get ready(): boolean {
    return Boolean(this.settings.server && this.token && this.settings.periodId);
  }

  /**
   * Pull one insight from the Worker, show it in the pane and write its own sheet, in one
   * user action; 403/404/offline become the status line. Focus returns to the button pressed.
   */
  private async pull<T>(focus: string, get: () => Promise<ApiResult<T>>, show: (value: T) => InsightResult, sheet: (value: T) => OwnSheetSpec): Promise<void> {
    if (!this.ready) return void (await this.say("error", this.t.needSettings));
    this.progress = INSIGHT_STRINGS[this.locale].loading;
    await this.render();
    await this.guard(async () => {
      const r = await get();
      if (!r.ok) return void (this.status = { kind: "error", text: describeFailure(r, this.locale) });
      this.insight = show(r.value);
      const spec = sheet(r.value);
      this.status = null;
      await this.host.writeOwnSheet(spec, this.locale);
      this.status = { kind: "ok", text: INSIGHT_STRINGS[this.locale].written(spec.name) };
    });
    this.root.querySelector<HTMLElement>(focus)?.focus();
  }

  async analysis(): Promise<void> {
    await this.pull("[data-action=analysis]", () => this.client().analysis(this.settings.periodId), (value) => ({ kind: "analysis", value }), (v) => analysisSheet(v, this.locale, new Date()));
  }

  async trend(): Promise<void> {
    await this.pull("[data-action=trend]", () => this.client().trend(this.settings.periodId), (value) => ({ kind: "trend", value }), (v) => trendSheet(v, this.locale, new Date()));
  }

  /** The typed unit, else the token's own unit (GET /v1/me); a unit token is never asked again. */
  async history(): Promise<void> {
    const focus = "#history-form button[type=submit]";
    await this.pull(
      focus,
      async () => {
        const typed = resolveUnit(this.historyUnit, this.unitOptions ?? []);
        if (typed) return this.client().history(typed);
        const me = await this.client().me();
        if (!me.ok) return me;
        this.unitRole = me.value.role;
        if (!me.value.unit) return { ok: false, kind: "http", status: null, code: "UNIT_REQUIRED", retryable: false };
        return this.client().history(me.value.unit.id);
      },
      (value) => ({ kind: "history", value }),
      (v) => historySheet(v, this.locale, new Date()),
    );
    if (this.status?.kind === "error" && !this.historyUnit) this.root.querySelector<HTMLElement>("#history-unit")?.focus();
  }

  /** Units to pick from, for reviewers and admins: the period's ranking (a unit token gets none, quietly). */
  private async loadUnitOptions(): Promise<void> {
    if (this.unitOptions || !this.ready) return;
    this.unitOptions = [];
    const r = await this.client().ranking(this.settings.periodId);
    if (!r.ok) return;
    this.unitOptions = r.value.items.map((i) => ({ id: i.unit, name: i.unitName })).sort((a, b) => a.name.localeCompare(b.name, "vi"));
    const list = this.root.querySelector("#unit-options");
    if (list) list.innerHTML = unitOptionsHtml(this.unitOptions);
  }

  async exportRegister(): Promise<void> {
    const register = this.register;
    if (!register) return;
    await this.guard(async () => {
      const spec = registerSheet(register, this.locale, new Date());
      await this.host.writeOwnSheet(spec, this.locale);
      this.status = { kind: "ok", text: INSIGHT_STRINGS[this.locale].written(spec.name) };
    });
    this.root.querySelector<HTMLElement>("[data-action=export-register]")?.focus();
  }

  private async say(kind: "info" | "ok" | "error", text: string): Promise<void> {
    this.status = { kind, text };
    await this.render();
  }

  private async showProgress(step: number, of: number): Promise<void> {
    this.progress = this.t.reading(step, of);
    const el = this.root.querySelector<HTMLElement>("[data-testid=progress]");
    if (el) el.textContent = this.progress;
    else await this.render();
  }

  private async onClick(e: Event): Promise<void> {
    const button = (e.target as HTMLElement).closest<HTMLElement>("[data-action]");
    if (!button) return;
    const { action, cell, key, filter } = button.dataset;
    if (action === "select" && cell) return this.guard(() => this.host.selectCell(cell));
    if (action === "check") return this.check();
    if (action === "submit") return this.submit();
    if (action === "consolidate") return this.consolidate();
    if (action === "analysis") return this.analysis();
    if (action === "trend") return this.trend();
    if (action === "export-register") return this.exportRegister();
    if (action === "retry") return this.guard(() => this.retryQueue(false));
    if (action === "remove-queued" && key) await this.queue.remove(key);
    if (action === "filter") this.filter = filter as Filter;
    if (action === "accept") this.accepting = key ?? null;
    if (action === "cancel-accept") this.accepting = null;
    if (action === "toggle-register") this.registerOpen = !this.registerOpen;
    if (action === "settings") this.view = this.view === "settings" ? "main" : "settings";
    if (action === "language") {
      this.settings = { ...this.settings, locale: this.locale === "vi" ? "en" : "vi" };
      await saveSettings(this.store, this.settings);
      if (this.report && this.set) return this.check();
    }
    if (action === "load-periods") return this.loadPeriods();
    if (action === "reset-mapping") {
      await resetConfirmedHeaders(this.host);
      this.status = { kind: "ok", text: this.t.mapping.resetDone };
    }
    await this.render();
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    if (form.id === "mapping-form" && this.question) return this.confirmMapping(this.question.sheet, data);
    if (form.id === "history-form") return this.history();
    if (form.id === "target-form") {
      this.target = String(data.get("target") ?? "");
      await this.render();
      return void this.root.querySelector<HTMLInputElement>("#target-input")?.focus();
    }
    if (form.classList.contains("accept-form") && this.report && this.set) {
      const finding = this.report.findings.find((f) => warningKey(f) === form.dataset.key);
      const reason = String(data.get("reason") ?? "").trim();
      if (!finding || !reason) return;
      const a: AcceptedWarning = { code: finding.code, reason, ...(finding.criterion ? { criterion: finding.criterion } : {}), ...(finding.cell ? { cell: finding.cell } : {}) };
      this.accepted.set(warningKey(a), a);
      this.accepting = null;
      await this.store.set(`parindex.accepted.${this.set.id}`, JSON.stringify([...this.accepted.values()]));
    } else if (form.id === "settings-form") {
      const [criteriaSetId, version] = String(data.get("criteriaSet") ?? "").split("@");
      this.settings = { ...this.settings, server: String(data.get("server") ?? "").trim(), periodId: String(data.get("period") ?? "").trim(), criteriaSetId: criteriaSetId ?? "", criteriaSetVersion: version ? Number(version) : null };
      this.token = String(data.get("token") ?? "").trim();
      await saveSettings(this.store, this.settings);
      await this.store.set(TOKEN_KEY, this.token);
      this.set = await this.loadSet();
      // Another server, token or period: who is asking and which units to pick may differ.
      this.unitRole = null;
      this.unitOptions = null;
      this.insight = null;
      this.view = "main";
    }
    await this.render();
  }

  private async confirmMapping(sheet: string, data: FormData): Promise<void> {
    const answer = mappingAnswer(sheet, Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)])));
    if (!answer.ok) {
      this.mappingProblem = this.t.mapping.problems[answer.problem];
      return this.render();
    }
    const saved = await saveConfirmedHeader(this.host, answer.header);
    this.question = null;
    await this.check();
    if (!this.question && this.report) await this.say("ok", this.t.mapping.saved(saved.length));
  }

  /** A new header row relabels the column choices from that row. */
  private async onHeaderRowChanged(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    if (!this.question || !this.grid || input.form?.id !== "mapping-form" || !["headerTop", "headerBottom"].includes(input.name)) return;
    const data = new FormData(input.form);
    const top = Number(data.get("headerTop")) - 1;
    const bottom = input.name === "headerTop" ? top : Number(data.get("headerBottom")) - 1;
    const sheet = this.grid.sheets.find((s) => s.name === this.question!.sheet);
    if (!sheet || !Number.isInteger(top) || !Number.isInteger(bottom) || top < 0 || bottom < top || bottom - top > 1) return;
    this.question = questionFor(sheet, top, bottom, this.set?.year);
    await this.render();
    this.root.querySelector<HTMLInputElement>(`#mapping-form [name=${input.name}]`)?.focus();
  }

  /** Picking a period fills in its criteria set (the value is "period|set@version"). */
  private onPeriodPicked(e: Event): void {
    const select = e.target as HTMLSelectElement;
    if (select.id !== "period-select" || !select.form) return;
    const [period, set] = select.value.split("|");
    (select.form.elements.namedItem("period") as HTMLInputElement).value = period ?? "";
    (select.form.elements.namedItem("criteriaSet") as HTMLInputElement).value = set ?? "";
  }

  private async loadPeriods(): Promise<void> {
    const form = this.root.querySelector<HTMLFormElement>("#settings-form");
    if (form) {
      const data = new FormData(form);
      this.settings = { ...this.settings, server: String(data.get("server") ?? "").trim() };
      this.token = String(data.get("token") ?? "").trim();
    }
    const r = await this.client().periods();
    if (!r.ok) return this.say("error", describeFailure(r, this.locale));
    const select = this.root.querySelector<HTMLSelectElement>("#period-select");
    if (select) select.innerHTML = r.value.map((p) => `<option value="${esc(p.id)}|${esc(p.criteriaSet.id)}@${p.criteriaSet.version}">${esc(p.id)} (${p.year})</option>`).join("");
    select?.dispatchEvent(new Event("change"));
  }

  async render(): Promise<void> {
    const t = this.t;
    const unsupported = this.host.unsupported(this.locale);
    const banner = unsupported.length ? `<div class="banner warning" role="alert">${t.unsupported}<ul>${unsupported.map((u) => `<li>${esc(u)}</li>`).join("")}</ul></div>` : "";
    const status = this.status ? `<div class="banner ${this.status.kind}" role="status" data-testid="status">${esc(this.status.text)}</div>` : "";
    const progress = this.progress ? `<div class="progress" role="progressbar" data-testid="progress">${esc(this.progress)}</div>` : "";
    const header = `<header><h1>${t.appTitle}</h1><button data-action="language" lang="${this.locale === "vi" ? "en" : "vi"}">${t.language}</button><button data-action="settings" aria-label="${t.settings}">⚙ ${t.settings}</button></header>`;
    const actions = `<nav class="actions"><button class="primary" data-action="check">${t.check}</button><button data-action="submit">${t.submit}</button><button data-action="consolidate">${t.consolidate}</button></nav>`;
    this.confirmedSheets = this.view === "settings" ? (await loadConfirmedHeaders(this.host)).length : this.confirmedSheets;
    const result = this.question
      ? mappingFormHtml(this.question, this.locale, this.mappingProblem)
      : this.report
        ? summaryHtml(this.report, this.locale) + this.insightHtml(this.report) + lostPointsHtml(this.report, this.locale) + findingsHtml(this.report, this.locale, this.filter, this.accepted, this.accepting)
        : "";
    const last = this.lastOutcome ? lastOutcomeHtml(this.lastOutcome, this.locale) : "";
    const insight = this.ready ? insightHtml({ result: this.insight, unit: this.historyUnit, askUnit: this.unitRole !== "unit", options: this.unitOptions ?? [] }, this.locale) : "";
    const body = this.view === "settings" ? this.settingsHtml() : `${actions}${insight}${result}${last}${queueHtml(await this.queue.list(), this.locale)}`;
    this.root.innerHTML = `${header}${banner}${progress}${status}<main>${body}</main>`;
    if (this.question && this.focusMapping && this.view === "main") {
      this.focusMapping = false;
      const first = this.question.missing.find((k) => k === "self" || k === "max" || k === "title") ?? "self";
      this.root.querySelector<HTMLSelectElement>(`#mapping-form select[name=${first}]`)?.focus();
    }
  }

  /** The target planner and the evidence register, from the last check. */
  private insightHtml(report: Report): string {
    if (!this.set || report.criteriaSet !== this.set.id) return "";
    const planner = plannerHtml(report, this.set, this.target ?? String(defaultTarget(report, this.set)), this.locale);
    return planner + (this.register ? registerHtml(this.register, this.locale, this.registerOpen) : "");
  }

  private settingsHtml(): string {
    const t = this.t;
    const s = this.settings;
    const current = s.criteriaSetId ? `${s.criteriaSetId}@${s.criteriaSetVersion ?? ""}` : "";
    return `<form id="settings-form"><h2>${t.settings}</h2>
      <label>${t.server}<input name="server" type="url" value="${esc(s.server)}" required></label>
      <label>${t.token}<input name="token" type="password" autocomplete="off" value="${esc(this.token)}"></label>
      <button type="button" data-action="load-periods">${t.loadPeriods}</button>
      <label>${t.period}<select id="period-select"></select></label>
      <input name="period" value="${esc(s.periodId)}" aria-label="${t.period}">
      <label>${t.criteriaSet}<input name="criteriaSet" value="${esc(current)}"></label>
      <button class="primary" type="submit">${t.save}</button></form>
      ${this.confirmedSheets ? `<p>${t.mapping.saved(this.confirmedSheets)}</p><button type="button" data-action="reset-mapping">${t.mapping.reset}</button>` : ""}`;
  }
}
