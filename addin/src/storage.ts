/**
 * The add-in's one store for settings, the token, the outbox, cached criteria sets and the
 * ribbon's last outcome: `localStorage`, keyed with `Office.context.partitionKey` where the
 * host defines one (Microsoft's "Persist add-in state and settings"), shared by the ribbon
 * and the pane because both run on the add-in's origin. It is chosen by `userStore()`, which
 * the entry calls inside `Office.onReady`, never at module load: the host file that office.js
 * injects defines the context later than a module script runs.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Throws StorageFullError when the browser's quota is used up. */
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  /** Call `changed` when another runtime of the add-in (the ribbon's function file) writes one of `keys`. */
  watch?(keys: string[], changed: () => void): void;
}

/** The browser refused to store more (QuotaExceededError): said in its own words, never as an Excel error. */
export class StorageFullError extends Error {
  readonly code = "StorageFull";
  constructor(key: string) {
    super(`storage full while writing ${key}`);
  }
}

const isQuotaError = (e: unknown) => e instanceof DOMException && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED");

/** `prefix` is the partition key (empty where storage is not partitioned). */
export function localStore(storage: Storage = globalThis.localStorage, prefix = ""): KeyValueStore {
  return {
    get: async (key) => storage.getItem(prefix + key),
    set: async (key, value) => {
      try {
        storage.setItem(prefix + key, value);
      } catch (e) {
        throw isQuotaError(e) ? new StorageFullError(key) : e;
      }
    },
    remove: async (key) => storage.removeItem(prefix + key),
    watch: (keys, changed) => {
      const watched = new Set(keys.map((k) => prefix + k));
      globalThis.addEventListener("storage", (e) => {
        if (e.key !== null && watched.has(e.key)) changed();
      });
    },
  };
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return {
    get: async (key) => data.get(key) ?? null,
    set: async (key, value) => void data.set(key, value),
    remove: async (key) => void data.delete(key),
  };
}

export interface UserStore {
  store: KeyValueStore;
  /** False when the browser blocks storage (e.g. third-party storage blocked in Excel on the web): nothing outlives this session. */
  persistent: boolean;
}

/** What `userStore` needs from its surroundings (tests give their own). */
export interface StoreEnvironment {
  partitionKey: () => string | undefined;
  localStorage: () => Storage;
}

const officeEnvironment: StoreEnvironment = {
  partitionKey: () => (typeof Office === "undefined" ? undefined : Office.context?.partitionKey),
  localStorage: () => globalThis.localStorage,
};

let chosen: UserStore | null = null;

/**
 * The store of this runtime, chosen on first use after `Office.onReady`. Where storage is
 * blocked, one in-memory store serves the whole runtime (pane and ribbon share it under a
 * shared runtime) and the pane says that nothing will be kept.
 */
export function userStore(env: StoreEnvironment = officeEnvironment): UserStore {
  chosen ??= chooseStore(env);
  return chosen;
}

export function chooseStore(env: StoreEnvironment): UserStore {
  const storage = usableStorage(env);
  if (!storage) return { store: memoryStore(), persistent: false };
  const key = env.partitionKey();
  return { store: localStore(storage, typeof key === "string" ? key : ""), persistent: true };
}

/** "Test for availability" (MDN, Web Storage API): reading the property itself throws where storage is blocked. */
function usableStorage(env: StoreEnvironment): Storage | null {
  try {
    const storage = env.localStorage();
    const probe = "parindex.probe";
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch (e) {
    // A full store is still the store: reading works, and writes say that it is full.
    return isQuotaError(e) ? env.localStorage() : null;
  }
}

export async function readJson<T>(store: KeyValueStore, key: string, fallback: T): Promise<T> {
  const text = await store.get(key);
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
