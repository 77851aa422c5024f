import { ACTIVATION_CODE_ALPHABET, ACTIVATION_CODE_LENGTH, formatActivationCode, normalizeActivationCode, onboardingMessage, unitWithParent, type Activation, type Me, type OpenPeriod } from "../../../shared/index.ts";
import type { ApiFailure } from "../api/client.ts";
import { loadConfirmedHeaders } from "../column-mapping.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import { describeApiFailure, RUNTIME_STRINGS } from "../i18n-runtime.ts";
import { checkServer, isLoopback, saveSettings, TOKEN_KEY, withAccount, withPeriod } from "../settings.ts";
import { firstRunHtml, settingsHtml, type AdvancedOptions } from "./account-view.ts";
import type { View } from "./chrome-view.ts";
import type { PaneContext } from "./pane-context.ts";

/** The period changed: drop what was checked for the one before and load its criteria set; null when ready (or none chosen), else why not. */
export type LoadSet = () => Promise<ApiFailure | null>;

/** What normalizeActivationCode (shared/api-onboarding.ts) ignores between a code's symbols: spaces, dashes, dots. */
const CODE_SEPARATORS = /[\s\-\u2010-\u2015._]/g;

/** A letter a Vietnamese keyboard makes and no code has: one with a mark (Á, Ê, Ư …) or Đ. */
const isVietnameseLetter = (ch: string): boolean => /[đĐ]/.test(ch) || /^\p{L}\p{M}+$/u.test(ch.normalize("NFD"));

/** The server's sentences for the activation's own refusals; anything else (offline, 5xx) is the pane's. */
const ACTIVATION_CODES = new Set(["ACTIVATION_INVALID", "ACTIVATION_USED", "ACTIVATION_RATE_LIMITED"]);

/**
 * Who the pane works for, and for which period (issue 16 items 1 and 3): a unit types its
 * activation code once; admins and reviewers paste their access token under "advanced".
 * The period and its criteria set then come from GET /v1/me: one period is chosen for the
 * user, several are offered by their labels (a reviewer's or admin's include closed periods, to
 * consolidate after the deadline: offeredPeriods). The token lives only in the one store.
 */
export class AccountFlow {
  /** The periods /v1/me offered last (null: not asked yet, or asking). */
  periods: OpenPeriod[] | null = null;
  /** The last GET /v1/me failed: Cài đặt says the list is unknown, not that none is open (PANE3-3). */
  private periodsUnreadable: "rejected" | "offline" | null = null;
  /** The code as typed, kept across re-renders after a refusal. */
  private typedCode = "";
  /** The code typed was refused as a code (not by the network): its field is drawn invalid (A4-9). */
  private codeRefused = false;
  /** The code last sent and its Idempotency-Key (see activate). */
  private activation: { code: string; key: string } | null = null;

  constructor(
    private readonly pane: PaneContext,
    private readonly loadSet: LoadSet,
  ) {}

  private get words() {
    return ONBOARDING_STRINGS[this.pane.locale];
  }

  private advanced(): AdvancedOptions {
    return { development: isLoopback(location.hostname), server: this.pane.settings.server, origin: location.origin };
  }

  firstRunHtml(): string {
    return firstRunHtml(this.pane.locale, this.typedCode, this.advanced(), this.pane.host.kind === "file", this.codeRefused);
  }

  async settingsHtml(): Promise<string> {
    const confirmedSheets = (await loadConfirmedHeaders(this.pane.host)).length;
    const { settings } = this.pane;
    const unread = this.periodsUnreadable ? { why: this.periodsUnreadable, kept: settings.periodLabel?.[this.pane.locale] ?? (settings.periodId || null) } : null;
    return settingsHtml({ settings, periods: this.periods, unread, confirmedSheets, advanced: this.advanced() });
  }

