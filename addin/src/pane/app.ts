import { evidenceRegister, type CriteriaSet, type Locale } from "../../../shared/index.ts";
import { ApiClient } from "../api/client.ts";
import { flushQueue, OUTBOX_LIMITS, SubmissionQueue } from "../api/queue.ts";
import type { MappingQuestion } from "../column-mapping.ts";
import { loadCriteriaSet } from "../criteria.ts";
import type { WorkbookHost } from "../host.ts";
import { describeApiFailure, describeUnsent, RUNTIME_STRINGS } from "../i18n-runtime.ts";
import { besideNotice } from "../i18n-excel.ts";
import { loadSettings, saveSettings, TOKEN_KEY } from "../settings.ts";
import type { KeyValueStore } from "../storage.ts";
import { checkWorkbook, submitWorkbook } from "../submit.ts";
import { InsightPulls } from "./insight-pulls.ts";
import { MappingFlow } from "./mapping-flow.ts";
import { PaneContext } from "./pane-context.ts";
import { actionsHtml, chromeHtml, esc, queueHtml } from "./render.ts";
import { ReportPanel } from "./report-panel.ts";
import { RibbonOutcome } from "./ribbon-outcome.ts";
import { loadPeriods, onPeriodPicked, saveSettingsForm, settingsHtml } from "./settings-form.ts";

/** The task pane: one object, re-rendered from its state; the same code runs in Excel and in the harness. */
export class PaneApp {
  private readonly pane: PaneContext;
  private readonly queue: SubmissionQueue;
  private readonly mapping: MappingFlow;
  private readonly insights: InsightPulls;
  private readonly reportPanel: ReportPanel;
  private readonly ribbon: RibbonOutcome;
  private set: CriteriaSet | null = null;
  private view: "main" | "settings" = "main";

  /** `persistent: false`: the browser blocks storage and the pane says that nothing outlives this session. */
  constructor(root: HTMLElement, host: WorkbookHost, store: KeyValueStore, private readonly storage = { persistent: true }) {
    this.pane = new PaneContext(root, host, store, () => this.render());
    this.queue = new SubmissionQueue(store);
    this.mapping = new MappingFlow(this.pane);
    this.insights = new InsightPulls(this.pane);
    this.reportPanel = new ReportPanel(this.pane);
    this.ribbon = new RibbonOutcome(store);
    root.addEventListener("click", (e) => void this.onClick(e));
    root.addEventListener("submit", (e) => void this.onSubmit(e));
    root.addEventListener("input", (e) => this.insights.onInput(e));
    root.addEventListener("focusin", (e) => this.insights.onFocus(e));
    root.addEventListener("change", (e) => {
      onPeriodPicked(e);
      void this.mapping.onHeaderRowChanged(e, this.set?.year);
    });
  }

  get locale(): Locale {
    return this.pane.locale;
  }

  /** `action`: the view a link asks for (`?action=settings|check`). */
  async start(action: string | null): Promise<void> {
    this.pane.settings = await loadSettings(this.pane.store);
    this.pane.token = (await this.pane.store.get(TOKEN_KEY)) ?? "";
    this.set = await this.loadSet();
    if (action === "settings") this.view = "settings";
    await this.ribbon.read();
    this.ribbon.watch(() => void this.refresh());
    await this.render();
    if (action === "check") await this.check();
  }

  /** The ribbon's *Cài đặt* under a shared runtime: the same pane switches view, the report stays. */
  async showSettings(): Promise<void> {
    this.view = "settings";
    await this.render();
  }

  async refresh(): Promise<void> {
    await this.ribbon.read();
    await this.render();
  }

  /** A criteria set given directly (the harness's file picker). */
  async useCriteriaSet(set: CriteriaSet): Promise<void> {
    this.set = set;
    await this.render();
  }

