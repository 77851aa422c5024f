/** Per-user storage for secrets and queues: OfficeRuntime.storage where the host has it, else localStorage. */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export function localStore(storage: Storage = globalThis.localStorage): KeyValueStore {
  return {
    get: async (key) => storage.getItem(key),
    set: async (key, value) => storage.setItem(key, value),
    remove: async (key) => storage.removeItem(key),
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

/** The part of OfficeRuntime.storage we use (its types ship with custom functions, not office-js). */
interface RuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** OfficeRuntime.storage is shared by the pane and the ribbon's function file; it survives closing the workbook. */
export function userStore(): KeyValueStore {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: RuntimeStorage } }).OfficeRuntime;
  const storage = runtime?.storage;
  if (!storage) return localStore();
  return {
    get: async (key) => (await storage.getItem(key)) ?? null,
    set: (key, value) => storage.setItem(key, value),
    remove: (key) => storage.removeItem(key),
  };
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