  /** The server typed under "advanced" (development only); false when it cannot be used, with the reason as the status. */
  private async takeServer(data: FormData): Promise<boolean> {
    if (!data.has("server")) return true;
    const server = checkServer(String(data.get("server") ?? ""), location.origin);
    if (!server.ok) {
      this.pane.status = { kind: "error", text: RUNTIME_STRINGS[this.pane.locale].server[server.problem] };
      return false;
    }
    this.pane.settings = { ...this.pane.settings, server: server.server };
    return true;
  }

  /** Redeem the code; the view to show next. A mistyped, spent or expired code gets one sentence and changes nothing. */
  async activate(data: FormData): Promise<View> {
    const { pane } = this;
    this.typedCode = String(data.get("code") ?? "");
    const code = normalizeActivationCode(this.typedCode);
    this.codeRefused = code === null;
    // A code that cannot be one is refused here, saying what is wrong with it: sent, it would only use up the office's attempts.
    if (code === null) return this.refuse(this.notACode(this.typedCode));
    // One key per code: a retry after a lost answer (the code already spent) gets the token the
    // server gave the first time; another code gets a key of its own.
    const formatted = formatActivationCode(code);
    if (this.activation?.code !== formatted) this.activation = { code: formatted, key: crypto.randomUUID() };
    const r = await pane.client("").activate(formatted, this.activation.key);
    this.codeRefused = !r.ok && ACTIVATION_CODES.has(r.code);
    if (!r.ok) return this.refuse(ACTIVATION_CODES.has(r.code) ? activationRefusal(r, pane.locale) : describeApiFailure(r, pane.locale));
    this.typedCode = "";
    return this.signIn(r.value.token, r.value, this.words.activated(unitWithParent(r.value.unit)));
  }

  /** An access token pasted under "advanced" (admins, reviewers; also a unit given one by the CLI). */
  async useToken(data: FormData): Promise<View> {
    const { pane } = this;
    if (!(await this.takeServer(data))) return pane.token ? "settings" : "first-run";
    const token = String(data.get("token") ?? "").trim();
    if (!token) return this.refuse(this.words.firstRun.emptyToken);
    const me = await pane.client(token).me();
    if (!me.ok) return this.refuse(describeApiFailure(me, pane.locale));
    const who = me.value.unit ? unitWithParent(me.value.unit) : this.words.settings.wholeProvince;
    return this.signIn(token, me.value, this.words.signedIn(`${who} (${this.words.roles[me.value.role]})`), offeredPeriods(me.value));
  }

  /**
   * Why what was typed cannot be a code: nothing typed, a Vietnamese keyboard's letters, not 10
   * characters, or a character no code has. Unikey's Telex turns "AS" into "Á", "DD" into "Đ",
   * "W" into "Ư" as the code is typed: said as such, not as a code of the wrong length.
   */
  private notACode(typed: string): string {
    const o = this.words.firstRun;
    const symbols = typed.normalize("NFKC").replace(CODE_SEPARATORS, "");
    if (symbols === "") return o.emptyCode;
    const vietnamese = [...new Set([...symbols.normalize("NFC")].filter(isVietnameseLetter))];
    if (vietnamese.length > 0) return o.codeVietnamese(vietnamese.join(", "));
    if (symbols.length !== ACTIVATION_CODE_LENGTH) return o.codeLength;
    // O, I and L are read as 0, 1 and 1 (normalizeActivationCode): only what no code has is named.
    const foreign = [...new Set([...symbols.toUpperCase()].filter((ch) => !ACTIVATION_CODE_ALPHABET.includes(ch) && !"OIL".includes(ch)))];
    return o.codeCharacters(foreign.map((ch) => `"${ch}"`).join(", "));
  }

  private refuse(text: string): View {
    this.pane.status = { kind: "error", text };
    return this.pane.token ? "settings" : "first-run";
  }

