/** Where the session is kept. Every adapter works with strings under one key. */

export interface StorageAdapter {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, value: string): void | Promise<void>;
  remove(key: string): void | Promise<void>;
  /** Calls `listener` when another context (tab, process) changed `key`. */
  subscribe?(key: string, listener: () => void): () => void;
}

export type StorageOption = 'local' | 'session' | 'memory' | StorageAdapter;

export function memoryStorage(): StorageAdapter {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

function webStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    const storage = globalThis[kind];
    // Safari's private mode and locked-down browsers expose a storage that throws on write.
    const probe = '__exh-auth-react__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

function webStorageAdapter(storage: Storage, crossTab: boolean): StorageAdapter {
  return {
    get: (key) => storage.getItem(key),
    set: (key, value) => storage.setItem(key, value),
    remove: (key) => storage.removeItem(key),
    subscribe: crossTab
      ? (key, listener) => {
          const onStorage = (event: StorageEvent) => {
            // key === null: another tab called storage.clear().
            if (event.storageArea === storage && (event.key === key || event.key === null)) listener();
          };
          window.addEventListener('storage', onStorage);
          return () => window.removeEventListener('storage', onStorage);
        }
      : undefined,
  };
}

/**
 * Resolves the storage option. Where the chosen web storage does not exist or throws
 * (Node, server rendering, a locked-down browser) the session lives in memory.
 */
export function resolveStorage(option: StorageOption = 'local'): StorageAdapter {
  if (typeof option === 'object') return option;
  if (option === 'memory') return memoryStorage();
  const storage = webStorage(option === 'local' ? 'localStorage' : 'sessionStorage');
  // Session storage is per tab: it has no cross-tab events by design.
  return storage ? webStorageAdapter(storage, option === 'local') : memoryStorage();
}
