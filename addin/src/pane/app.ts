import { unitWithParent, type CriteriaSet, type Locale } from "../../../shared/index.ts";
import type { ApiFailure } from "../api/client.ts";
import { REVIEW_STARTED_STRINGS, reviewStartedStage } from "../i18n-review-started.ts";
import type { AppraisalPanel } from "./appraisal-part.ts";
import { flushQueue, OUTBOX_LIMITS, SubmissionQueue } from "../api/queue.ts";
import type { MappingQuestion } from "../column-mapping.ts";
import { loadCriteriaSet } from "../criteria.ts";
import type { WorkbookHost } from "../host.ts";
import { ONBOARDING_STRINGS, refusalText } from "../i18n-onboarding.ts";
import { describeQueued, describeUnsent, RUNTIME_STRINGS } from "../i18n-runtime.ts";
import { besideNotice } from "../i18n-excel.ts";
import { formatInstant, formatPercent } from "../format.ts";
import { SentLog, type SentRecord } from "../sent-log.ts";
import { loadSettings, saveSettings, TOKEN_KEY } from "../settings.ts";
import type { KeyValueStore } from "../storage.ts";
import { loadEngine } from "../engine-loader.ts";
import { lazyPart } from "../lazy-part.ts";
import { AccountFlow } from "./account-flow.ts";
import type { AdminFlows } from "./admin/admin-flows.ts";
import { bannersHtml, contextHtml, headerHtml, progressSlotHtml, statusHtml, type Status, type View } from "./chrome-view.ts";
import { focusKey, PaneFrame } from "./pane-frame.ts";
import { InsightPulls } from "./insight-pulls.ts";
import type { ReportExtras } from "./report-extras.ts";

/** The register, planner and lost points, loaded once with the first check (a chunk of their own: report-extras.ts). */
const loadReportExtras: () => Promise<ReportExtras> = lazyPart(() => import("./report-extras.ts"));
const loadAdmin = lazyPart(() => import("./admin/admin-flows.ts"));
const loadHelp = lazyPart(() => import("./help-view.ts"));
/** The unit's side of the appraisal and the explanation round (PANE3-1): a chunk of its own, loaded for units only. */
const loadAppraisal = lazyPart(() => import("./appraisal-part.ts"));
const loadSetWithoutPeriod = lazyPart(() => import("./set-without-period.ts"));
import { mainActionsHtml, submits } from "./main-actions.ts";
import { MappingFlow } from "./mapping-flow.ts";
import { PaneContext } from "./pane-context.ts";
import { OutboxPanel } from "./outbox-panel.ts";
import { actionButtonHtml } from "./render.ts";
import { ReportPanel } from "./report-panel.ts";
import { RibbonOutcome, ribbonView } from "./ribbon-outcome.ts";

/** Where an action was asked for: the pane's own button, or the ribbon's under the shared runtime. */
export type ActionSource = "pane" | "ribbon";

export interface PaneOptions {
  /** False when the browser blocks storage: the pane says that nothing outlives this session. */
  persistent?: boolean;
  /** The language while none was saved: Office's display language in Excel (settings.ts firstRunLocale); Vietnamese elsewhere. */
  firstRunLocale?: Locale;
  /** The web checker's download of the report as a workbook (no Excel to write into). */
  download?: { label: (locale: Locale) => string; available: () => boolean; run: () => Promise<void> };
}

/** The pane's buttons that start work (PaneContext.guard): one at a time. */
const WORK_ACTIONS = new Set(["check", "submit", "resend", "consolidate", "analysis", "trend", "export-register", "download", "retry"]);

/**
 * The task pane: one object, re-rendered from its state; the same code runs in Excel, in the
 * web checker and in the test harness. Without a token it shows the first run; with one, the
 * check (score first, then what to fix), and for reviewers and admins their own tools.
 */
