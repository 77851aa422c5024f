import { formatNumber, holdsCriteriaHeader, importCriteriaSet, parseCriteriaSet, UNIT_TYPE_NAME, type CriteriaItem, type CriteriaSet, type ImportNote, type UnitType } from "../../../../shared/index.ts";
import { ADMIN_STRINGS } from "../../i18n-admin.ts";
import { describeApiFailure } from "../../i18n-runtime.ts";
import type { PaneContext } from "../pane-context.ts";
import { cellLinkHtml, esc, fieldHtml } from "../render.ts";

/** The id a criteria set has in the API's paths (worker/src/api-schemas.ts IdSchema). */
const SET_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const UNIT_TYPES = Object.keys(UNIT_TYPE_NAME) as UnitType[];

interface Preview {
  set: CriteriaSet;
  sheet: string;
  notes: ImportNote[];
}

/**
 * A criteria set from a decision's own table open in the workbook (issue 13 item 3, the
 * add-in's part): the engine's importer (CRITERIA-FORMAT §7) reads it, the preview marks
 * what it could not infer, each note a link to its cell, and the set goes to the server as a
 * draft version through the criteria-set API, to be checked before it is published.
 */
export class CriteriaImportFlow {
  private form = { id: "", year: String(new Date().getFullYear()), unitType: "commune" as UnitType };
  private preview: Preview | null = null;
  private key: string | null = null;
  /**
   * Drafts offered for publishing (README step 4: a draft, then publish): the one stored from
   * this pane, and those the server lists on request — stored in another session or by another
   * admin (before, a draft could be published from the pane only in the session that stored it).
   */
  private drafts: Draft[] = [];
  /** Whether the server's list was asked for (then an empty list is said, not hidden). */
  private listed = false;

  constructor(private readonly pane: PaneContext) {}

  private get words() {
    return ADMIN_STRINGS[this.pane.locale].criteria;
  }

  async read(data: FormData): Promise<void> {
    const { pane } = this;
    this.form = { id: String(data.get("setId") ?? "").trim(), year: String(data.get("year") ?? "").trim(), unitType: UNIT_TYPES.find((t) => t === data.get("unitType")) ?? "commune" };
    this.preview = null;
    const year = Number(this.form.year);
    if (!SET_ID.test(this.form.id)) return pane.say("error", this.words.badId);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return pane.say("error", this.words.badYear);
    await pane.guard(async () => {
      const { grid } = await pane.host.readGrid({ readsInFull: (window) => holdsCriteriaHeader(window, year), onProgress: (p) => pane.showProgress(p.step, p.of) });
      const imported = importCriteriaSet(grid, { id: this.form.id, year, unitType: this.form.unitType, locale: pane.locale });
      // A set the schema refuses is said in words; the schema's own text is for the administrator only.
      if (!imported.ok && imported.code === "CRITERIA_INVALID") return void (pane.status = { kind: "error", text: this.words.invalid, detail: imported.message });
      if (!imported.ok) return void (pane.status = { kind: "error", text: imported.message });
      // The importer hands back a set its own schema accepted; parsing gives it the engine's type.
      const parsed = parseCriteriaSet(imported.set);
      if (!parsed.ok) return void (pane.status = { kind: "error", text: this.words.invalid, detail: parsed.message });
      this.preview = { set: parsed.set, sheet: imported.sheet, notes: imported.notes };
      this.key = crypto.randomUUID();
      pane.status = { kind: imported.notes.length ? "warning" : "info", text: this.summary(parsed.set) };
    }, pane.t.reading(1, 4));
  }

  async publish(): Promise<void> {
    const { pane, preview, key } = this;
    if (!preview || !key) return;
    await pane.guard(async () => {
      const r = await pane.client().publishDraft(preview.set, key);
      if (!r.ok) return void (pane.status = { kind: "error", text: describeApiFailure(r, pane.locale) });
      this.offer({ id: r.value.id, version: r.value.version, summary: this.summary(preview.set) });
      this.preview = null;
      this.key = null;
      pane.status = { kind: "ok", text: this.words.published(r.value.id, r.value.version) };
    });
  }

  /** The drafts the server holds, whoever stored them: each then offered for publishing. */
  async listDrafts(): Promise<void> {
    const { pane } = this;
    await pane.guard(async () => {
      const r = await pane.client().criteriaDrafts();
      if (!r.ok) return void (pane.status = { kind: "error", text: describeApiFailure(r, pane.locale) });
      const kept = new Map(this.drafts.map((d) => [draftKey(d), d]));
      this.drafts = r.value.map((d) => kept.get(draftKey(d)) ?? { id: d.id, version: d.version, summary: this.words.listed(d.title, UNIT_TYPE_NAME[d.unitType][pane.locale], d.year) });
      this.listed = true;
      pane.status = { kind: "info", text: this.words.draftsFound(this.drafts.length) };
    });
  }

