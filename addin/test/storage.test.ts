import { describe, expect, it } from "vitest";
import { SubmissionQueue } from "../src/api/queue.ts";
import { LAST_OUTCOME_KEY, readLastOutcome, rememberOutcome } from "../src/last-outcome.ts";
import { loadSettings, DEFAULT_SETTINGS, saveSettings, TOKEN_KEY } from "../src/settings.ts";
import { chooseStore, StorageFullError, type StoreEnvironment } from "../src/storage.ts";
import { FakeStorage } from "./fake-storage.ts";

/** The one store (issue 14 items 1 and 11): what the ribbon writes, the pane reads, and the other way round. */
const env = (storage: Storage, partitionKey?: string): StoreEnvironment => ({ partitionKey: () => partitionKey, localStorage: () => storage });
const outcome = { kind: "done" as const, command: "consolidate" as const, at: "2024-12-20T03:15:00.000Z", text: "Đã ghi bảng tổng hợp 9 đơn vị" };

describe("the add-in's one store", () => {
  it("is localStorage keyed with Office.context.partitionKey, the same for the ribbon's runtime and the pane's", async () => {
    const origin = new FakeStorage();
    const pane = chooseStore(env(origin, "pk-7f3a:"));
    const ribbon = chooseStore(env(origin, "pk-7f3a:"));
    expect(pane.persistent).toBe(true);
    await saveSettings(pane.store, { ...DEFAULT_SETTINGS, server: "", periodId: "2024-commune", criteriaSetId: "demo-commune-2024", criteriaSetVersion: 1, locale: "vi" });
    await pane.store.set(TOKEN_KEY, "demo-unit");
    await rememberOutcome(ribbon.store, outcome);
    expect((await loadSettings(ribbon.store)).periodId).toBe("2024-commune");
    expect(await ribbon.store.get(TOKEN_KEY)).toBe("demo-unit");
    expect(await readLastOutcome(pane.store)).toEqual(outcome);
    expect(origin.keys().sort()).toEqual([`pk-7f3a:${LAST_OUTCOME_KEY}`, "pk-7f3a:parindex.settings", "pk-7f3a:parindex.token"]);
  });

  it("keeps another partition's data apart (another Excel site on the same add-in origin)", async () => {
    const origin = new FakeStorage();
    await chooseStore(env(origin, "excel-site-a:")).store.set(TOKEN_KEY, "secret-a");
    expect(await chooseStore(env(origin, "excel-site-b:")).store.get(TOKEN_KEY)).toBeNull();
  });

  it("uses plain keys where the host has no partition key (Office on Windows and Mac)", async () => {
    const origin = new FakeStorage();
    await chooseStore(env(origin)).store.set(TOKEN_KEY, "demo-unit");
    await chooseStore(env(origin, "")).store.set("parindex.settings", "{}");
    expect(origin.keys().sort()).toEqual(["parindex.settings", TOKEN_KEY]);
  });

  it("falls back to memory, and says so, where the browser blocks storage", async () => {
    const blocked: StoreEnvironment = {
      partitionKey: () => "pk:",
      localStorage: () => {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", "SecurityError");
      },
    };
    const chosen = chooseStore(blocked);
    expect(chosen.persistent).toBe(false);
    await chosen.store.set(TOKEN_KEY, "demo-unit");
    expect(await chosen.store.get(TOKEN_KEY)).toBe("demo-unit");
  });

  it("turns QuotaExceededError into its own error, and a full outbox refuses instead of losing what waits", async () => {
    const origin = new FakeStorage(4_000);
    const { store, persistent } = chooseStore(env(origin));
    expect(persistent).toBe(true);
    await expect(store.set("big", "x".repeat(5_000))).rejects.toBeInstanceOf(StorageFullError);
    const queue = new SubmissionQueue(store);
    expect(await queue.add({ key: "k1", server: "", period: "p", body: "y".repeat(1_000) })).toEqual({ ok: true });
    expect(await queue.add({ key: "k2", server: "", period: "p", body: "z".repeat(3_000) })).toEqual({ ok: false, reason: "storage-full" });
    expect((await queue.list()).map((q) => q.key)).toEqual(["k1"]);
  });
});
