import type { Grid, UnitType } from "../../../shared/index.ts";
import { mappingAnswer, resetConfirmedHeaders, saveConfirmedHeader, type MappingQuestion } from "../column-mapping.ts";
import { loadEngine } from "../engine-loader.ts";
import type { PaneContext } from "./pane-context.ts";
import { mappingFormHtml } from "./mapping-view.ts";

/**
 * When header detection is unsure, the pane asks which columns hold what instead of showing
 * a report scored from a guessed header; the answer is kept in the document.
 */
export class MappingFlow {
  /** Asked when header detection is unsure; replaces the report until answered. */
  question: MappingQuestion | null = null;
  /** The workbook as last read, to relabel the column choices when the header row changes. */
  grid: Grid | null = null;
  private problem: string | null = null;
  private focusPending = false;

  constructor(private readonly pane: PaneContext) {}

  ask(question: MappingQuestion): void {
    this.question = question;
    this.problem = null;
    this.focusPending = true;
  }

  formHtml(): string | null {
    return this.question ? mappingFormHtml(this.question, this.pane.locale, this.problem) : null;
  }

  /**
   * Once, right after the form appears: the first column still missing, so the keyboard
   * starts where the work is. A render begun before the question (the read's progress line)
   * may finish after it without the form; that one must not use up the focus.
   */
  focusFirstMissing(): void {
    if (!this.question || !this.focusPending) return;
    const first = this.question.missing.find((k) => k === "self" || k === "max" || k === "title") ?? "self";
    const select = this.pane.root.querySelector<HTMLSelectElement>(`#mapping-form select[name=${first}]`);
    if (!select) return;
    this.focusPending = false;
    select.focus();
  }

  /** Save the answered header for the question's sheet; the number of sheets confirmed, or null when the answer needs fixing. */
  async confirm(data: FormData): Promise<number | null> {
    if (!this.question) return null;
    const answer = mappingAnswer(this.question.sheet, Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)])));
    if (!answer.ok) {
      this.problem = this.pane.t.mapping.problems[answer.problem];
      await this.pane.render();
      return null;
    }
    const saved = await saveConfirmedHeader(this.pane.host, answer.header);
    this.question = null;
    return saved.length;
  }

  async reset(): Promise<void> {
    await resetConfirmedHeaders(this.pane.host);
    this.pane.status = { kind: "ok", text: this.pane.t.mapping.resetDone };
  }

  /** A new header row relabels the column choices from that row. */
  async onHeaderRowChanged(e: Event, year: number | undefined, unit?: UnitType): Promise<void> {
    const input = e.target as HTMLInputElement;
    if (!this.question || !this.grid || input.form?.id !== "mapping-form" || !["headerTop", "headerBottom"].includes(input.name)) return;
    const data = new FormData(input.form);
    const top = Number(data.get("headerTop")) - 1;
    const bottom = input.name === "headerTop" ? top : Number(data.get("headerBottom")) - 1;
    const sheet = this.grid.sheets.find((s) => s.name === this.question!.sheet);
    if (!sheet || !Number.isInteger(top) || !Number.isInteger(bottom) || top < 0 || bottom < top || bottom - top > 1) return;
    // The engine is loaded: the question came from a check (submit.ts).
    const { questionFor } = await loadEngine();
    if (this.question?.sheet !== sheet.name) return; // answered or asked anew meanwhile
    this.question = questionFor(sheet, top, bottom, year, unit);
    await this.pane.render();
    this.pane.root.querySelector<HTMLInputElement>(`#mapping-form [name=${input.name}]`)?.focus();
  }
}