export class PaneApp {
  private readonly pane: PaneContext;
  private readonly frame: PaneFrame;
  private readonly queue: SubmissionQueue;
  private readonly outbox: OutboxPanel;
  private readonly sent: SentLog;
  /** The workbook is the one this computer sent last for the period: asking before a new version. */
  private resendAsk: SentRecord | null = null;
  /** What stopped the start, if anything (start): said again where it leaves nothing to check against. */
  private startFailure: Status = null;
  /** The first criteria set while it downloads (loadSet). */
  private setLoading: Promise<void> | null = null;
  private readonly mapping: MappingFlow;
  private readonly insights: InsightPulls;
  private readonly reportPanel: ReportPanel;
  private readonly ribbon: RibbonOutcome;
  private readonly account: AccountFlow;
  /** Loaded the first time an admin or reviewer opens it: units, codes and the importer stay out of everyone's initial download. */
  private admin: AdminFlows | null = null;
  private set: CriteriaSet | null = null;
  private view: View = "main";
  /** A unit's appraisal stage and explanation form (null: not a unit, or not read yet). */
  private appraisal: AppraisalPanel | null = null;
  /** The set a unit with no open period last checked against (setWithoutPeriod): the report is drawn with it. */
  private setChecked: CriteriaSet | null = null;
  /** The newest render asked for (render()): only it draws. */
  private renderTicket = 0;
  private latestRender: Promise<void> = Promise.resolve();

  constructor(root: HTMLElement, host: WorkbookHost, store: KeyValueStore, private readonly options: PaneOptions = {}) {
    this.frame = new PaneFrame(root);
    this.pane = new PaneContext(root, host, store, () => this.render());
    this.queue = new SubmissionQueue(store);
    this.outbox = new OutboxPanel(this.queue);
    this.sent = new SentLog(store);
    this.mapping = new MappingFlow(this.pane);
    this.insights = new InsightPulls(this.pane);
    this.reportPanel = new ReportPanel(this.pane);
    this.ribbon = new RibbonOutcome(store);
    this.account = new AccountFlow(this.pane, () => this.periodChanged());
    root.addEventListener("click", (e) => void this.onClick(e));
    root.addEventListener("submit", (e) => void this.onSubmit(e));
    root.addEventListener("keydown", submitOnEnter);
    root.addEventListener("input", (e) => {
      this.insights.onInput(e);
      void this.appraisal?.onInput(e.target);
    });
    root.addEventListener("focusin", (e) => this.insights.onFocus(e));
    root.addEventListener("change", (e) => {
      this.admin?.onChange(e);
      void this.mapping.onHeaderRowChanged(e, this.set?.year, this.set?.unitType);
    });
  }

  get locale(): Locale {
    return this.pane.locale;
  }

  /** The view on screen (the web checker keeps an admin in the admin view when another file is opened). */
  get currentView(): View {
    return this.view;
  }

  /** `action`: the view a link asks for (`?action=settings|check|admin`). */
  async start(action: string | null): Promise<void> {
    try {
      await this.begin(action);
    } catch (e) {
      // Whatever stopped the start (storage that throws, a bug of ours), the pane says so in
      // words, with the error's text folded beside them, instead of staying blank.
      const { pane } = this;
      const failure = pane.failureStatus(e);
      pane.status = this.startFailure = failure;
      await this.render().catch(() => void (pane.root.textContent = failure.text));
    }
  }

  private async begin(action: string | null): Promise<void> {
    const { pane } = this;
    pane.settings = await loadSettings(pane.store, this.options.firstRunLocale);
    pane.token = (await pane.store.get(TOKEN_KEY)) ?? "";
    this.view = !pane.token ? "first-run" : action === "settings" ? "settings" : action === "admin" && pane.canReview ? "admin" : "main";
    if (this.view === "admin") this.admin = new (await loadAdmin()).AdminFlows(pane);
    await this.loadSet();
    await this.ribbon.read();
    this.ribbon.watch(() => void this.refresh());
    await this.render();
    // The first view is up: the engine loads now, before anyone can press Kiểm tra (engine-loader.ts).
    // A failed preload says nothing: the click asks again, and says so if it fails too.
    loadEngine().catch(() => undefined);
    // A token saved before the pane knew roles: learn who it is, quietly, for the admin tools.
    // Rendered whatever the role: refreshAppraisal draws only for a unit, and an admin learned here
    // must see its Quản trị button (it never showed once the appraisal part came, PANE3-1).
    if (pane.token && pane.settings.role === null)
      void this.account.refreshPeriods().then(async () => {
        if (this.view === "main") await this.refreshAppraisal(false);
        await this.render();
      });
    if (this.view === "settings") void this.account.refreshPeriods().then(() => this.render());
    if (action === "check" && pane.token) await this.check();
    if (this.view === "main") void this.refreshAppraisal();
  }

