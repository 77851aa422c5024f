import { unitWithParent, type Locale } from "../../../shared/index.ts";
import { STRINGS } from "../i18n.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import type { AppSettings } from "../settings.ts";
import { esc } from "./render.ts";

/** The status line: one sentence in the user's words, and what only an administrator needs (an add-in bug's own text). */
export type Status = { kind: "info" | "ok" | "warning" | "error"; text: string; detail?: string } | null;

/** The pane's frame: title and the buttons beside it, who is signed in for what, banners, progress and the status line. */

export type View = "first-run" | "main" | "settings" | "admin" | "help";

const INTENT: Record<NonNullable<Status>["kind"], string> = { info: "info", ok: "success", warning: "warning", error: "error" };

/**
 * `inPage`: the pane beside a workbook in a web page (the web checker, the harness), whose own
 * header and h1 name the page: the pane's title is then a heading under it, not a second banner
 * landmark and a second h1 (A4-10).
 */
export function headerHtml(locale: Locale, view: View, options: { canReview: boolean; signedIn: boolean; inPage?: boolean }): string {
  const t = STRINGS[locale];
  const o = ONBOARDING_STRINGS[locale];
  const other = locale === "vi" ? "en" : "vi";
  // The view that is open shows as the outlined button (its own heading says where one is).
  const look = (v: View) => (view === v ? "outline" : "subtle");
  const admin = options.canReview ? `<fluent-button appearance="${look("admin")}" size="small" data-action="admin">${o.admin.open}</fluent-button>` : "";
  const settings = !options.signedIn ? "" : `<fluent-button appearance="${look("settings")}" size="small" data-action="settings">${t.settings}</fluent-button>`;
  const [box, heading] = options.inPage ? ["div", "h2"] : ["header", "h1"];
  return `<${box} class="pane-header"><${heading} class="pane-title">${t.appTitle}</${heading}><div class="header-actions">${admin}<fluent-button appearance="subtle" size="small" data-action="language" lang="${other}">${t.language}</fluent-button>${settings}</div></${box}>`;
}

/** "Xã An Phú · Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/2025": what the pane works for. */
export function contextHtml(settings: AppSettings, signedIn: boolean): string {
  if (!signedIn) return "";
  const o = ONBOARDING_STRINGS[settings.locale];
  const who = settings.unit ? unitWithParent(settings.unit) : (settings.role === "admin" ? o.settings.wholeProvince : "");
  const period = settings.periodLabel?.[settings.locale] ?? settings.periodId;
  const parts = [who, period].filter(Boolean).map(esc);
  return parts.length ? `<p class="context" data-testid="context">${parts.join(" · ")}</p>` : "";
}

export function bannersHtml(locale: Locale, unsupported: string[], storageBlocked: string | null): string {
  const t = STRINGS[locale];
  const features = unsupported.length ? `<fluent-message-bar intent="warning" layout="multiline" role="alert"><p>${t.unsupported}</p><ul>${unsupported.map((u) => `<li>${esc(u)}</li>`).join("")}</ul></fluent-message-bar>` : "";
  const storage = storageBlocked ? `<fluent-message-bar intent="warning" layout="multiline" role="alert" data-testid="storage-blocked">${esc(storageBlocked)}</fluent-message-bar>` : "";
  return features + storage;
}

/** The slot the context fills in place while work runs (PaneContext.drawProgress). */
export function progressSlotHtml(progress: string | null): string {
  return `<div class="progress-slot" data-testid="progress-slot">${progressHtml(progress)}</div>`;
}

export function progressHtml(progress: string | null): string {
  return progress ? `<div class="progress" data-testid="progress"><fluent-progress-bar role="progressbar" aria-label="${esc(progress)}"></fluent-progress-bar><span>${esc(progress)}</span></div>` : "";
}

export function statusHtml(status: Status, locale: Locale): string {
  if (!status) return "";
  const detail = status.detail ? `<details class="technical"><summary>${ONBOARDING_STRINGS[locale].input.technical}</summary><code>${esc(status.detail)}</code></details>` : "";
  // Said aloud by the pane's own live region that holds it (pane-frame.ts): role none, so that the
  // bar (a status region of its own in Fluent) does not make a second one inside it.
  return `<fluent-message-bar role="none" intent="${INTENT[status.kind]}" layout="multiline" data-testid="status" data-kind="${status.kind}"><span class="status-text">${esc(status.text)}</span>${detail}</fluent-message-bar>`;
}
