import type { ColumnKind, Locale } from "../../../shared/index.ts";
import { MAPPED_KINDS, type MappingQuestion } from "../column-mapping.ts";
import { STRINGS } from "../i18n.ts";
import { esc, fieldHtml as field } from "./render.ts";

/**
 * The column-mapping form as one labelled column: each label above its own field (at 350 px
 * a label beside its drop-down ended up beside the next one's). Native inputs and selects
 * inside fluent-field, so it works from the keyboard alone and every field has its name.
 */
export function mappingFormHtml(q: MappingQuestion, locale: Locale, problem: string | null): string {
  const t = STRINGS[locale].mapping;
  const missing = q.missing.filter((k) => k === "self" || k === "max" || k === "title").map((k) => t.kinds[k]).join(", ") || "—";
  const select = (kind: ColumnKind) => {
    const options = q.options.map((o) => `<option value="${o.index}"${q.columns[kind] === o.index ? " selected" : ""}>${esc(o.text)}</option>`).join("");
    return field(`map-${kind}`, t.kinds[kind], `<select slot="input" id="map-${kind}" name="${kind}" data-kind="${kind}"><option value="">${t.none}</option>${options}</select>`);
  };
  const row = (name: "headerTop" | "headerBottom", label: string, value: number, required: boolean) =>
    field(`map-${name}`, label, `<input slot="input" id="map-${name}" name="${name}" type="number" min="1" step="1" inputmode="numeric"${required ? " required" : ""} value="${value + 1}">`);
  const error = problem ? `<fluent-message-bar intent="error" layout="multiline" role="alert" data-testid="mapping-problem">${esc(problem)}</fluent-message-bar>` : "";
  return `<section class="mapping" aria-labelledby="mapping-title" data-testid="mapping">
    <h2 id="mapping-title">${t.title}</h2><p id="mapping-explain">${esc(t.explain(q.sheet, missing))}</p>${error}
    <form id="mapping-form" class="vertical-form" data-sheet="${esc(q.sheet)}" aria-describedby="mapping-explain">
      ${row("headerTop", t.headerTop, q.headerTop, true)}${row("headerBottom", t.headerBottom, q.headerBottom, false)}
      ${MAPPED_KINDS.map(select).join("")}
      <fluent-button type="submit" appearance="primary">${t.confirm}</fluent-button></form></section>`;
}