  private async loadSet(): Promise<CriteriaSet | null> {
    const { pane } = this;
    if (!pane.settings.criteriaSetId) return this.set;
    const r = await loadCriteriaSet(pane.store, pane.token ? pane.client() : null, pane.settings.criteriaSetId, pane.settings.criteriaSetVersion);
    if (r && "ok" in r) {
      pane.status = { kind: "error", text: describeApiFailure(r, pane.locale) };
      return this.set;
    }
    if (r) await this.reportPanel.warnings.load(r.id);
    return r ?? this.set;
  }

  async check(): Promise<void> {
    const { pane } = this;
    if (!this.set) return void (await pane.say("error", pane.t.noCriteria));
    const set = this.set;
    await pane.guard(async () => {
      const checked = await checkWorkbook(pane.host, set, pane.locale, (p) => void pane.showProgress(p.step, p.of));
      this.mapping.grid = checked.grid;
      this.reportPanel.register = null;
      if (checked.question) return this.ask(checked.question);
      this.mapping.question = null;
      this.reportPanel.report = checked.report;
      this.reportPanel.register = evidenceRegister(checked.grid, set, checked.report, { confirmedHeaders: checked.confirmedHeaders });
      const written = await pane.host.writeResultSheet(checked.report, pane.locale);
      const beside = besideNotice(written, pane.locale);
      pane.status = checked.truncated.length ? { kind: "info", text: pane.t.truncated(checked.truncated) + beside } : beside ? { kind: "info", text: beside.trim() } : null;
    });
  }

  async submit(): Promise<void> {
    const { pane } = this;
    if (!this.set) return void (await pane.say("error", pane.t.noCriteria));
    if (!pane.ready) return void (await pane.say("error", pane.t.needSettings));
    const set = this.set;
    await pane.guard(async () => {
      await this.retryQueue(false);
      const outcome = await submitWorkbook({ host: pane.host, set, period: pane.settings.periodId, locale: pane.locale, accepted: this.reportPanel.warnings.list(), client: pane.client(), queue: this.queue, onProgress: (p) => void pane.showProgress(p.step, p.of) });
      if (outcome.kind === "needs-mapping") return this.ask(outcome.question);
      this.reportPanel.report = outcome.report;
      const t = pane.t;
      if (outcome.kind === "blocked") pane.status = { kind: "error", text: `${t.blocked(outcome.errors.length)} ${outcome.errors.map((e) => e.criterion ?? e.code).join(", ")}` };
      else if (outcome.kind === "submitted") pane.status = { kind: "ok", text: t.submitted(String(outcome.created.report.percent).replace(".", pane.locale === "vi" ? "," : "."), outcome.created.version) };
      else if (outcome.kind === "queued") pane.status = { kind: "info", text: `${describeApiFailure(outcome.failure, pane.locale)} ${t.queued}` };
      else if (outcome.kind === "unsent") pane.status = { kind: "error", text: `${describeApiFailure(outcome.failure, pane.locale)} ${describeUnsent(outcome.reason, OUTBOX_LIMITS, pane.locale)}` };
      else pane.status = { kind: "error", text: describeApiFailure(outcome.failure, pane.locale) };
    });
  }

  /** Show the mapping form instead of a report scored from a guessed header. */
  private ask(question: MappingQuestion): void {
    this.mapping.ask(question);
    this.reportPanel.report = null;
    this.pane.status = null;
  }

  async retryQueue(render = true): Promise<void> {
    const { pane } = this;
    const r = await flushQueue(this.queue, (server) => new ApiClient(server, pane.token));
    if (r.delivered.length) pane.status = { kind: "ok", text: pane.t.delivered(r.delivered.length) };
    else if (r.failed[0]) pane.status = { kind: "error", text: describeApiFailure(r.failed[0].failure, pane.locale) };
    if (render) await this.render();
  }

