import type { Locale } from "../../../shared/index.ts";
import { ApiClient, type ApiFailure } from "../api/client.ts";
import type { WorkbookHost } from "../host.ts";
import { STRINGS } from "../i18n.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import { describeApiFailure, describeRuntimeFailure } from "../i18n-runtime.ts";
import type { AppSettings } from "../settings.ts";
import type { KeyValueStore } from "../storage.ts";
import { progressHtml, type Status } from "./chrome-view.ts";

/**
 * Reads and pulls that end within this time show no progress at all, so a quick check never
 * flashes a bar; longer ones show it from then on (issue 17 item 5).
 */
export const PROGRESS_DELAY_MS = 1000;

/**
 * What every part of the pane shares: where it draws, the workbook, user storage, who is
 * signed in where, and the status line. The parts change it and ask the pane to re-render;
 * they never draw the whole pane themselves.
 */
export class PaneContext {
  settings!: AppSettings;
  token = "";
  status: Status = null;
  /** Drawn progress (null: none shown). */
  progress: string | null = null;
  private pendingProgress: string | null = null;
  private running = false;
  /** Said while an action ran (a ribbon click it could not take): still said when it ends with nothing to say. */
  private heldNotice: Status = null;
  private progressTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly root: HTMLElement,
    readonly host: WorkbookHost,
    readonly store: KeyValueStore,
    readonly render: () => Promise<void>,
  ) {}

  get locale(): Locale {
    return this.settings?.locale ?? "vi";
  }

  get t() {
    return STRINGS[this.locale];
  }

  /** Signed in for a period: what every Worker call needs (an empty server is the pane's own origin). */
  get ready(): boolean {
    return Boolean(this.token && this.settings.periodId);
  }

  /** Admins and reviewers (a token whose role is not known yet counts as neither). */
  get canReview(): boolean {
    return this.settings.role === "admin" || this.settings.role === "reviewer";
  }

  /**
   * The server refused the token kept on this computer (401: revoked, expired, unknown): the pane
   * says the sign-in is no longer valid and offers activation with a new code; what is cached
   * (the criteria set) still checks workbooks here. Cleared by the next sign-in.
   */
  signInRejected = false;

  /** Who is asked to sign in again: a unit with a new activation code, a reviewer or admin with a new token. */
  get signInInvalid(): string {
    const o = ONBOARDING_STRINGS[this.locale].signInInvalid;
    return this.settings.role === "reviewer" || this.settings.role === "admin" ? o.token : o.code;
  }

  client(token = this.token): ApiClient {
    // Any answer 401 to the saved token marks the sign-in as no longer valid, whichever call met it.
    const fetchImpl: typeof fetch = async (...args) => {
      const response = await fetch(...args);
      if (response.status === 401 && token !== "" && token === this.token) this.signInRejected = true;
      return response;
    };
    return new ApiClient(this.settings.server, token, fetchImpl, { locale: this.locale });
  }

  /** A failed call in plain words: a refused saved token says to sign in again, anything else as describeApiFailure. */
  describe(f: ApiFailure): string {
    return f.status === 401 && this.signInRejected ? this.signInInvalid : describeApiFailure(f, this.locale);
  }

  async say(kind: "info" | "ok" | "warning" | "error", text: string): Promise<void> {
    this.status = { kind, text };
    await this.render();
  }

  /**
   * Run one user action: an Office error (or a full browser storage) becomes the status line,
   * progress shows if it takes over a second, and the pane is drawn again whatever happened.
   */
  async guard(work: () => Promise<void>, progress?: string): Promise<void> {
    // One action at a time: a second press of Enter on "Kích hoạt" must not redeem the code twice.
    if (this.running) return;
    this.running = true;
    // Said to assistive technology (and waited on by the browser tests): the pane is updating.
    this.root.setAttribute("aria-busy", "true");
    if (progress) this.startProgress(progress);
    try {
      await work();
    } catch (e) {
      this.status = this.failureStatus(e);
    } finally {
      this.running = false;
      this.root.removeAttribute("aria-busy");
      if (this.heldNotice && this.status === null) this.status = this.heldNotice;
      this.heldNotice = null;
      this.stopProgress();
      await this.render();
    }
  }

  /** A thrown error as the status line: the sentence, and for the add-in's own bugs the error's text folded beside it. */
  failureStatus(e: unknown): NonNullable<Status> {
    const failure = describeRuntimeFailure(e, this.locale);
    return { kind: "error", text: failure.text, ...(failure.detail ? { detail: failure.detail } : {}) };
  }

  /** An action is running (guard): the next one waits for it to end. */
  get busy(): boolean {
    return this.running;
  }

  /**
   * A ribbon button pressed while another action runs: said, not dropped (the button was
   * released at once, so without a word the user takes it as done) and not queued (a
   * submission starting by itself after a check, or a check redrawing the result the user is
   * reading, surprises more than a sentence asking to press again). Kept until the running
   * action ends, and shown then if that action had nothing to say.
   */
  async refuseWhileBusy(button: string): Promise<void> {
    this.heldNotice = { kind: "warning", text: this.t.ribbonBusy(button) };
    await this.say("warning", this.heldNotice.text);
  }

  /** Progress to show if the work is still running after PROGRESS_DELAY_MS. */
  startProgress(text: string): void {
    this.pendingProgress = text;
    this.progressTimer ??= setTimeout(() => {
      this.progressTimer = null;
      this.progress = this.pendingProgress;
      this.drawProgress();
    }, PROGRESS_DELAY_MS);
  }

  /** The read's step, in place (shown only once the delay has passed). */
  showProgress(step: number, of: number): void {
    this.pendingProgress = this.t.reading(step, of);
    if (this.progress === null) return;
    this.progress = this.pendingProgress;
    this.drawProgress();
  }

  stopProgress(): void {
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = null;
    this.pendingProgress = null;
    this.progress = null;
    this.drawProgress();
  }

  /**
   * Into the slot the chrome keeps for it: no re-render, so nothing typed is lost while work
   * runs. Before the pane's first drawing (its criteria set still downloading as it starts)
   * there is no slot: the pane is drawn, progress and all, rather than left blank.
   */
  private drawProgress(): void {
    const slot = this.root.querySelector<HTMLElement>("[data-testid=progress-slot]");
    if (slot) slot.innerHTML = progressHtml(this.progress);
    else if (this.progress !== null) void this.render();
  }
}
