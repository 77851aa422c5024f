import { cellText, columnLetter, quoteSheetName, type GridCell, type GridSheet, type Locale } from "../../../shared/index.ts";
import type { CellTarget } from "../cell-address.ts";
import { esc } from "../pane/render.ts";
import { STRINGS } from "../i18n.ts";
import type { FileHost } from "./file-host.ts";

/**
 * A workbook opened in the page, drawn as a grid with sheet tabs: the cell a finding points
 * to is selected and scrolled into view, as Excel would select it. Used by the web checker
 * and the test harness.
 */
export interface SheetViewElements {
  tabs: HTMLElement;
  grid: HTMLElement;
}

/** Rows drawn at most: a page stays responsive, and a finding's row is always among them. */
export const PREVIEW_ROWS = 400;

export class SheetView {
  private shown = "";

  constructor(
    private readonly host: FileHost,
    private readonly el: SheetViewElements,
    /** The tab strip's accessible name, in the page's language at each drawing. */
    private readonly label: () => string,
    /** The pane's language, for the decimal mark of numbers. */
    private readonly locale: () => Locale = () => "vi",
  ) {
    el.tabs.setAttribute("role", "tablist");
    el.grid.setAttribute("role", "tabpanel");
    el.tabs.onclick = (e) => {
      const name = (e.target as HTMLElement).closest<HTMLElement>("[data-sheet]")?.dataset.sheet;
      if (name) this.show(name, host.selected);
    };
    el.tabs.onkeydown = (e) => this.onTabKey(e);
  }

  /**
   * The WAI-ARIA tabs pattern: one tab stop, the arrows (and Home, End) move to a sheet and show
   * it; Enter and Space press the tab's button. show() keeps focus on the tab chosen (A4-3).
   */
  private onTabKey(e: KeyboardEvent): void {
    const tabs = [...this.el.tabs.querySelectorAll<HTMLElement>("[role=tab]")];
    const at = tabs.findIndex((t) => t === e.target);
    if (at < 0) return;
    const to = e.key === "ArrowRight" ? (at + 1) % tabs.length : e.key === "ArrowLeft" ? (at - 1 + tabs.length) % tabs.length : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : -1;
    const name = tabs[to]?.dataset.sheet;
    if (name === undefined) return;
    e.preventDefault();
    this.show(name, this.host.selected);
  }

  /** The sheet shown last again (else `fallback`, else the first one), after the add-in wrote one of its own. */
  refresh(fallback?: string): void {
    this.show(this.shown || fallback || (this.host.sheets[0]?.name ?? ""), this.host.selected);
  }

  /** Nothing open: no tabs, no grid. */
  clear(): void {
    this.shown = "";
    this.el.tabs.innerHTML = "";
    this.el.grid.innerHTML = "";
  }

  show(name: string, selected: CellTarget | null): void {
    this.shown = name;
    const own = this.host.ownSheets.get(name);
    const sheet: GridSheet | undefined = this.host.sheets.find((s) => s.name === name);
    const locale = this.locale();
    const all = own ? own.rows.length : (sheet?.rows.length ?? 0);
    // A window of rows, around the selected cell when there is one: a sheet of 60,000 evidence
    // rows drawn whole froze the page for 16–100 s (an outside tester).
    const at = selected && selected.sheet === name ? selected.row : 0;
    const first = Math.max(0, Math.min(at - PREVIEW_ROWS / 2, all - PREVIEW_ROWS));
    const end = Math.min(all, first + PREVIEW_ROWS);
    const rows: string[][] = own ? own.rows.slice(first, end) : (sheet?.rows ?? []).slice(first, end).map((r) => r.map((c) => previewText(c ?? undefined, locale)));
    const width = Math.max(0, ...rows.map((r) => r.length));
    // The corner is no header (an empty one named nothing, A4-10); letters and row numbers stick to the edges (pane.css, A4-5).
    const head = `<thead><tr><td class="corner"></td>${Array.from({ length: width }, (_, c) => `<th scope="col">${columnLetter(c)}</th>`).join("")}</tr></thead>`;
    const body = rows
      .map((r, k) => {
        const i = first + k;
        const cells = Array.from({ length: width }, (_, c) => {
          const sel = selected && selected.sheet === name && selected.row === i && selected.col === c;
          return `<td${sel ? ' class="selected" data-selected-cell' : ""} data-address="${columnLetter(c)}${i + 1}">${esc(r[c] ?? "")}</td>`;
        });
        return `<tr><th scope="row">${i + 1}</th>${cells.join("")}</tr>`;
      })
      .join("");
    const where = selected ? esc(`${quoteSheetName(selected.sheet)}!${selected.address}`) : "";
    const n = (x: number) => x.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB");
    const partial = all > end - first ? `<p class="hint" data-testid="rows-hidden">${esc(STRINGS[locale].previewRowsHidden(n(first + 1), n(end), n(all)))}</p>` : "";
    this.el.grid.innerHTML = `<p data-testid="selection">${where}</p>${partial}<table aria-label="${esc(name)}">${head}<tbody>${body}</tbody></table>`;
    const names = [...this.host.sheets.map((s) => s.name), ...this.host.ownSheets.keys()];
    // Focus on a tab (Enter, Space, an arrow) stays on the tab chosen: the strip is drawn afresh.
    const active = this.el.tabs.ownerDocument?.activeElement;
    const tabFocused = Boolean(active) && this.el.tabs.contains(active ?? null);
    const panel = this.el.grid.id || "grid-view";
    this.el.tabs.setAttribute("aria-label", this.label());
    this.el.tabs.innerHTML = names
      .map((n, i) => `<button type="button" role="tab" id="${panel}-tab-${i}" aria-controls="${panel}" aria-selected="${n === name}" tabindex="${n === name ? 0 : -1}" data-sheet="${esc(n)}">${esc(n)}</button>`)
      .join("");
    const chosen = names.indexOf(name);
    if (chosen >= 0) this.el.grid.setAttribute("aria-labelledby", `${panel}-tab-${chosen}`);
    if (tabFocused) this.el.tabs.querySelector<HTMLElement>("[aria-selected=true]")?.focus();
    this.el.grid.querySelector(".selected")?.scrollIntoView({ block: "center" });
  }
}

/** A date or time format: its dots and commas are literal ("dd.mm.yyyy"), not a decimal mark. */
const DATE_FORMAT = /[dmyhs]/i;

/**
 * A cell as the preview shows it: as Excel on a Vietnamese computer would, a number with the
 * decimal comma ("8,5", "1.250,75", "85,5%") like the findings' numbers (shared formatNumber).
 * Text stays exactly as typed: a code "1.10" is not a number.
 */
export function previewText(cell: GridCell | undefined, locale: Locale): string {
  const text = cellText(cell);
  if (locale !== "vi" || typeof cell?.v !== "number" || cell.err) return text;
  const format = (cell.z ?? "").replace(/"[^"]*"|\[[^\]]*\]/g, "");
  if (DATE_FORMAT.test(format)) return text;
  return text.replace(/[.,]/g, (mark) => (mark === "." ? "," : "."));
}