  async consolidate(): Promise<void> {
    const { pane } = this;
    if (!pane.ready) return void (await pane.say("error", pane.t.needSettings));
    await pane.guard(async () => {
      const r = await pane.client().ranking(pane.settings.periodId);
      if (!r.ok) return void (pane.status = { kind: "error", text: describeApiFailure(r, pane.locale) });
      const written = await pane.host.writeConsolidated(r.value, pane.locale);
      pane.status = { kind: "ok", text: pane.t.consolidated(r.value.items.length, written.name) + besideNotice(written, pane.locale) };
    });
  }

  async analysis(): Promise<void> {
    await this.insights.analysis();
  }

  async trend(): Promise<void> {
    await this.insights.trend();
  }

  async history(): Promise<void> {
    await this.insights.history();
  }

  async exportRegister(): Promise<void> {
    await this.insights.exportRegister(this.reportPanel.register);
  }

  private async onClick(e: Event): Promise<void> {
    const button = (e.target as HTMLElement).closest<HTMLElement>("[data-action]");
    if (!button) return;
    const { pane } = this;
    const { action, cell, key } = button.dataset;
    if (action === "select" && cell) return pane.guard(() => pane.host.selectCell(cell));
    if (action === "check") return this.check();
    if (action === "submit") return this.submit();
    if (action === "consolidate") return this.consolidate();
    if (action === "analysis") return this.analysis();
    if (action === "trend") return this.trend();
    if (action === "export-register") return this.exportRegister();
    if (action === "retry") return pane.guard(() => this.retryQueue(false));
    if (action === "remove-queued" && key) await this.queue.remove(key);
    this.reportPanel.onClick(action, button.dataset);
    if (action === "settings") this.view = this.view === "settings" ? "main" : "settings";
    if (action === "language") {
      pane.settings = { ...pane.settings, locale: pane.locale === "vi" ? "en" : "vi" };
      await saveSettings(pane.store, pane.settings);
      if (this.reportPanel.report && this.set) return this.check();
    }
    if (action === "load-periods") return loadPeriods(pane);
    if (action === "reset-mapping") await this.mapping.reset();
    await this.render();
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    if (form.id === "mapping-form" && this.mapping.question) return this.confirmMapping(data);
    if (form.id === "history-form") return this.history();
    if (form.id === "target-form") return this.reportPanel.planTarget(data);
    if (form.classList.contains("accept-form") && this.reportPanel.report && this.set) {
      if (!(await this.reportPanel.warnings.accept(this.reportPanel.report, this.set.id, form.dataset.key, String(data.get("reason") ?? "")))) return;
    } else if (form.id === "settings-form") {
      if (!(await saveSettingsForm(this.pane, data))) return this.render();
      this.set = await this.loadSet();
      this.insights.forget();
      this.view = "main";
    }
    await this.render();
  }

  private async confirmMapping(data: FormData): Promise<void> {
    const saved = await this.mapping.confirm(data);
    if (saved === null) return;
    await this.check();
    if (!this.mapping.question && this.reportPanel.report) await this.pane.say("ok", this.pane.t.mapping.saved(saved));
  }

  async render(): Promise<void> {
    const { pane } = this;
    const chrome = chromeHtml(pane.locale, pane.host.unsupported(pane.locale), pane.progress, pane.status);
    const storage = this.storage.persistent ? "" : `<div class="banner warning" role="alert" data-testid="storage-blocked">${esc(RUNTIME_STRINGS[pane.locale].storageBlocked)}</div>`;
    const body = this.view === "settings" ? await settingsHtml(pane) : await this.mainHtml();
    pane.root.innerHTML = `${chrome}${storage}<main>${body}</main>`;
    if (this.view === "main") this.mapping.focusFirstMissing();
  }

  private async mainHtml(): Promise<string> {
    const locale = this.pane.locale;
    const result = this.mapping.formHtml() ?? this.reportPanel.html(this.set);
    return `${actionsHtml(locale)}${this.insights.html()}${result}${this.ribbon.html(locale)}${queueHtml(await this.queue.list(), locale)}`;
  }
}
