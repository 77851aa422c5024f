import { parseCriteriaSet, cellText, columnLetter, quoteSheetName, type GridSheet } from "../../../shared/index.ts";
import { readWorkbookBytes } from "../../../xlsx/sheetjs-grid.ts";
import type { CellTarget } from "../cell-address.ts";
import { PaneApp } from "../pane/app.ts";
import { esc } from "../pane/render.ts";
import { localStore } from "../storage.ts";
import { FileHost, type OwnSheet } from "./file-host.ts";

/** The pane in a plain browser: a workbook file opened in the page stands in for Excel. */
let pane = document.getElementById("app")!;
const view = document.getElementById("grid-view")!;
const tabs = document.getElementById("sheet-tabs")!;
const store = localStore();
let host: FileHost | null = null;
let app: PaneApp | null = null;
let shown = "";

function renderSheet(name: string, selected: CellTarget | null): void {
  if (!host) return;
  shown = name;
  const own = host.ownSheets.get(name);
  const sheet: GridSheet | undefined = host.sheets.find((s) => s.name === name);
  const rows: string[][] = own ? own.rows.map((r) => r.map(String)) : (sheet?.rows ?? []).map((r) => r.map((c) => cellText(c ?? undefined)));
  const width = Math.max(0, ...rows.map((r) => r.length));
  const head = `<tr><th></th>${Array.from({ length: width }, (_, c) => `<th>${columnLetter(c)}</th>`).join("")}</tr>`;
  const body = rows
    .map((r, i) => `<tr><th>${i + 1}</th>${Array.from({ length: width }, (_, c) => {
      const sel = selected && selected.sheet === name && selected.row === i && selected.col === c;
      return `<td${sel ? ' class="selected" data-selected-cell' : ""} data-address="${columnLetter(c)}${i + 1}">${esc(r[c] ?? "")}</td>`;
    }).join("")}</tr>`)
    .join("");
  view.innerHTML = `<p data-testid="selection">${selected ? esc(`${quoteSheetName(selected.sheet)}!${selected.address}`) : ""}</p><table>${head}${body}</table>`;
  const names = [...host.sheets.map((s) => s.name), ...host.ownSheets.keys()];
  tabs.innerHTML = names.map((n) => `<button role="tab" aria-selected="${n === name}" data-sheet="${esc(n)}">${esc(n)}</button>`).join("");
  view.querySelector(".selected")?.scrollIntoView({ block: "center" });
}

tabs.addEventListener("click", (e) => {
  const name = (e.target as HTMLElement).closest<HTMLElement>("[data-sheet]")?.dataset.sheet;
  if (name) renderSheet(name, host?.selected ?? null);
});

document.getElementById("workbook-file")!.addEventListener("change", async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const read = readWorkbookBytes(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return void (view.textContent = read.message);
  host = new FileHost(read.grid, {
    onSelect: (target) => renderSheet(target.sheet, target),
    onOwnSheet: (sheet: OwnSheet) => renderSheet(shown || sheet.name, host?.selected ?? null),
    persist: { fileName: file.name, storage: localStorage },
  });
  renderSheet(read.grid.sheets[0]?.name ?? "", null);
  // A fresh pane element per workbook: the previous PaneApp's listeners stay on the old,
  // detached one, so a click can never reach it and submit the workbook opened before.
  const fresh = pane.cloneNode(false) as HTMLElement;
  pane.replaceWith(fresh);
  pane = fresh;
  app = new PaneApp(pane, host, store);
  await app.start(null);
  await app.check();
});

document.getElementById("criteria-file")!.addEventListener("change", async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const parsed = parseCriteriaSet(JSON.parse(await file.text()));
  if (!parsed.ok) return void (view.textContent = parsed.message);
  await app?.useCriteriaSet(parsed.set);
});
