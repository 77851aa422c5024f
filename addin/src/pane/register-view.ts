import { documentReference, formatDateVi, REGISTER_FLAGS, type EvidenceRegister, type Locale, type RegisterDocument } from "../../../shared/index.ts";
import { STRINGS } from "../i18n.ts";
import { INSIGHT_STRINGS } from "../i18n-insight.ts";
import { actionButtonHtml, cellLinkHtml, esc } from "./render.ts";

/** The "Sổ tài liệu kiểm chứng" section: the engine's evidence register, flagged documents first (issue 8). */

function documentName(d: RegisterDocument, locale: Locale): string {
  const t = STRINGS[locale].register;
  // A document's Vietnamese title stays whole in English too: "Quyết định số 12/QĐ-UBND", not "Quyết định no. …" (A4-8).
  if (d.number !== null) return `${d.kind ? `${d.kind} số` : t.number} ${documentReference(d)}`;
  const text = d.citations[0]?.text ?? "";
  return text ? `“${text}”` : t.unnamed;
}

function documentHtml(d: RegisterDocument, locale: Locale): string {
  const t = STRINGS[locale].register;
  const dates = d.dates.length ? d.dates.map(formatDateVi).join(", ") : t.noDate;
  // Each citing criterion links to the cell that cites it (the first, if several rows share a code's text).
  const citing = d.criteria
    .map((code) => {
      const cell = d.citations.find((c) => c.criterion === code)?.cell;
      return cell ? cellLinkHtml(cell, code) : esc(code);
    })
    .join(" ");
  const flags = d.flags.map((f) => `<span class="flag flag-${f}">${t.flags[f]}</span>`).join(" ");
  const messages = d.messages[locale].map((m) => `<p>${esc(m)}</p>`).join("");
  const kind = d.flags.length ? " flagged" : "";
  return `<li class="doc${kind}" data-testid="register-doc" data-flags="${d.flags.join(" ")}"><div class="doc-head"><strong>${esc(documentName(d, locale))}</strong> ${flags}</div>
    <p class="doc-meta">${t.dates}: ${esc(dates)}</p><p class="doc-meta">${t.criteria}: ${citing}</p>${messages}</li>`;
}

export function registerHtml(register: EvidenceRegister, locale: Locale, open: boolean): string {
  const t = STRINGS[locale].register;
  const flagged = register.documents.filter((d) => d.flags.length > 0);
  const docs = [...flagged, ...register.documents.filter((d) => d.flags.length === 0)];
  const counts = REGISTER_FLAGS.filter((f) => register.counts[f] > 0)
    .map((f) => `<span class="flag flag-${f}">${t.flags[f]}: ${register.counts[f]}</span>`)
    .join(" ");
  const toggle = `<div class="actions">${actionButtonHtml("toggle-register", open ? t.hide : t.show, { attrs: `aria-expanded="${open}" aria-controls="register-list"` })}${actionButtonHtml("export-register", INSIGHT_STRINGS[locale].exportRegister)}</div>`;
  const list = !open ? "" : docs.length ? `<ul id="register-list" class="register-list">${docs.map((d) => documentHtml(d, locale)).join("")}</ul>` : `<p id="register-list">${t.empty}</p>`;
  return `<section class="register" aria-labelledby="register-title" data-testid="register"><h2 id="register-title">${t.title}</h2>
    <p data-testid="register-summary">${t.summary(register.documents.length, flagged.length)} ${counts}</p>${toggle}${list}</section>`;
}