  /** Keep the new token and who it is, then choose the period for the user where there is nothing to choose. */
  private async signIn(token: string, who: Pick<Activation | Me, "role" | "unit">, greeting: string, periods?: OpenPeriod[]): Promise<View> {
    const { pane } = this;
    pane.token = token;
    pane.signInRejected = false;
    pane.settings = withAccount(pane.settings, who);
    await pane.store.set(TOKEN_KEY, token);
    await saveSettings(pane.store, pane.settings);
    // Nothing chosen yet for this account: the previous one's set and report go.
    await this.loadSet();
    let offered = periods;
    if (!offered) {
      const me = await pane.client().me();
      if (!me.ok) {
        this.periods = null;
        pane.status = { kind: "warning", text: `${greeting} ${pane.describe(me)}` };
        return "settings";
      }
      offered = offeredPeriods(me.value);
    }
    this.periods = offered;
    this.periodsUnreadable = null;
    const [only] = offered;
    if (offered.length === 1 && only) return this.choose(only, greeting);
    const none = pane.canReview ? this.words.noPeriodToConsolidate : this.words.noOpenPeriod;
    pane.status = { kind: "info", text: `${greeting} ${offered.length === 0 ? none : this.words.choosePeriod}` };
    return offered.length === 0 ? "main" : "settings";
  }

  /** The period picked in settings. */
  async savePeriod(data: FormData): Promise<View> {
    const id = String(data.get("period") ?? "");
    const period = this.periods?.find((p) => p.id === id);
    if (!period) return "settings";
    return this.choose(period, "");
  }

  /** Save the period and load its criteria set; the confirmation names it as people do. */
  private async choose(period: OpenPeriod, greeting: string): Promise<View> {
    const { pane } = this;
    pane.settings = withPeriod(pane.settings, period);
    await saveSettings(pane.store, pane.settings);
    const label = period.label[pane.locale];
    const failure = await this.loadSet();
    if (failure) {
      pane.status = { kind: "error", text: `${greeting} ${this.words.criteriaNotLoaded} ${pane.describe(failure)}`.trim() };
      return "settings";
    }
    pane.status = { kind: "ok", text: `${greeting} ${this.words.periodReady(label)}`.trim() };
    return "main";
  }

  /** The open periods afresh (settings opened): quietly nothing when offline, the saved choice stays. */
  async refreshPeriods(): Promise<void> {
    if (!this.pane.token) return;
    const me = await this.pane.client().me();
    if (!me.ok) {
      this.periodsUnreadable = me.status === 401 || this.pane.signInRejected ? "rejected" : "offline";
      return;
    }
    this.periodsUnreadable = null;
    this.periods = offeredPeriods(me.value);
    this.pane.settings = { ...this.pane.settings, role: me.value.role, unit: me.value.unit };
    await saveSettings(this.pane.store, this.pane.settings);
  }

  /** Forget the token on this computer (another unit's code, or leaving a shared computer). */
  async signOut(): Promise<View> {
    const { pane } = this;
    pane.token = "";
    pane.signInRejected = false;
    pane.settings = withAccount(pane.settings, { role: null, unit: null });
    this.periods = null;
    await pane.store.remove(TOKEN_KEY);
    await saveSettings(pane.store, pane.settings);
    pane.status = { kind: "ok", text: this.words.settings.signedOut };
    return "first-run";
  }
}

/**
 * The periods to offer: a unit those it may still submit to; a reviewer or the admin those it
 * may consolidate, closed ones too (ranking happens after the deadline) — or, from a server that
 * does not send them yet, the open ones.
 */
export function offeredPeriods(me: Me): OpenPeriod[] {
  return me.role === "unit" || me.consolidation.length === 0 ? me.periods : me.consolidation;
}

/** The refusal's sentence from the shared catalogue; the wait after too many tries as the server counted it. */
function activationRefusal(f: ApiFailure, locale: "vi" | "en"): string {
  if (f.code === "ACTIVATION_RATE_LIMITED") return f.message ?? onboardingMessage("ACTIVATION_RATE_LIMITED", locale, { minutes: 15 });
  return onboardingMessage(f.code as "ACTIVATION_INVALID" | "ACTIVATION_USED", locale);
}
