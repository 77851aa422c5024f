import type { Locale, OpenPeriod } from "../../../shared/index.ts";
import { STRINGS } from "../i18n.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import { RUNTIME_STRINGS } from "../i18n-runtime.ts";
import type { AppSettings } from "../settings.ts";
import { actionButtonHtml, choiceHtml, esc, fieldHtml } from "./render.ts";

/**
 * The first run (only the activation code) and the settings a civil servant sees: who is
 * signed in, the period as people name it, and an "advanced" part holding what only
 * reviewers, admins (an access token) and developers (a server address) need.
 */

export interface AdvancedOptions {
  /** Developing on this computer: the server address may be typed (deployed, it is always the pane's own origin). */
  development: boolean;
  server: string;
  origin: string;
}

function advancedHtml(locale: Locale, options: AdvancedOptions): string {
  const o = ONBOARDING_STRINGS[locale].firstRun;
  const serverHint = RUNTIME_STRINGS[locale].server.hint(options.origin);
  const server = options.development
    ? fieldHtml("server-input", o.server, `<input slot="input" id="server-input" name="server" type="url" inputmode="url" autocomplete="off" value="${esc(options.server)}" placeholder="${esc(options.origin)}" aria-describedby="server-input-hint">`, serverHint)
    : "";
  const token = fieldHtml("token-input", o.token, `<input slot="input" id="token-input" name="token" type="password" autocomplete="off" aria-describedby="token-input-hint">`, o.tokenHint);
  return `<details class="advanced" data-testid="advanced"><summary>${o.advanced}</summary>
    <form id="token-form" class="vertical-form">${server}${token}<fluent-button type="submit">${o.useToken}</fluent-button></form></details>`;
}

/** `page`: the pane runs in a web page (the web checker), not in Excel as an add-in. `refused`: the code typed was refused as a code (its field marked invalid). */
export function firstRunHtml(locale: Locale, typed: string, options: AdvancedOptions, page = false, refused = false): string {
  const o = ONBOARDING_STRINGS[locale].firstRun;
  const code = fieldHtml(
    "activation-code",
    o.code,
    `<input slot="input" id="activation-code" name="code" type="text" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="64" required value="${esc(typed)}" aria-describedby="activation-code-hint"${refused ? ` aria-invalid="true"` : ""}>`,
    o.codeHint,
  );
  return `<section class="first-run" aria-labelledby="first-run-title" data-testid="first-run"><h2 id="first-run-title">${o.title}</h2><p>${page ? o.introPage : o.intro}</p>
    <form id="activate-form" class="vertical-form" novalidate>${code}<fluent-button type="submit" appearance="primary">${o.activate}</fluent-button></form>
    ${advancedHtml(locale, options)}</section>`;
}

/** The periods offered as a radio group named by their labels (a closed one's says so); the chosen one checked. `reviews`: a reviewer's or admin's choice, to consolidate. */
export function periodChoiceHtml(locale: Locale, periods: OpenPeriod[] | null, chosen: string, reviews = false, unread: PeriodsUnread = null): string {
  const o = ONBOARDING_STRINGS[locale];
  // /v1/me failed: what the server offers is unknown, never "no period open" (PANE3-3).
  if (unread) return `<p data-testid="periods-unread">${esc(o.periodsUnread[unread.why])}</p>${unread.kept ? `<p data-testid="kept-period">${esc(o.keptPeriod(unread.kept))}</p>` : ""}`;
  if (periods === null) return `<p data-testid="periods-loading">${o.settings.periodsLoading}</p>`;
  if (periods.length === 0) return `<p data-testid="no-period">${reviews ? o.noPeriodToConsolidate : o.noOpenPeriod}</p>`;
  const current = periods.some((p) => p.id === chosen) ? chosen : (periods[0]?.id ?? "");
  const radios = periods.map((p) => choiceHtml("radio", p.label[locale], `name="period" value="${esc(p.id)}"${p.id === current ? " checked" : ""}`)).join("");
  return `<form id="period-form" class="vertical-form" data-testid="period-form"><div role="radiogroup" aria-labelledby="period-title">${radios}</div>
    <fluent-button type="submit" appearance="primary">${o.settings.save}</fluent-button></form>`;
}

/** Why the periods could not be read (null: read), and the period chosen before, by its label. */
export type PeriodsUnread = { why: "rejected" | "offline"; kept: string | null } | null;

export interface SettingsState {
  settings: AppSettings;
  periods: OpenPeriod[] | null;
  unread?: PeriodsUnread;
  confirmedSheets: number;
  advanced: AdvancedOptions;
}

export function settingsHtml(state: SettingsState): string {
  const { settings } = state;
  const locale = settings.locale;
  const o = ONBOARDING_STRINGS[locale];
  const t = STRINGS[locale];
  const role = settings.role ? o.roles[settings.role] : null;
  const who = settings.unit ? o.settings.who(settings.unit.name, role ?? "") : settings.role === "admin" ? o.settings.who(o.settings.wholeProvince, role ?? "") : o.settings.unknown;
  const mapping = state.confirmedSheets
    ? `<section aria-labelledby="mapping-saved-title"><h3 id="mapping-saved-title">${o.settings.mappingTitle}</h3><p>${t.mapping.saved(state.confirmedSheets)}</p>${actionButtonHtml("reset-mapping", t.mapping.reset)}</section>`
    : "";
  return `<section class="settings" aria-labelledby="settings-title" data-testid="settings"><h2 id="settings-title">${o.settings.title}</h2>
    <section aria-labelledby="account-title"><h3 id="account-title">${o.settings.account}</h3><p data-testid="account">${esc(who)}</p>
      <div class="form-actions">${actionButtonHtml("reactivate", o.settings.reactivate)}${actionButtonHtml("sign-out", o.settings.signOut)}</div></section>
    <section aria-labelledby="period-title"><h3 id="period-title">${o.settings.period}</h3>${periodChoiceHtml(locale, state.periods, settings.periodId, settings.role === "reviewer" || settings.role === "admin", state.unread ?? null)}</section>
    ${mapping}
    <p>${actionButtonHtml("help", o.settings.help, { attrs: `appearance="transparent"` })}</p>
    ${advancedHtml(locale, state.advanced)}</section>`;
}
