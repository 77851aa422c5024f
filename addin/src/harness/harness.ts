import { parseCriteriaSet } from "../../../shared/index.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";
import { focusKey, PaneFrame } from "../pane/pane-frame.ts";
import { localStore } from "../storage.ts";
import { useFluent } from "../ui/fluent.ts";
import { openWorkbookFile } from "../web/open-workbook.ts";
import { WorkbookPage } from "../web/workbook-page.ts";

/**
 * The test harness (never deployed): the pane beside a workbook file opened in the page, plus
 * a criteria set from a file, for the browser tests and demos without Excel or a server.
 */
useFluent();
const view = document.getElementById("grid-view")!;
const page = new WorkbookPage(document.getElementById("app")!, { tabs: document.getElementById("sheet-tabs")!, grid: view }, localStore(), false);

document.getElementById("workbook-file")!.addEventListener("change", async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const opened = await openWorkbookFile(file, page.app?.locale ?? "vi");
  if (!opened.ok) return void (view.textContent = opened.text);
  const app = await page.open(opened.grid, file.name);
  await app.check();
});

document.getElementById("criteria-file")!.addEventListener("change", async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const locale = page.app?.locale ?? "vi";
  let parsed: ReturnType<typeof parseCriteriaSet> | null = null;
  try {
    parsed = parseCriteriaSet(JSON.parse(await file.text()));
  } catch {
    parsed = null;
  }
  if (!parsed?.ok) return void (view.textContent = ONBOARDING_STRINGS[locale].input.badCriteria(file.name));
  await page.app?.useCriteriaSet(parsed.set);
});

// For the browser tests that drive a part of the pane directly (addin/e2e/insight.e2e.test.ts):
// they load the built pages, whose modules have no addresses of their own, and reach the pane
// opened in the page through `page.app`. The harness is never deployed.
Object.assign(window, { parindexHarness: { PaneFrame, focusKey, page } });
