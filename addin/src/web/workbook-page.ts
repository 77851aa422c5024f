import type { Grid, Locale } from "../../../shared/index.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import { PaneApp } from "../pane/app.ts";
import { loadSettings } from "../settings.ts";
import type { KeyValueStore } from "../storage.ts";
import { FileHost } from "./file-host.ts";
import { reportWorkbook, saveFile } from "./report-download.ts";
import { SheetView, type SheetViewElements } from "./sheet-view.ts";

/**
 * The pane beside a workbook opened in the page (the web checker, the test harness): each
 * file opened gets its own FileHost and its own PaneApp on a fresh pane element, so the
 * previous one's listeners stay on the old, detached element and a click can never reach it
 * and submit the workbook opened before.
 */
export class WorkbookPage {
  app: PaneApp | null = null;
  host: FileHost | null = null;

  constructor(
    private pane: HTMLElement,
    private readonly sheets: SheetViewElements,
    private readonly store: KeyValueStore,
    /** Offer the report as a download (the web checker: there is no Excel to write it into). */
    private readonly download: boolean,
  ) {}

  /**
   * `grid` null: no file yet, or the one picked could not be read (the pane opens with nothing
   * to check or submit, and says to pick one when asked). `action`: the view to open on (PaneApp.start).
   */
  async open(grid: Grid | null, fileName: string, action: string | null = null): Promise<PaneApp> {
    const host: FileHost = new FileHost(grid ?? { sheets: [] }, {
      onSelect: (target) => view.show(target.sheet, target),
      onOwnSheet: (sheet) => view.refresh(sheet.name),
      persist: { fileName, storage: localStorage },
      noFile: grid === null,
    });
    const view = new SheetView(host, this.sheets, () => ONBOARDING_STRINGS[this.app?.locale ?? "vi"].checker.sheets, () => this.app?.locale ?? "vi");
    // No file (none yet, or one that could not be read): the previous file's sheets go with it.
    if (grid) view.refresh();
    else view.clear();
    const fresh = this.pane.cloneNode(false) as HTMLElement;
    this.pane.replaceWith(fresh);
    this.pane = fresh;
    this.host = host;
    const download = this.download ? { label: (locale: Locale) => ONBOARDING_STRINGS[locale].checker.download, available: () => host.ownSheets.size > 0, run: () => this.save(host, fileName) } : undefined;
    this.app = new PaneApp(fresh, host, this.store, download ? { download } : {});
    await this.app.start(action);
    return this.app;
  }

  private async locale(): Promise<Locale> {
    return this.app?.locale ?? (await loadSettings(this.store)).locale;
  }

  /** Every sheet the add-in wrote for this file, as one .xlsx named after it. */
  private async save(host: FileHost, fileName: string): Promise<void> {
    const bytes = await reportWorkbook([...host.ownSheets.values()]);
    saveFile(bytes, downloadFileName(fileName, this.app?.locale ?? "vi"));
  }
}

/**
 * "Xã An Phú - ket-qua-kiem-tra.xlsx" for a workbook opened; "ket-qua-kiem-tra.xlsx" when none
 * was (an admin's codes sheet) — not the name twice, as an outside tester found it.
 */
export function downloadFileName(fileName: string, locale: Locale): string {
  const suffix = ONBOARDING_STRINGS[locale].checker.downloadName;
  const base = fileName.replace(/\.[^.]+$/, "").trim();
  return base ? `${base} - ${suffix}.xlsx` : `${suffix}.xlsx`;
}
