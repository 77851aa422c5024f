import { describeRuntimeError } from "./i18n-runtime.ts";
import { rememberOutcome, type RibbonCommand } from "./last-outcome.ts";
import type { PaneApp } from "./pane/app.ts";
import { loadSettings } from "./settings.ts";
import type { KeyValueStore } from "./storage.ts";

/**
 * The CCHC tab's four function buttons, all ExecuteFunction (manifest.xml FunctionName →
 * command); its fifth, *Mở ngăn CCHC*, is a ShowTaskpane of the same page, so it needs no code.
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

/**
 * Office keeps a button busy until `event.completed()`, and the next click then does nothing: it
 * is called on every path. `store` may still be coming (it is known only after Office.onReady,
 * while the functions are associated before it: see taskpane.ts).
 */
export function associateRibbon(run: RibbonRunner, store: KeyValueStore | PromiseLike<KeyValueStore>): void {
  const handlers = new Map<string, (event: Office.AddinCommands.Event) => Promise<void>>();
  for (const [name, command] of Object.entries(RIBBON_FUNCTIONS)) {
    const handler = async (event: Office.AddinCommands.Event): Promise<void> => {
      try {
        await run(command);
      } catch (e) {
        await Promise.resolve(store)
          .then((s) => recordFailure(s, command, e))
          .catch(() => {});
      } finally {
        event.completed();
      }
    };
    handlers.set(name, handler);
    // Over taskpane.html's stand-in of the same name: office.js logs "[DuplicatedName]
    // Function=…" as a warning and keeps this one (its mapping is replaced, not refused).
    Office.actions.associate(name, handler);
  }
  const deliver = (name: string, event: Office.AddinCommands.Event): void => {
    const handler = handlers.get(name);
    if (handler) void handler(event);
    else event.completed();
  };
  // A stand-in office.js looked up before this point but calls after it (a task later) hands
  // its click here; then the clicks the stand-ins (taskpane.html) took before this module ran.
  (globalThis as { parindexRibbonTakeover?: typeof deliver }).parindexRibbonTakeover = deliver;
  for (const click of earlyClicks().splice(0)) deliver(click.name, click.event);
}

/** A click taken by taskpane.html's stand-in for a ribbon function, before the module ran. */
export interface EarlyClick {
  name: string;
  event: Office.AddinCommands.Event;
}

const earlyClicks = (): EarlyClick[] => (globalThis as { parindexEarlyClicks?: EarlyClick[] }).parindexEarlyClicks ?? [];

/**
 * Under a shared runtime: show the pane (it may be closed) and start the action there, where
 * its progress and outcome are drawn. The button is released at once; the long-lived
 * runtime carries the work on, so no 5-minute function limit applies to it. Showing the pane
 * is asked for, never awaited: on Windows and Mac `showAsTaskpane()` may not resolve until
 * the command's `event.completed()` has been called (office-js#3250, #2877), so awaiting it
 * would leave the button busy and the pane unshown. A pane that cannot be shown does not
 * stop the action: its outcome still reaches the pane when it is next opened.
 *
 * `started` is the pane's `app.start()`: a click may wake a cold runtime, and reach here
 * before the pane has loaded its settings, token and criteria set. The action waits for it
 * (settled either way: an action that then fails says so in the pane); the button does not.
 */
export function paneRunner(app: PaneApp, started: Promise<unknown>, showPane: () => Promise<void> = () => Office.addin.showAsTaskpane()): RibbonRunner {
  const actions: Record<RibbonCommand, () => Promise<void>> = {
    check: () => app.check("ribbon"),
    submit: () => app.submit(false, "ribbon"),
    consolidate: () => app.consolidate("ribbon"),
    settings: () => app.showSettings(),
  };
  return async (command) => {
    try {
      void showPane().catch(() => {});
    } catch {
      // No pane to show (an office.js without Office.addin): the action still runs.
    }
    void started.then(
      () => actions[command](),
      () => actions[command](),
    );
  };
}

async function recordFailure(store: KeyValueStore, command: RibbonCommand, error: unknown): Promise<void> {
  const { locale } = await loadSettings(store);
  await rememberOutcome(store, { kind: "failed", command, at: new Date().toISOString(), text: describeRuntimeError(error, locale) });
}
