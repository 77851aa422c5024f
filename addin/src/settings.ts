import type { Locale, Me, OpenPeriod } from "../../shared/index.ts";
import { readJson, type KeyValueStore } from "./storage.ts";

/**
 * What the pane keeps between sessions. Not secret; the token is kept apart (TOKEN_KEY).
 * Set by the first run (an activation code, then the period chosen from GET /v1/me), never
 * typed as ids by a user.
 */
export interface AppSettings {
  /** "" = the pane's own origin, where the deployed Worker (or the dev server's proxy) answers /v1. */
  server: string;
  periodId: string;
  criteriaSetId: string;
  criteriaSetVersion: number | null;
  locale: Locale;
  /** Who the token is, as /v1/me or the activation said (null until known). */
  role: Me["role"] | null;
  unit: { id: string; name: string; parent?: { id: string; name: string } | null | undefined } | null;
  /** The chosen period as people name it ("Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/2025"). */
  periodLabel: { vi: string; en: string } | null;
}

export const SETTINGS_KEY = "parindex.settings";
/** The unit's token: only ever in user storage, never in the document, cells or exports. */
export const TOKEN_KEY = "parindex.token";

export const DEFAULT_SETTINGS: AppSettings = { server: "", periodId: "", criteriaSetId: "", criteriaSetVersion: null, locale: "vi", role: null, unit: null, periodLabel: null };

/** The settings once `period` is chosen: its id, its criteria set and its label. */
export function withPeriod(settings: AppSettings, period: OpenPeriod): AppSettings {
  return { ...settings, periodId: period.id, criteriaSetId: period.criteriaSet.id, criteriaSetVersion: period.criteriaSet.version, periodLabel: period.label };
}

/** The settings of another token: who it is, and nothing chosen for the one before. */
export function withAccount(settings: AppSettings, me: Pick<AppSettings, "role" | "unit">): AppSettings {
  return { ...settings, role: me.role, unit: me.unit, periodId: "", criteriaSetId: "", criteriaSetVersion: null, periodLabel: null };
}

/**
 * The pane's language before anyone chose one: Office's display language (the ribbon already
 * follows it, through the manifest's en-US overrides), "en-*" → English, anything else
 * Vietnamese. Where there is no Office (the web checker) it is not asked: Vietnamese.
 */
export function firstRunLocale(displayLanguage: string | undefined): Locale {
  return /^en(-|$)/i.test(displayLanguage ?? "") ? "en" : "vi";
}

/** The saved settings; `firstRun`: the language while none was saved (firstRunLocale). */
export async function loadSettings(store: KeyValueStore, firstRun: Locale = DEFAULT_SETTINGS.locale): Promise<AppSettings> {
  return { ...DEFAULT_SETTINGS, locale: firstRun, ...(await readJson<Partial<AppSettings>>(store, SETTINGS_KEY, {})) };
}

export async function saveSettings(store: KeyValueStore, settings: AppSettings): Promise<void> {
  await store.set(SETTINGS_KEY, JSON.stringify({ ...settings, server: settings.server.replace(/\/+$/, "") }));
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
export const isLoopback = (hostname: string) => LOOPBACK.has(hostname);

/**
 * May the pane, served from `paneOrigin`, call this server? The pane is https, so an http
 * server is mixed content: blocked everywhere except loopback in Chromium, and there too in
 * Safari and Excel for Mac (office-js#3674, "by design"). Loopback http is allowed only while
 * the pane itself is served from loopback (a developer's `npm start`), with a warning.
 */
export type ServerCheck = { ok: true; server: string; warning: "loopback" | null } | { ok: false; problem: "invalid" | "insecure" };

export function checkServer(input: string, paneOrigin: string): ServerCheck {
  const text = input.trim().replace(/\/+$/, "");
  if (text === "") return { ok: true, server: "", warning: null };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: "invalid" };
  }
  const server = url.origin + url.pathname.replace(/\/+$/, "");
  if (url.protocol === "https:") return { ok: true, server, warning: null };
  if (url.protocol !== "http:") return { ok: false, problem: "invalid" };
  if (isLoopback(url.hostname) && isLoopback(new URL(paneOrigin).hostname)) return { ok: true, server, warning: "loopback" };
  return { ok: false, problem: "insecure" };
}
