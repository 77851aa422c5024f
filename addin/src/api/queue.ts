import { readJson, type KeyValueStore } from "../storage.ts";
import type { ApiClient, ApiFailure, SubmissionCreated } from "./client.ts";

/** Submissions not delivered yet: kept in user storage (survives closing the workbook), retried with the same key and body. */
export interface QueuedSubmission {
  key: string;
  server: string;
  period: string;
  /** The exact JSON first sent. */
  body: string;
  queuedAt: string;
  attempts: number;
  /** Set when the server refused it for good (e.g. deadline passed): shown, not retried. */
  rejected: string | null;
}

export const QUEUE_KEY = "parindex.outbox";

export class SubmissionQueue {
  constructor(private readonly store: KeyValueStore) {}

  list(): Promise<QueuedSubmission[]> {
    return readJson<QueuedSubmission[]>(this.store, QUEUE_KEY, []);
  }

  private save(items: QueuedSubmission[]): Promise<void> {
    return this.store.set(QUEUE_KEY, JSON.stringify(items));
  }

  async add(item: Omit<QueuedSubmission, "attempts" | "rejected" | "queuedAt">, now = new Date()): Promise<void> {
    const items = (await this.list()).filter((q) => q.key !== item.key);
    await this.save([...items, { ...item, queuedAt: now.toISOString(), attempts: 1, rejected: null }]);
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

/** Send what waits, oldest first, each with its own key; stop at the first sign of being offline. */
export async function flushQueue(queue: SubmissionQueue, clientFor: (server: string) => ApiClient): Promise<FlushResult> {
  const result: FlushResult = { delivered: [], failed: [] };
  for (const item of await queue.list()) {
    if (item.rejected) continue;
    const r = await clientFor(item.server).submit(item.body, item.key);
    if (r.ok) {
      await queue.remove(item.key);
      result.delivered.push(r.value);
      continue;
    }
    await queue.update(item.key, { attempts: item.attempts + 1, rejected: r.retryable ? null : r.code });
    result.failed.push({ item, failure: r });
    if (r.kind === "offline") break;
  }
  return result;
}
