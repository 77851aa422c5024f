import { describe, expect, it } from "vitest";
import { paneRunner } from "../src/commands.ts";
import type { PaneApp } from "../src/pane/app.ts";
import { PaneContext } from "../src/pane/pane-context.ts";
import { ribbonView } from "../src/pane/ribbon-outcome.ts";
import { DEFAULT_SETTINGS } from "../src/settings.ts";
import { memoryStore } from "../src/storage.ts";

/**
 * OJS3-3: under the shared runtime the ribbon releases its button at once and the action runs
 * in the pane, one at a time. A click while another action ran was dropped without a word: a
 * civil servant who pressed "Nộp báo cáo" during a check and then closed Excel believed the
 * report sent. It is now said in the pane, and stays said when the running action ends; and
 * a ribbon action shows the pane's main view, where its outcome is drawn.
 */
const root = { querySelector: () => null, setAttribute() {}, removeAttribute() {} } as unknown as HTMLElement;

function pane(locale: "vi" | "en" = "vi") {
  const renders: (string | null)[] = [];
  const p = new PaneContext(root, {} as never, memoryStore(), async () => void renders.push(p.status?.text ?? null));
  p.settings = { ...DEFAULT_SETTINGS, locale };
  return { p, renders };
}

describe("a ribbon click while the pane is busy (OJS3-3)", () => {
  it("is said at once, in the pane's language, and still said once the running action has ended", async () => {
    for (const [locale, words] of [["vi", /Nộp báo cáo.*lại sau khi xong/], ["en", /Submit.*again once/]] as const) {
      const { p, renders } = pane(locale);
      let release!: () => void;
      const running = p.guard(() => new Promise<void>((r) => (release = r)));
      expect(p.busy).toBe(true);
      await p.refuseWhileBusy(p.t.submit);
      expect(p.status).toMatchObject({ kind: "warning" });
      expect(renders.at(-1)).toMatch(words);
      release();
      await running;
      expect(p.busy).toBe(false);
      expect(p.status?.text).toMatch(words);
    }
  });

  it("the pane says it is updating (aria-busy) exactly while an action runs", async () => {
    const attributes = new Map<string, string>();
    const watched = { querySelector: () => null, setAttribute: (k: string, v: string) => void attributes.set(k, v), removeAttribute: (k: string) => void attributes.delete(k) } as unknown as HTMLElement;
    const p = new PaneContext(watched, {} as never, memoryStore(), async () => {});
    let release!: () => void;
    const running = p.guard(() => new Promise<void>((r) => (release = r)));
    expect(attributes.get("aria-busy")).toBe("true");
    release();
    await running;
    expect(attributes.has("aria-busy")).toBe(false);
  });

  it("an outcome of the running action that says something wins over the notice", async () => {
    const { p } = pane();
    let release!: () => void;
    const running = p.guard(async () => {
      await new Promise<void>((r) => (release = r));
      p.status = { kind: "error", text: "Không đọc được bảng tính." };
    });
    await p.refuseWhileBusy(p.t.check);
    release();
    await running;
    expect(p.status?.text).toBe("Không đọc được bảng tính.");
  });

  it("the ribbon's buttons reach the pane as ribbon clicks", async () => {
    const calls: unknown[][] = [];
    const app = {
      check: async (...a: unknown[]) => void calls.push(["check", ...a]),
      submit: async (...a: unknown[]) => void calls.push(["submit", ...a]),
      consolidate: async (...a: unknown[]) => void calls.push(["consolidate", ...a]),
      showSettings: async () => void calls.push(["settings"]),
    } as unknown as PaneApp;
    const run = paneRunner(app, Promise.resolve(), async () => {});
    for (const command of ["check", "submit", "consolidate"] as const) await run(command);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([["check", "ribbon"], ["submit", false, "ribbon"], ["consolidate", "ribbon"]]);
  });

  it("a ribbon action shows the main view from settings, help or admin; without a sign-in the first run stays", () => {
    for (const view of ["main", "settings", "help", "admin"] as const) expect(ribbonView(view, true)).toBe("main");
    expect(ribbonView("first-run", false)).toBe("first-run");
  });
});
