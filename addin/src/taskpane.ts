import { associateRibbon, paneRunner, type RibbonRunner } from "./commands.ts";
import { ExcelHost } from "./excel/excel-host.ts";
import { RUNTIME_STRINGS } from "./i18n-runtime.ts";
import { PaneApp } from "./pane/app.ts";
import { esc } from "./pane/render.ts";
import { standaloneRunner } from "./ribbon-standalone.ts";
import { firstRunLocale } from "./settings.ts";
import { memoryStore, userStore, type KeyValueStore } from "./storage.ts";
import { useFluent } from "./ui/fluent.ts";

/**
 * The add-in's one page: the task pane, and the ribbon's function file too (manifest
 * FunctionFile = Taskpane.Url, the shared runtime's page). Nothing that reads the context
 * runs before `Office.onReady`: office.js defines it (and the partition key of the one store)
 * only after its host file has loaded, later than this module may run.
 */
useFluent();

/**
 * The ribbon's functions are associated as soon as this module runs, taking over the
 * stand-ins taskpane.html associated right after office.js (and the clicks they hold): a click
 * reaches the page as soon as office.js has registered for clicks, and office.js refuses one
 * whose function is not associated yet (ooeInvalidCallback: the click is lost). What they run,
 * and the store they record into, come with Office.onReady.
 */
let ribbonReady: (ribbon: { run: RibbonRunner; store: KeyValueStore }) => void = () => {};
const ribbon = new Promise<{ run: RibbonRunner; store: KeyValueStore }>((resolve) => (ribbonReady = resolve));
// office.js did not load (Microsoft's CDN blocked): taskpane.html says so, and nothing here can run.
const officeLoaded = typeof Office !== "undefined";
// A host whose office.js has no Office.actions has no ribbon of ours either: the pane still opens.
if (officeLoaded && Office.actions) {
  associateRibbon(
    async (command) => (await ribbon).run(command),
    ribbon.then((r) => r.store),
  );
}

if (officeLoaded) void Office.onReady((info) => {
  // Excel connected: taskpane.html's "not connected yet" message goes, if it had come.
  (window as { parindexOfficeReady?: () => void }).parindexOfficeReady?.();
  const root = document.getElementById("app")!;
  if (info.host !== Office.HostType.Excel || !ExcelHost.canRead()) {
    // No button of the add-in runs here: a click is released at once.
    ribbonReady({ run: async () => {}, store: memoryStore() });
    const checker = `${location.origin}/`;
    const link = `<a href="${esc(checker)}">${esc(checker)}</a>`;
    root.innerHTML = `<fluent-message-bar intent="warning" layout="multiline" role="alert" data-testid="unsupported-host"><p>${RUNTIME_STRINGS.vi.unsupportedHost(link)}</p><p lang="en">${RUNTIME_STRINGS.en.unsupportedHost(link)}</p></fluent-message-bar>`;
    return;
  }
  const { store, persistent } = userStore();
  // Before any choice is saved, the pane speaks Office's language, as the ribbon does.
  const firstRun = firstRunLocale(Office.context.displayLanguage);
  const app = new PaneApp(root, new ExcelHost(), store, { persistent, firstRunLocale: firstRun });
  const shared = Office.context.requirements.isSetSupported("SharedRuntime", "1.1");
  // Started first and kept: a ribbon click that woke this runtime waits for it (paneRunner).
  const started = app.start(new URLSearchParams(location.search).get("action"));
  ribbonReady({ run: shared ? paneRunner(app, started) : standaloneRunner({ store, host: new ExcelHost(), refreshDocumentSettings, firstRunLocale: firstRun }), store });
});

function refreshDocumentSettings(): Promise<void> {
  return new Promise((resolve, reject) =>
    Office.context.document.settings.refreshAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error))),
  );
}
