import type { GridSheet } from "../../shared/index.ts";
import { readJson, StorageFullError, type KeyValueStore } from "./storage.ts";

/**
 * What this computer last delivered for each period: the fingerprint of the grid sent, the
 * version the server gave it and when. Submitting the same unchanged workbook again would
 * silently make another version; with this the pane asks first.
 */
export interface SentRecord {
  hash: string;
  version: number;
  at: string;
}

export const SENT_KEY = "parindex.lastSent";

export class SentLog {
  constructor(private readonly store: KeyValueStore) {}

  async last(server: string, period: string): Promise<SentRecord | null> {
    return (await readJson<Record<string, SentRecord>>(this.store, SENT_KEY, {}))[`${server}|${period}`] ?? null;
  }

  /** Never fails the submission it records: a full storage only means the next resubmission is not asked about. */
  async remember(server: string, period: string, record: SentRecord): Promise<void> {
    const all = await readJson<Record<string, SentRecord>>(this.store, SENT_KEY, {});
    try {
      await this.store.set(SENT_KEY, JSON.stringify({ ...all, [`${server}|${period}`]: record }));
    } catch (e) {
      if (!(e instanceof StorageFullError)) throw e;
    }
  }
}

/** SHA-256 of the sheets as they are sent: the same cells give the same text, whatever the file is called. */
export async function gridHash(sheets: GridSheet[]): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(sheets)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
