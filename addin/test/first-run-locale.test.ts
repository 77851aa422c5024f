import { describe, expect, it } from "vitest";
import { FileHost } from "../src/web/file-host.ts";
import { standaloneRunner } from "../src/ribbon-standalone.ts";
import { readLastOutcome } from "../src/last-outcome.ts";
import { DEFAULT_SETTINGS, firstRunLocale, loadSettings, saveSettings } from "../src/settings.ts";
import { memoryStore } from "../src/storage.ts";

/**
 * OJS3-5: the ribbon follows Office's display language (the manifest's en-US overrides), the
 * pane started in Vietnamese whatever it was. The first run now takes Office's display
 * language (en-* → English, anything else → Vietnamese); a choice saved since still wins, and
 * the web checker, which has no Office, stays Vietnamese.
 */
describe("the first run's language (OJS3-5)", () => {
  it.each([
    ["en-US", "en"],
    ["en-GB", "en"],
    ["EN-us", "en"],
    ["en", "en"],
    ["vi-VN", "vi"],
    ["fr-FR", "vi"],
    ["ena", "vi"],
    [undefined, "vi"],
    ["", "vi"],
  ] as const)("Office in %s → %s", (language, locale) => {
    expect(firstRunLocale(language)).toBe(locale);
  });

  it("nothing saved: the first run's language; a saved choice wins; without Office (the web checker) Vietnamese", async () => {
    expect((await loadSettings(memoryStore(), "en")).locale).toBe("en");
    const store = memoryStore();
    await saveSettings(store, { ...DEFAULT_SETTINGS, locale: "vi" });
    expect((await loadSettings(store, "en")).locale).toBe("vi");
    expect((await loadSettings(memoryStore())).locale).toBe("vi");
  });

  it("a ribbon button without a shared runtime answers in the first run's language too", async () => {
    const store = memoryStore();
    const run = standaloneRunner({ store, host: new FileHost({ sheets: [] }), refreshDocumentSettings: async () => {}, firstRunLocale: "en" });
    await run("settings");
    expect(JSON.stringify(await readLastOutcome(store))).toMatch(/open the PAR Index pane/);
  });
});
