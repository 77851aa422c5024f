import type { Locale } from "../../shared/index.ts";
import { readJson, type KeyValueStore } from "./storage.ts";

/** What the user sets once in "Cài đặt". Not secret; the token is kept apart (TOKEN_KEY). */
export interface AppSettings {
  server: string;
  periodId: string;
  criteriaSetId: string;
  criteriaSetVersion: number | null;
  locale: Locale;
}

export const SETTINGS_KEY = "parindex.settings";
/** The unit's token: only ever in user storage, never in the document, cells or exports. */
export const TOKEN_KEY = "parindex.token";

export const DEFAULT_SETTINGS: AppSettings = { server: "http://127.0.0.1:8787", periodId: "", criteriaSetId: "", criteriaSetVersion: null, locale: "vi" };

export async function loadSettings(store: KeyValueStore): Promise<AppSettings> {
  return { ...DEFAULT_SETTINGS, ...(await readJson<Partial<AppSettings>>(store, SETTINGS_KEY, {})) };
}

export async function saveSettings(store: KeyValueStore, settings: AppSettings): Promise<void> {
  await store.set(SETTINGS_KEY, JSON.stringify({ ...settings, server: settings.server.replace(/\/+$/, "") }));
}
