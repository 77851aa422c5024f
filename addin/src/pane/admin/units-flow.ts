import { holdsCriteriaHeader, UNIT_TYPE_NAME, type UnitImportResult } from "../../../../shared/index.ts";
import { ADMIN_STRINGS } from "../../i18n-admin.ts";
import { describeApiFailure } from "../../i18n-runtime.ts";
import { serverSentence } from "../../errors.ts";
import { findUnitsTable, holdsUnitsList, MAX_UNIT_ROWS, problemCell, type UnitsTable } from "../../units-sheet.ts";
import type { PaneContext } from "../pane-context.ts";
import { actionButtonHtml, cellLinkHtml, esc } from "../render.ts";

/**
 * Units from a sheet for the admin (issue 16 item 2): the list open in Excel (or in the web
 * checker) is previewed by the server (`dryRun`: nothing created), every row's problem shown
 * as a link to its cell, then created in one all-or-nothing request. The preview's rows are
 * the ones created: re-reading happens only with "preview" again.
 */
export class UnitsFlow {
  private table: UnitsTable | null = null;
  private preview: UnitImportResult | null = null;
  private key: string | null = null;

  constructor(private readonly pane: PaneContext) {}

  private get words() {
    return ADMIN_STRINGS[this.pane.locale].units;
  }

  async previewSheet(): Promise<void> {
    const { pane } = this;
    await pane.guard(async () => {
      this.preview = null;
      const { grid } = await pane.host.readGrid({ readsInFull: (window) => holdsCriteriaHeader(window) || holdsUnitsList(window), onProgress: (p) => pane.showProgress(p.step, p.of) });
      const table = findUnitsTable(grid);
      this.table = table;
      if (!table) return void (pane.status = { kind: "error", text: this.words.noSheet });
      if (table.rows.length === 0) return void (pane.status = { kind: "error", text: this.words.noRows(table.sheet) });
      if (table.rows.length > MAX_UNIT_ROWS) return void (pane.status = { kind: "error", text: this.words.tooMany(MAX_UNIT_ROWS) });
      const r = await pane.client().importUnits(table.rows, true, "");
      if (!r.ok) return void (pane.status = { kind: "error", text: describeApiFailure(r, pane.locale) });
      this.preview = r.value;
      this.key = crypto.randomUUID();
      const p = r.value;
      pane.status = { kind: p.problems.length ? "warning" : "info", text: this.summary(p) };
    }, pane.t.reading(1, 4));
  }

  /** Create what the preview showed, all or nothing; refused rows send the user back to the preview. */
  async create(): Promise<void> {
    const { pane } = this;
    const { table, preview, key } = this;
    if (!table || !preview || !key || preview.problems.length) return;
    await pane.guard(async () => {
      const r = await pane.client().importUnits(table.rows, false, key);
      if (!r.ok) {
        const text = r.code === "UNITS_IMPORT_INVALID" ? this.words.fixFirst : (r.message && r.status === 409 ? serverSentence(r.message, pane.locale) : describeApiFailure(r, pane.locale));
        return void (pane.status = { kind: "error", text });
      }
      const created = r.value.units.filter((u) => u.action === "create").length;
      this.preview = null;
      this.key = null;
      pane.status = { kind: "ok", text: created ? this.words.created(created) : this.words.nothingNew };
    });
  }

  private summary(p: UnitImportResult): string {
    const create = p.units.filter((u) => u.action === "create").length;
    return this.words.summary(create, p.units.length - create, p.problems.length);
  }

  html(): string {
    const w = this.words;
    const intro = `<h3 id="units-title">${w.title}</h3><p>${w.intro}</p>`;
    return `<section aria-labelledby="units-title" data-testid="admin-units">${intro}${actionButtonHtml("units-preview", w.preview, { primary: !this.preview })}${this.previewHtml()}</section>`;
  }

  private previewHtml(): string {
    const { table, preview } = this;
    if (!table || !preview) return "";
    const w = this.words;
    const locale = this.pane.locale;
    const problems = preview.problems.length
      ? `<h4>${w.problems}</h4><ul class="findings" data-testid="units-problems">${preview.problems.map((p) => `<li class="finding error" data-code="${p.code}">${cellLinkHtml(problemCell(table, p))}<p>${esc(p.message)}</p></li>`).join("")}</ul>`
      : "";
    const creating = preview.units.filter((u) => u.action === "create");
    const rows = preview.units
      .map((u) => `<tr${u.action === "exists" ? ' class="exists"' : ""}><th scope="row">${u.row}</th><td>${esc(u.name)}</td><td>${esc(UNIT_TYPE_NAME[u.type][locale])}</td><td>${u.action === "exists" ? w.exists : ""}</td></tr>`)
      .join("");
    const list = preview.units.length ? `<h4>${w.toCreate}</h4><table class="mini" data-testid="units-planned"><thead><tr><th scope="col">#</th><th scope="col">${w.columns.name}</th><th scope="col">${w.columns.type}</th><th scope="col">${w.columns.state}</th></tr></thead><tbody>${rows}</tbody></table>` : "";
    const create = actionButtonHtml("units-create", w.create(creating.length), { primary: true, disabled: preview.problems.length > 0 || creating.length === 0 });
    return `<div class="preview" data-testid="units-preview"><p data-testid="units-summary">${esc(this.summary(preview))}</p>${problems}${list}${create}</div>`;
  }
}