  /**
   * A unit's review stage from the appraisal route (PANE3-1): what the main view says about
   * it, and the reductions to explain once the file is returned. Quiet: a failure leaves the
   * rest of the pane as it was.
   */
  private async refreshAppraisal(render = true): Promise<void> {
    const { pane } = this;
    const unit = pane.settings.unit;
    if (!pane.ready || pane.settings.role !== "unit" || !unit || pane.signInRejected) return;
    try {
      if (!this.appraisal?.isFor(pane.settings.periodId, unit.id)) {
        const { AppraisalPanel } = await loadAppraisal();
        this.appraisal = new AppraisalPanel({
          client: pane.client(),
          store: pane.store,
          period: pane.settings.periodId,
          unit: unit.id,
          unitName: unitWithParent(unit),
          periodName: pane.settings.periodLabel?.[pane.locale] ?? pane.settings.periodId,
        });
      }
      await this.appraisal.refresh();
    } catch {
      return;
    }
    if (render) await this.render();
  }

  /** A failed call in words; a refused new version once the review started, per stage with the unit's and period's names (PANE3-4). */
  private async describeFailure(f: ApiFailure): Promise<string> {
    const { pane } = this;
    if (f.code !== "REVIEW_STARTED") return pane.describe(f);
    await this.refreshAppraisal(false);
    const read = this.appraisal?.view?.status;
    const stage = read === "under_review" || read === "returned_for_explanation" || read === "explained" || read === "final" ? read : reviewStartedStage(f.message);
    const unit = pane.settings.unit ? unitWithParent(pane.settings.unit) : "";
    const period = pane.settings.periodLabel?.[pane.locale] ?? pane.settings.periodId;
    return REVIEW_STARTED_STRINGS[pane.locale][stage](unit, period);
  }

