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

/** A web storage, or memory where it does not exist or throws (Node, server rendering, a locked-down browser). */
function webStorageAdapter(kind: 'localStorage' | 'sessionStorage'): StorageAdapter {
  let storage: Storage;
  try {
    storage = globalThis[kind];
    // Safari's private mode and locked-down browsers expose a storage that throws on write.
    const probe = '__exh-auth-react__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
  } catch {
    return memoryStorage();
  }
  return {
    get: (key) => storage.getItem(key),
    set: (key, value) => storage.setItem(key, value),
    remove: (key) => storage.removeItem(key),
    // Session storage is per tab: it has no cross-tab events by design.
    subscribe:
      kind === 'localStorage'
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

/** Resolves the storage option; a web storage that cannot be used falls back to memory. */
export function resolveStorage(option: StorageOption = 'local'): StorageAdapter {
  if (typeof option === 'object') return option;
  if (option === 'memory') return memoryStorage();
  return webStorageAdapter(option === 'local' ? 'localStorage' : 'sessionStorage');
}
