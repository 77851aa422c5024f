import type { Locale } from "../../../shared/index.ts";
import { STRINGS } from "../i18n.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import type { AppSettings } from "../settings.ts";
import { actionButtonHtml, esc } from "./render.ts";

export interface MainActions {
  role: AppSettings["role"];
  /** The server refused the saved token: activation with a new code is offered beside the check. */
  signInRejected: boolean;
  /** The web checker's download label (null: nothing to download). */
  download: string | null;
}

/** May this role submit a report? Only units do: a reviewer is refused (403), an admin would have to name the unit. */
export const submits = (role: AppSettings["role"]): boolean => role !== "reviewer" && role !== "admin";

/**
 * The main view's buttons: check for everyone; submit for units (a reviewer or admin is told in
 * one line that only units submit, instead of a button that can only be refused); consolidate
 * for everyone else; the web checker's download; activation with a new code when the sign-in was refused.
 */
export function mainActionsHtml(locale: Locale, a: MainActions): string {
  const t = STRINGS[locale];
  const o = ONBOARDING_STRINGS[locale];
  const reactivate = a.signInRejected ? actionButtonHtml("reactivate", o.settings.reactivate) : "";
  const submit = submits(a.role) ? actionButtonHtml("submit", t.submit) : "";
  const consolidate = a.role === "unit" ? "" : actionButtonHtml("consolidate", t.consolidate);
  const download = a.download ? actionButtonHtml("download", a.download) : "";
  const unitsOnly = submits(a.role) ? "" : `<p class="hint" data-testid="submit-units-only">${esc(o.submitUnitsOnly)}</p>`;
  return `<nav class="actions" aria-label="${t.appTitle}">${actionButtonHtml("check", t.check, { primary: true })}${reactivate}${submit}${consolidate}${download}</nav>${unitsOnly}`;
}