  /** The ribbon's *Cài đặt* under a shared runtime: the same pane switches view, the report stays. */
  async showSettings(): Promise<void> {
    await this.show(this.pane.token ? "settings" : "first-run");
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

  private async show(view: View): Promise<void> {
    if (view === "admin") this.admin ??= new (await loadAdmin()).AdminFlows(this.pane);
    this.view = view;
    await this.render();
    if (view === "main") await this.refreshAppraisal();
    if (view === "settings") {
      await this.account.refreshPeriods();
      await this.render();
    }
  }

  /**
   * The chosen period's set as the pane starts, from the cache or the server; a failure becomes
   * the status line. Cached after the first download; that download, on a
   * commune's slow line, may take a while: past a second the pane is drawn with its progress
   * (not left blank, issue 17 item 5), and an action asked meanwhile waits for the set
   * (`setLoaded`) rather than saying there is none.
   */
  private async loadSet(): Promise<void> {
    const { pane } = this;
    pane.startProgress(pane.t.loadingCriteria);
    this.setLoading = this.reloadSet().then((failure) => {
      if (failure) pane.status = { kind: "error", text: pane.describe(failure) };
    });
    try {
      await this.setLoading;
    } finally {
      pane.stopProgress();
      this.setLoading = null;
    }
  }

  /** Waits for the first set while it is still being fetched (loadSet). */
  private async setLoaded(): Promise<void> {
    await this.setLoading?.catch(() => undefined);
  }

  /** Another unit or period: the last check was scored for the one before, so it goes, and the new set comes. */
  private async periodChanged(): Promise<ApiFailure | null> {
    this.set = null;
    // The start's failure explained the start's missing set, not another period's.
    this.startFailure = null;
    this.reportPanel.report = null;
    this.reportPanel.register = null;
    this.mapping.question = null;
    this.insights.forget();
    this.appraisal = null;
    this.setChecked = null;
    return this.reloadSet();
  }

  private async reloadSet(): Promise<ApiFailure | null> {
    const { pane } = this;
    if (!pane.settings.criteriaSetId) return null;
    const r = await loadCriteriaSet(pane.store, pane.token ? pane.client() : null, pane.settings.criteriaSetId, pane.settings.criteriaSetVersion);
    if (r && "ok" in r) return r;
    if (r) {
      this.set = r;
      await this.reportPanel.warnings.load(r.id);
    }
    return null;
  }

  /** Nothing to check or send against: what stopped the start, if it did (not "choose a period"), else `text`. */
  private async sayMissingSet(text: string): Promise<void> {
    if (!this.startFailure) return this.pane.say("error", text);
    this.pane.status = this.startFailure;
    await this.render();
  }

  /** Why there is nothing to check against yet, in the words that say what to do. */
  private missingSet(): string {
    const { pane } = this;
    const o = ONBOARDING_STRINGS[pane.locale];
    if (!pane.token) return o.notActivated;
    // The server refused the saved token: choosing a period cannot help, a new sign-in does.
    if (pane.signInRejected) return pane.signInInvalid;
    if (pane.settings.periodId) return pane.t.noCriteria;
    return this.account.periods?.length === 0 ? (pane.canReview ? o.noPeriodToConsolidate : o.noOpenPeriodSubmit) : o.noPeriodChosen;
  }

  /**
   * Why Nộp báo cáo has nothing to send; with no open period, Kiểm tra is offered only where the
   * server has a set of the unit's level to check against (A4-2: it had been offered right after
   * Kiểm tra said it could not check until the province opens a period).
   */
  private async missingSubmitSet(): Promise<string> {
    const missing = this.missingSet();
    const o = ONBOARDING_STRINGS[this.pane.locale];
    if (missing !== o.noOpenPeriodSubmit) return missing;
    return (this.setChecked ?? (await this.setWithoutPeriod())) ? `${missing} ${o.checkDraftFirst}` : missing;
  }

  /**
   * A unit with no open period (PANE3-9): its draft is checked against the newest published set
   * of its level, never submitted. Null for anyone else, or when the server offers no such set.
   */
  private async setWithoutPeriod(): Promise<CriteriaSet | null> {
    const { pane } = this;
    const unit = pane.settings.unit;
    if (!pane.token || pane.signInRejected || pane.settings.role !== "unit" || !unit || pane.settings.periodId) return null;
    if (this.account.periods === null) await this.account.refreshPeriods();
    if (this.account.periods?.length !== 0) return null;
    return (await loadSetWithoutPeriod()).newestSetOfLevel(pane.client(), pane.store, unit.id).catch(() => null);
  }

  /**
   * A ribbon button under the shared runtime (commands.ts paneRunner), before its action: while
   * another runs, the pane says to press again (PaneContext.refuseWhileBusy) and the action is
   * not taken; otherwise the pane shows its main view, where the outcome is drawn.
   */
  private async ribbonTakes(button: string): Promise<boolean> {
    const { pane } = this;
    if (pane.busy) {
      await pane.refuseWhileBusy(button);
      return false;
    }
    this.view = ribbonView(this.view, Boolean(pane.token));
    return true;
  }

  /** `via`: the pane's button or the ribbon's (ribbonTakes). */
  async check(via: ActionSource = "pane"): Promise<void> {
    const { pane } = this;
    if (via === "ribbon" && !(await this.ribbonTakes(pane.t.check))) return;
    await this.setLoaded();
    const withoutPeriod = this.set ? null : await this.setWithoutPeriod();
    const set = this.set ?? withoutPeriod;
    this.setChecked = withoutPeriod;
    if (!set) return this.sayMissingSet(this.account.periods?.length === 0 && pane.settings.role === "unit" && !pane.signInRejected ? ONBOARDING_STRINGS[pane.locale].noOpenPeriodNoSet : this.missingSet());
    await pane.guard(async () => {
      const { checkWorkbook } = await loadEngine();
      const checked = await checkWorkbook(pane.host, set, pane.locale, (p) => pane.showProgress(p.step, p.of));
      this.mapping.grid = checked.grid;
      this.reportPanel.register = null;
      this.reportPanel.report = null;
      if (checked.refusal) return void (pane.status = { kind: "error", text: refusalText(checked.refusal, pane.locale) });
      if (checked.question) return this.ask(checked.question);
      this.mapping.question = null;
      const extras = (this.reportPanel.extras = await loadReportExtras());
      this.reportPanel.report = checked.report;
      this.reportPanel.register = extras.evidenceRegister(checked.grid, set, checked.report, { confirmedHeaders: checked.confirmedHeaders });
      const written = await pane.host.writeResultSheet(checked.report, pane.locale);
      const beside = besideNotice(written, pane.locale);
      pane.status = checked.truncated.length ? { kind: "info", text: pane.t.truncated(checked.truncated) + beside } : beside ? { kind: "info", text: beside.trim() } : null;
      if (withoutPeriod) pane.status = { kind: "info", text: `${ONBOARDING_STRINGS[pane.locale].noOpenPeriodChecked(withoutPeriod.title)} ${pane.status?.text ?? ""}`.trim() };
    }, pane.t.reading(1, 4));
  }

  /** `resend`: the user confirmed sending a workbook unchanged since the last version sent. */
  async submit(resend = false, via: ActionSource = "pane"): Promise<void> {
    const { pane } = this;
    if (via === "ribbon" && !(await this.ribbonTakes(pane.t.submit))) return;
    this.resendAsk = null;
    // Only units submit (the ribbon's button reaches here too): said before anything is read or sent.
    if (!submits(pane.settings.role)) return void (await pane.say("info", ONBOARDING_STRINGS[pane.locale].submitUnitsOnly));
    // Not known yet (a page opened afresh): asked, so that "no period open" is not said as "choose one".
    if (!pane.settings.periodId && pane.token && !pane.signInRejected && this.account.periods === null) await this.account.refreshPeriods();
    await this.setLoaded();
    if (!this.set || !pane.ready) return this.sayMissingSet(await this.missingSubmitSet());
    const set = this.set;
    await pane.guard(async () => {
      await this.retryQueue(false);
      const { submitWorkbook } = await loadEngine();
      const outcome = await submitWorkbook({
        host: pane.host,
        set,
        period: pane.settings.periodId,
        periodLabel: pane.settings.periodLabel,
        locale: pane.locale,
        accepted: this.reportPanel.warnings.list(),
        client: pane.client(),
        queue: this.queue,
        onProgress: (p) => pane.showProgress(p.step, p.of),
        sent: this.sent,
        resend,
      });
      if (outcome.kind === "refused") {
        this.reportPanel.report = null;
        return void (pane.status = { kind: "error", text: refusalText(outcome.refusal, pane.locale) });
      }
      if (outcome.kind === "needs-mapping") return this.ask(outcome.question);
      this.reportPanel.report = outcome.report;
      const t = pane.t;
      if (outcome.kind === "blocked") pane.status = { kind: "error", text: `${t.blocked(outcome.errors.length)} ${outcome.errors.map((e) => e.criterion ?? e.code).join(", ")}` };
      else if (outcome.kind === "already-sent") {
        this.resendAsk = outcome.last;
        pane.status = { kind: "warning", text: t.alreadySent(outcome.last.version, formatInstant(outcome.last.at)) };
      } else if (outcome.kind === "submitted") pane.status = { kind: "ok", text: t.submitted(formatPercent(outcome.created.report.percent, pane.locale), outcome.created.version, pane.host.fileName ?? undefined) };
      else if (outcome.kind === "queued") pane.status = { kind: "info", text: describeQueued(outcome.failure, pane.locale) };
      else if (outcome.kind === "unsent") pane.status = { kind: "error", text: `${pane.describe(outcome.failure)} ${describeUnsent(outcome.reason, OUTBOX_LIMITS, pane.locale)}` };
      else pane.status = { kind: "error", text: await this.describeFailure(outcome.failure) };
    }, pane.t.reading(1, 4));
  }

  /** Show the mapping form instead of a report scored from a guessed header. */
  private ask(question: MappingQuestion): void {
    this.mapping.ask(question);
    this.reportPanel.report = null;
    this.pane.status = null;
  }

  async retryQueue(render = true): Promise<void> {
    const { pane } = this;
    const r = await flushQueue(this.queue, (server) => pane.client().withServer(server), undefined, this.sent);
    if (r.delivered.length) pane.status = { kind: "ok", text: pane.t.delivered(r.delivered.length) };
    else if (r.failed[0]) pane.status = { kind: "error", text: await this.describeFailure(r.failed[0].failure) };
    if (render) await this.render();
  }

  async consolidate(via: ActionSource = "pane"): Promise<void> {
    const { pane } = this;
    if (via === "ribbon" && !(await this.ribbonTakes(pane.t.consolidate))) return;
    if (!pane.ready) return this.sayMissingSet(this.missingSet());
    await pane.guard(async () => {
      const r = await pane.client().ranking(pane.settings.periodId);
      if (!r.ok) return void (pane.status = { kind: "error", text: pane.describe(r) });
      const written = await pane.host.writeConsolidated(r.value, pane.locale);
      pane.status = { kind: "ok", text: pane.t.consolidated(r.value.items.length, written.name) + besideNotice(written, pane.locale) };
    }, pane.t.loadingRanking);
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
    if (!button || button.hasAttribute("disabled")) return;
    const { pane } = this;
    const { action, cell, key } = button.dataset;
    if (action === "select" && cell) return pane.guard(() => pane.host.selectCell(cell));
    // A work button pressed while another action runs is said, as a ribbon button is
    // (refuseWhileBusy), never dropped without a word: the click looked taken.
    if (pane.busy && action !== undefined && WORK_ACTIONS.has(action)) return pane.refuseWhileBusy(button.textContent?.trim() || action);
    if (action === "resend") return this.submit(true);
    if (this.resendAsk) {
      // Any other action answers the question "submit again?" with no.
      this.resendAsk = null;
      if (pane.status?.kind === "warning") pane.status = null;
    }
    if (action === "check") return this.check();
    if (action === "submit") return this.submit();
    if (action === "consolidate") return this.consolidate();
    if (action === "analysis") return this.analysis();
    if (action === "trend") return this.trend();
    if (action === "export-register") return this.exportRegister();
    if (action === "download" && this.options.download) return pane.guard(this.options.download.run);
    if (action === "retry") return pane.guard(() => this.retryQueue(false));
    if (action === "settings") return this.show(this.view === "settings" ? "main" : "settings");
    if (action === "admin") return this.show(this.view === "admin" ? "main" : "admin");
    if (action === "back") return this.show("main");
    if (action === "help") return this.show("help");
    if (action === "reactivate") return this.show("first-run");
    if (action === "sign-out") {
      await this.periodChanged();
      return this.show(await this.account.signOut());
    }
    if (action && this.admin && (await this.admin.onClick(action, button.dataset))) return;
    if (await this.outbox.onClick(action, key)) return this.afterOutboxClick(action, key);
    this.reportPanel.onClick(action, button.dataset);
    if (action === "language") {
      pane.settings = { ...pane.settings, locale: pane.locale === "vi" ? "en" : "vi" };
      await saveSettings(pane.store, pane.settings);
      if (this.reportPanel.report && this.set) return this.check();
    }
    if (action === "reset-mapping") await this.mapping.reset();
    await this.render();
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const { pane } = this;
    if (form.id === "activate-form") return this.signIn(() => this.account.activate(data), ONBOARDING_STRINGS[pane.locale].firstRun.activating);
    if (form.id === "token-form") return this.signIn(() => this.account.useToken(data));
    if (form.id === "period-form") {
      await pane.guard(async () => void (this.view = await this.account.savePeriod(data)));
      return this.refreshAppraisal();
    }
    if (form.id === "mapping-form" && this.mapping.question) return this.confirmMapping(data);
    if (form.id === "history-form") return this.history();
    if (form.id === "explain-form" && this.appraisal) return this.sendExplanation(this.appraisal);
    if (form.id === "target-form") return this.reportPanel.planTarget(data);
    if (this.admin && (await this.admin.onSubmit(form, data))) return;
    if (form.classList.contains("accept-form") && this.reportPanel.report && this.set) {
      if (!(await this.reportPanel.warnings.accept(this.reportPanel.report, this.set.id, form.dataset.key, String(data.get("reason") ?? "")))) return;
    }
    await this.render();
  }

  /**
   * Activation (or a pasted token): the form that had focus is gone once it worked, so focus goes
   * to what comes next, the main action (or the period to choose) instead of the page's body.
   */
  private async signIn(work: () => Promise<View>, progress?: string): Promise<void> {
    const before = this.view;
    await this.pane.guard(async () => void (this.view = await work()), progress);
    if (this.view === before) return;
    this.frame.focus(...(this.view === "main" ? ['[data-action="check"]'] : ['[name="period"]:checked', '[data-action="settings"]']));
  }

  /** Asking, answering and removing move focus to what stays on screen, never to the page's body. */
  private async afterOutboxClick(action: string | undefined, key: string | undefined): Promise<void> {
    await this.render();
    const row = key ? `[data-key="${CSS.escape(key)}"]` : "";
    if (action === "remove-queued") this.frame.focus(`[data-action="remove-queued-cancel"]${row}`);
    else if (action === "remove-queued-cancel") this.frame.focus(`[data-action="remove-queued"]${row}`);
    else this.frame.focus('[data-action="remove-queued"]', '[data-action="retry"]', '[data-action="submit"]');
  }

  /** The explanations typed, as one step; kept on this computer until the server took them. */
  private async sendExplanation(panel: AppraisalPanel): Promise<void> {
    const { pane } = this;
    await pane.guard(async () => void (pane.status = await panel.send(pane.locale, (f) => pane.describe(f))));
  }

  private async confirmMapping(data: FormData): Promise<void> {
    const saved = await this.mapping.confirm(data);
    if (saved === null) return;
    await this.check();
    if (!this.mapping.question && this.reportPanel.report) await this.pane.say("ok", this.pane.t.mapping.saved(saved));
  }

  /**
   * Draw the pane from its state. Renders overlap (a background refresh, the ribbon, the user's
   * own action) and each waits for the outbox between reading the state and drawing it, so the
   * last one asked for draws and an older one finishing later draws nothing: it would put back
   * what the user had just changed (a target typed and planned drawn over with the old one).
   * A render overtaken resolves once the newer one has drawn.
   */
  render(): Promise<void> {
    const ticket = ++this.renderTicket;
    this.latestRender = this.drawIfLatest(ticket);
    return this.latestRender;
  }

  private async drawIfLatest(ticket: number): Promise<void> {
    const body = await this.bodyHtml();
    if (ticket !== this.renderTicket) return this.latestRender;
    const { pane } = this;
    const signedIn = Boolean(pane.token);
    const chrome =
      headerHtml(pane.locale, this.view, { canReview: pane.canReview && signedIn, signedIn, inPage: pane.host.kind === "file" }) +
      contextHtml(pane.settings, signedIn) +
      bannersHtml(pane.locale, pane.host.unsupported(pane.locale), this.options.persistent === false ? RUNTIME_STRINGS[pane.locale].storageBlocked : null) +
      progressSlotHtml(pane.progress);
    // The page's language is the pane's (WCAG 3.1.1): a screen reader reads an English pane in English.
    const page = pane.root.ownerDocument?.documentElement;
    if (page) page.lang = pane.locale;
    const focused = focusKey(pane.root);
    this.frame.draw({ chrome, status: statusHtml(pane.status, pane.locale), view: `<main>${body}</main>` }, focused, pane.status?.kind === "error");
    if (this.view === "main") this.mapping.focusFirstMissing();
  }

  private async bodyHtml(): Promise<string> {
    if (this.view === "first-run") return this.account.firstRunHtml();
    if (this.view === "settings") return this.account.settingsHtml();
    if (this.view === "admin" && this.admin) return this.admin.html();
    // The rule kinds' help (the engine's catalogue) loads when asked for.
    if (this.view === "help") return (await loadHelp()).helpHtml(this.pane.locale);
    return this.mainHtml();
  }

  private async mainHtml(): Promise<string> {
    const { pane } = this;
    const t = pane.t;
    const download = this.options.download?.available() ? this.options.download.label(pane.locale) : null;
    const actions = mainActionsHtml(pane.locale, { role: pane.settings.role, signInRejected: Boolean(pane.token) && pane.signInRejected, download });
    const resend = this.resendAsk ? `<div class="form-actions" data-testid="resend">${actionButtonHtml("resend", t.resend, { primary: true })}${actionButtonHtml("resend-cancel", t.cancel)}</div>` : "";
    const result = this.mapping.formHtml() ?? this.reportPanel.html(this.set ?? this.setChecked);
    const appraisal = this.appraisal?.html(pane.locale, this.set) ?? "";
    return `${actions}${resend}${appraisal}${result}${this.insights.html()}${this.ribbon.html(pane.locale)}${await this.outbox.html(pane.settings, pane.locale)}`;
  }
}

/**
 * Enter in a field submits its form, in every form of the pane: browsers do it by themselves
 * only for a form of one field or with a native submit button, and the pane's buttons are
 * Fluent's.
 */
function submitOnEnter(e: KeyboardEvent): void {
  const input = e.target;
  if (e.key !== "Enter" || e.defaultPrevented || !(input instanceof HTMLInputElement) || !input.form) return;
  if (["checkbox", "radio", "file", "button", "submit", "reset"].includes(input.type)) return;
  e.preventDefault();
  input.form.requestSubmit();
}
