import { expect, it, vi } from "vitest";
import { ApiClient } from "../src/api/client.ts";
import { cachedCriteriaSet, loadCriteriaSet, rememberCriteriaSet } from "../src/criteria.ts";
import { memoryStore } from "../src/storage.ts";
import { loadFixtureSet } from "./fake-worker.ts";

/**
 * The criteria set kept on this computer (criteria.ts): a copy that no longer reads as JSON
 * (edited by hand, written by another program under the same key) is no copy — downloaded
 * again — never an exception that stops the pane from starting, every time it opens.
 */
const set = loadFixtureSet("fixtures/criteria/demo-commune-2024.json");
const key = `parindex.criteria.${set.id}@1`;

it("a damaged copy counts as none and is downloaded again, then kept", async () => {
  const store = memoryStore();
  await store.set(key, '{"id":"demo-commune-2024","fields":[{"code":"1"'); // cut short
  expect(await cachedCriteriaSet(store, set.id, 1)).toBeNull();

  const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ id: set.id, version: 1, set }), { status: 200, headers: { "Content-Type": "application/json" } }));
  const loaded = await loadCriteriaSet(store, new ApiClient("https://cchc.example.gov.vn", "demo-unit", fetchImpl), set.id, 1);
  expect(loaded).toMatchObject({ id: set.id });
  expect(fetchImpl).toHaveBeenCalledTimes(1);
  expect(await cachedCriteriaSet(store, set.id, 1)).toMatchObject({ id: set.id });
});

it("a good copy is used without asking the server", async () => {
  const store = memoryStore();
  await rememberCriteriaSet(store, set, 1);
  const fetchImpl = vi.fn(async () => new Response("{}", { status: 500 }));
  expect(await loadCriteriaSet(store, new ApiClient("https://cchc.example.gov.vn", "demo-unit", fetchImpl), set.id, 1)).toMatchObject({ id: set.id });
  expect(fetchImpl).not.toHaveBeenCalled();
});
