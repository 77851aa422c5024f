import { describeRuntimeError } from "./i18n-runtime.ts";
import { rememberOutcome, type RibbonCommand } from "./last-outcome.ts";
import type { PaneApp } from "./pane/app.ts";
import { loadSettings } from "./settings.ts";
import type { KeyValueStore } from "./storage.ts";

/**
 * The CCHC tab's four buttons, all ExecuteFunction (manifest.xml FunctionName → command).
 * The manifest asks for SharedRuntime 1.1 before it shows them, and the function file is the
 * pane's own page: one runtime, so each button drives the open pane (paneRunner). Should a
 * host run them without a shared runtime, they work alone in the function file
 * (ribbon-standalone.ts) and leave their outcome in the store the pane reads.
 */
export const RIBBON_FUNCTIONS = {
  checkWorkbook: "check",
  submitReport: "submit",
  pullConsolidated: "consolidate",
  openSettings: "settings",
} as const satisfies Record<string, RibbonCommand>;

export type RibbonRunner = (command: RibbonCommand) => Promise<void>;

/** Office keeps a button busy until `event.completed()`, and the next click then does nothing: it is called on every path. */
export function associateRibbon(run: RibbonRunner, store: KeyValueStore): void {
  for (const [name, command] of Object.entries(RIBBON_FUNCTIONS)) {
    Office.actions.associate(name, async (event: Office.AddinCommands.Event) => {
      try {
        await run(command);
      } catch (e) {
        await recordFailure(store, command, e).catch(() => {});
      } finally {
        event.completed();
      }
    });
  }
}

/**
 * Under a shared runtime: show the pane (it may be closed) and start the action there, where
 * its progress and outcome are drawn. The button is released at once; the long-lived
 * runtime carries the work on, so no 5-minute function limit applies to it.
 */
export function paneRunner(app: PaneApp, showPane: () => Promise<void> = () => Office.addin.showAsTaskpane()): RibbonRunner {
  const actions: Record<RibbonCommand, () => Promise<void>> = {
    check: () => app.check(),
    submit: () => app.submit(),
    consolidate: () => app.consolidate(),
    settings: () => app.showSettings(),
  };
  return async (command) => {
    await showPane();
    void actions[command]();
  };
}

async function recordFailure(store: KeyValueStore, command: RibbonCommand, error: unknown): Promise<void> {
  const { locale } = await loadSettings(store);
  await rememberOutcome(store, { kind: "failed", command, at: new Date().toISOString(), text: describeRuntimeError(error, locale) });
}
