import type { Locale } from "../../../shared/index.ts";
import { describeLastOutcome, type LastOutcome } from "../last-outcome.ts";
import { STRINGS } from "../i18n.ts";

/** Small HTML pieces every view uses; pure, so the harness, the web checker and tests render the same thing. */

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A cell address as a link-like button: pressing it selects the cell in the workbook. */
export function cellLinkHtml(cell: string, label = cell): string {
  return `<button type="button" class="finding-link" data-action="select" data-cell="${esc(cell)}" title="${esc(cell)}">${esc(label)}</button>`;
}

/** A Fluent button that runs a pane action. */
export function actionButtonHtml(action: string, label: string, options: { primary?: boolean; disabled?: boolean; attrs?: string } = {}): string {
  const attrs = [options.primary ? `appearance="primary"` : "", options.disabled ? `disabled aria-disabled="true"` : "", options.attrs ?? ""].filter(Boolean).join(" ");
  // A state (aria-expanded, aria-disabled) needs the role in the markup, where every checker sees it.
  const role = attrs.includes("aria-") ? ` role="button"` : "";
  return `<fluent-button data-action="${action}"${role}${attrs ? ` ${attrs}` : ""}>${esc(label)}</fluent-button>`;
}

/**
 * One labelled field of a vertical form: the label above its control, a hint below. The
 * control is given with slot="input" and the id; native controls keep the browser's own
 * keyboard and screen-reader behaviour (ui/fluent.ts says why).
 */
export function fieldHtml(id: string, label: string, control: string, hint?: string): string {
  const message = hint ? `<span slot="message" id="${id}-hint" class="hint">${esc(hint)}</span>` : "";
  return `<fluent-field label-position="above" class="form-field"><label slot="label" for="${id}">${esc(label)}</label>${control}${message}</fluent-field>`;
}

/**
 * A checkbox or radio inside its label, in Fluent's colours (pane.css). Native on purpose:
 * Fluent's own keep their role and state in ElementInternals, which assistive checks such as
 * axe-core cannot see, and a native control carries its label, state and form value itself.
 */
export function choiceHtml(kind: "checkbox" | "radio", label: string, attrs: string): string {
  return `<label class="choice"><input type="${kind}" ${attrs}><span>${esc(label)}</span></label>`;
}

export function lastOutcomeHtml(o: LastOutcome, locale: Locale): string {
  const d = describeLastOutcome(o, locale);
  const intent = d.tone === "ok" ? "success" : d.tone;
  return `<section class="last-outcome" aria-labelledby="last-outcome-title" data-testid="last-outcome" data-kind="${o.kind}"><h2 id="last-outcome-title">${STRINGS[locale].lastSubmission}</h2><fluent-message-bar intent="${intent}" layout="multiline"><time datetime="${esc(o.at)}">${esc(d.when)}</time> — ${esc(d.text)}</fluent-message-bar></section>`;
}