  /** Publishes a draft offered above (`key`: "id@version"): the step that lets a period open with it. */
  async release(key: string | undefined): Promise<void> {
    const { pane } = this;
    const draft = this.drafts.find((d) => draftKey(d) === key);
    if (!draft) return;
    await pane.guard(async () => {
      const r = await pane.client().publishVersion(draft.id, draft.version);
      // No longer a draft (published by a first click whose answer was lost, or by another admin):
      // the server says which state it is in (its sentence, in the pane's language: describeFailure); nothing is left to publish here.
      if (!r.ok && r.code === "INVALID_STATUS_CHANGE") {
        this.withdraw(draft);
        return void (pane.status = { kind: "info", text: describeApiFailure(r, pane.locale) });
      }
      if (!r.ok) return void (pane.status = { kind: "error", text: describeApiFailure(r, pane.locale) });
      this.withdraw(draft);
      pane.status = { kind: "ok", text: this.words.released(r.value.id, r.value.version) };
    });
  }

  private offer(draft: Draft): void {
    this.drafts = [draft, ...this.drafts.filter((d) => draftKey(d) !== draftKey(draft))];
  }

  private withdraw(draft: Draft): void {
    this.drafts = this.drafts.filter((d) => d !== draft);
  }

  private summary(set: CriteriaSet): string {
    return this.words.summary(set.title, leaves(set.items).length, formatNumber(set.maxPoints, this.pane.locale));
  }

  html(): string {
    const w = this.words;
    const locale = this.pane.locale;
    const types = UNIT_TYPES.map((t) => `<option value="${t}"${t === this.form.unitType ? " selected" : ""}>${esc(UNIT_TYPE_NAME[t][locale])}</option>`).join("");
    // No field is named "id": form.id would then be that field, not the form's id (the pane routes by it).
    const form = `<form id="criteria-import-form" class="vertical-form">
      ${fieldHtml("import-id", w.id, `<input slot="input" id="import-id" name="setId" required autocomplete="off" spellcheck="false" value="${esc(this.form.id)}">`)}
      ${fieldHtml("import-year", w.year, `<input slot="input" id="import-year" name="year" type="number" min="2000" max="2100" step="1" inputmode="numeric" required value="${esc(this.form.year)}">`)}
      ${fieldHtml("import-unit-type", w.unitType, `<select slot="input" id="import-unit-type" name="unitType">${types}</select>`)}
      <fluent-button type="submit"${this.preview ? "" : ' appearance="primary"'}>${w.read}</fluent-button></form>`;
    return `<section aria-labelledby="criteria-import-title" data-testid="admin-criteria"><h3 id="criteria-import-title">${w.title}</h3><p>${w.intro}</p>${form}${this.previewHtml()}${this.draftHtml()}</section>`;
  }

  private draftHtml(): string {
    if (this.preview) return "";
    const w = this.words;
    const offered = this.drafts
      .map(
        (d) => `<div class="preview" data-testid="import-draft"><p>${esc(w.draft(d.id, d.version, d.summary))}</p>
      <fluent-button data-action="criteria-release" data-draft="${esc(draftKey(d))}" appearance="primary">${esc(w.release(d.version))}</fluent-button></div>`,
      )
      .join("");
    const none = this.listed && this.drafts.length === 0 ? `<p data-testid="no-drafts">${esc(w.noDrafts)}</p>` : "";
    return `${offered}${none}<div class="form-actions"><fluent-button data-action="criteria-drafts">${esc(w.listDrafts)}</fluent-button></div>`;
  }

  private previewHtml(): string {
    const p = this.preview;
    if (!p) return "";
    const w = this.words;
    const locale = this.pane.locale;
    const noted = new Set(p.notes.flatMap((n) => (n.criterion ? [n.criterion] : [])));
    const notes = p.notes.length
      ? `<h4>${w.notes}</h4><ul class="findings" data-testid="import-notes">${p.notes.map((n) => `<li class="finding warning" data-code="${esc(n.code)}">${cellLinkHtml(n.cell)}<p>${esc(n.message)}</p></li>`).join("")}</ul>`
      : `<p class="all-good">${w.noNotes}</p>`;
    const item = (i: CriteriaItem): string => {
      const mark = noted.has(i.code) ? ' class="noted"' : "";
      const children = i.children?.length ? `<ul>${i.children.map(item).join("")}</ul>` : "";
      return `<li${mark} data-code="${esc(i.code)}"><span class="code">${esc(i.code)}</span> ${esc(i.title)}${i.max !== undefined ? ` <span class="max">(${formatNumber(i.max, locale)})</span>` : ""}${children}</li>`;
    };
    return `<div class="preview" data-testid="import-preview"><p data-testid="import-summary">${esc(this.summary(p.set))}</p>${notes}
      <details class="import-tree"${noted.size ? " open" : ""}><summary>${w.fields}</summary><ul class="criteria-tree">${p.set.items.map(item).join("")}</ul></details>
      <fluent-button data-action="criteria-publish" appearance="primary">${w.publish}</fluent-button></div>`;
  }
}

interface Draft {
  id: string;
  version: number;
  summary: string;
}

const draftKey = (d: { id: string; version: number }): string => `${d.id}@${d.version}`;

function leaves(items: CriteriaItem[]): CriteriaItem[] {
  return items.flatMap((i) => (i.children?.length ? leaves(i.children) : [i]));
}
