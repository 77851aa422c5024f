import { readJson, StorageFullError, type KeyValueStore } from "../storage.ts";
import type { SentLog } from "../sent-log.ts";
import type { ApiClient, ApiFailure, SubmissionCreated } from "./client.ts";

/** Submissions not delivered yet: kept in user storage (survives closing the workbook), retried with the same key and body. */
export interface QueuedSubmission {
  key: string;
  server: string;
  period: string;
  /** The period as people name it, for the outbox's row (absent in items queued before it was kept). */
  periodLabel?: { vi: string; en: string } | null;
  /** The workbook's file name and the index checked here, so the outbox names what each row is (absent in items queued before). */
  fileName?: string;
  percent?: number;
  /** The sent grid's fingerprint (sent-log.ts), recorded once it is delivered. */
  gridHash?: string;
  /** The exact JSON first sent. */
  body: string;
  queuedAt: string;
  attempts: number;
  /** Set when the server refused it for good (e.g. deadline passed): shown, not retried. */
  rejected: string | null;
}

export const QUEUE_KEY = "parindex.outbox";

/**
 * The outbox lives in the browser's storage (5 MB per origin in Safari, counted in UTF-16,
 * and shared with the cached criteria sets); one submission may carry up to 2 MB (the
 * Worker's MAX_BODY_BYTES), most carry a few hundred KB. Past either bound a new
 * submission is not queued: the user is told it was not sent, and the workbook still holds
 * it; older queued submissions are never dropped to make room.
 */
export const OUTBOX_LIMITS = { items: 20, chars: 2_000_000 };

export type QueueAddResult = { ok: true } | { ok: false; reason: "outbox-full" | "storage-full" };

export class SubmissionQueue {
  constructor(
    private readonly store: KeyValueStore,
    private readonly limits: { items: number; chars: number } = OUTBOX_LIMITS,
  ) {}

  list(): Promise<QueuedSubmission[]> {
    return readJson<QueuedSubmission[]>(this.store, QUEUE_KEY, []);
  }

  private save(items: QueuedSubmission[]): Promise<void> {
    return this.store.set(QUEUE_KEY, JSON.stringify(items));
  }

  async add(item: Omit<QueuedSubmission, "attempts" | "rejected" | "queuedAt">, now = new Date()): Promise<QueueAddResult> {
    const items = [...(await this.list()).filter((q) => q.key !== item.key), { ...item, queuedAt: now.toISOString(), attempts: 1, rejected: null }];
    if (items.length > this.limits.items || JSON.stringify(items).length > this.limits.chars) return { ok: false, reason: "outbox-full" };
    try {
      await this.save(items);
    } catch (e) {
      if (e instanceof StorageFullError) return { ok: false, reason: "storage-full" };
      throw e;
    }
    return { ok: true };
  }

  async remove(key: string): Promise<void> {
    await this.save((await this.list()).filter((q) => q.key !== key));
  }

  async update(key: string, change: Partial<QueuedSubmission>): Promise<void> {
    await this.save((await this.list()).map((q) => (q.key === key ? { ...q, ...change } : q)));
  }
}

export interface FlushResult {
  delivered: SubmissionCreated[];
  failed: { item: QueuedSubmission; failure: ApiFailure }[];
}

/**
 * Send what waits, oldest first, each with its own key; stop at the first sign of being offline
 * or when the command's time is up. `sent`: where a delivered submission is recorded, so that
 * the same workbook is not sent again unasked.
 */
export async function flushQueue(queue: SubmissionQueue, clientFor: (server: string) => ApiClient, deadline?: { passed: boolean }, sent?: SentLog): Promise<FlushResult> {
  const result: FlushResult = { delivered: [], failed: [] };
  for (const item of await queue.list()) {
    if (deadline?.passed) break;
    if (item.rejected) continue;
    const r = await clientFor(item.server).submit(item.body, item.key);
    if (r.ok) {
      await queue.remove(item.key);
      if (sent && item.gridHash) await sent.remember(item.server, item.period, { hash: item.gridHash, version: r.value.version, at: new Date().toISOString() });
      result.delivered.push(r.value);
      continue;
    }
    await queue.update(item.key, { attempts: item.attempts + 1, rejected: r.retryable ? null : r.code });
    result.failed.push({ item, failure: r });
    if (r.kind === "offline") break;
  }
  return result;
}
