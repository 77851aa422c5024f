import type { Locale } from "../../../shared/index.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import { esc } from "../pane/render.ts";
import { loadSettings } from "../settings.ts";
import { localStore } from "../storage.ts";
import { useFluent } from "../ui/fluent.ts";
import { pickDropped } from "./dropped-files.ts";
import { openWorkbookFile } from "./open-workbook.ts";
import { WorkbookPage } from "./workbook-page.ts";

/**
 * The web checker at the Worker's `/` (issue 16 item 4), for offices whose Excel cannot run
 * add-ins: the same pane, the same engine and the same store (activation code first), with a
 * workbook picked from disk or dropped on the page instead of Excel, and the report offered
 * as a download. Nothing leaves the computer until the user submits.
 */
useFluent();
const store = localStore();
const intro = document.getElementById("checker-intro")!;
const picker = document.getElementById("workbook-file") as HTMLInputElement;
const drop = document.getElementById("drop-zone")!;
const fileStatus = document.getElementById("file-status")!;
const page = new WorkbookPage(document.getElementById("app")!, { tabs: document.getElementById("sheet-tabs")!, grid: document.getElementById("grid-view")! }, store, true);

async function locale(): Promise<Locale> {
  return page.app?.locale ?? (await loadSettings(store)).locale;
}

/** The page's own words, in the pane's language (drawn again when the pane switches it). */
async function drawChrome(): Promise<void> {
  const lang = await locale();
  const t = ONBOARDING_STRINGS[lang].checker;
  document.documentElement.lang = lang;
  document.title = t.title;
  // The workbook's side, named in the page's language (the tab strip again at each drawing; the grid is
  // the tab panel the chosen sheet's tab names, not a second region named "Bảng tính": sheet-view.ts).
  document.querySelector(".sheet-side")?.setAttribute("aria-label", t.workbook);
  document.getElementById("sheet-tabs")?.setAttribute("aria-label", t.sheets);
  document.getElementById("checker-title")!.textContent = t.title;
  intro.textContent = t.intro;
  document.getElementById("pick-label")!.textContent = t.pick;
  document.getElementById("drop-hint")!.textContent = t.drop;
  // A file's problem stays as it was said; the name of the open file, or that none is, follows the language.
  if (!fileStatus.querySelector("[data-testid=file-problem]")) fileStatus.textContent = statusLine(t, page.host?.fileName);
}

/**
 * The file being opened, with how many other files dropped with it were ignored. The status
 * line is drawn from it wherever it is drawn: the page's first drawing, still waiting on the
 * saved language when a quick drop came, and the language button had each written the bare
 * name over "… 1 tệp còn lại được bỏ qua" (a full test run caught the first).
 */
let opening: { name: string; ignored: number } | null = null;

function statusLine(t: (typeof ONBOARDING_STRINGS)[Locale]["checker"], openName: string | null | undefined): string {
  const name = opening?.name ?? openName;
  if (!name) return t.noFile;
  const ignored = opening?.ignored ?? 0;
  return ignored > 0 ? `${t.opened(name)}. ${t.othersIgnored(ignored)}` : t.opened(name);
}

/** `ignored`: other files dropped with it, said beside its name. */
async function openFile(file: File, ignored = 0): Promise<void> {
  opening = { name: file.name, ignored };
  const lang = await locale();
  fileStatus.textContent = statusLine(ONBOARDING_STRINGS[lang].checker, file.name);
  const opened = await openWorkbookFile(file, lang);
  // An admin reading a units list or a decision stays in the admin view; anyone else gets the check.
  const admin = page.app?.currentView === "admin";
  if (!opened.ok) {
    // As for an empty workbook: nothing of the file before stays on screen or can be submitted.
    opening = null;
    await page.open(null, "", admin ? "admin" : null);
    fileStatus.innerHTML = `<fluent-message-bar intent="error" layout="multiline" data-testid="file-problem">${esc(opened.text)}</fluent-message-bar>`;
    return;
  }
  const app = await page.open(opened.grid, file.name, admin ? "admin" : null);
  if (!admin) await app.check();
}

picker.addEventListener("change", () => {
  const file = picker.files?.[0];
  if (file) void openFile(file);
  // The same file picked again (after fixing it in Excel) is a change too.
  picker.value = "";
});
drop.addEventListener("dragover", (e) => {
  e.preventDefault();
  drop.classList.add("dragging");
});
drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("dragging");
  const picked = pickDropped([...(e.dataTransfer?.files ?? [])]);
  if (picked) void openFile(picked.file, picked.ignored);
});
// The pane's language button: the page's words follow once the pane has saved the choice.
document.addEventListener("click", (e) => {
  if ((e.target as HTMLElement).closest("[data-action=language]")) setTimeout(() => void drawChrome(), 0);
});

await page.open(null, "");
await drawChrome();
