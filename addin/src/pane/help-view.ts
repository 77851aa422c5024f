import { ruleKindHelp, type Locale } from "../../../shared/index.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import { actionButtonHtml, esc } from "./render.ts";

/**
 * The kinds of scoring rule a criteria set can say, from the engine's own catalogue
 * (shared/rule-help.ts, which the README repeats and a test keeps valid): each with how a
 * decision writes it and the JSON that says it. Reached from Settings and the admin view.
 */
export function helpHtml(locale: Locale): string {
  const t = ONBOARDING_STRINGS[locale].help;
  const kinds = ruleKindHelp(locale)
    .map((k) => `<li data-kind="${esc(k.key)}"><h3>${esc(k.name)}</h3><p>${esc(k.explanation)}</p><p>${t.example}:</p><blockquote lang="vi">${esc(k.phrase)}</blockquote><code>${esc(k.example)}</code></li>`)
    .join("");
  return `<section class="help" aria-labelledby="help-title" data-testid="help"><h2 id="help-title">${t.title}</h2><p>${t.intro}</p><ul class="rule-kinds">${kinds}</ul><p>${actionButtonHtml("back", ONBOARDING_STRINGS[locale].admin.back)}</p></section>`;
}
