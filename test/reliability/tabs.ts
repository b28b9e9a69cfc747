import type { StorageAdapter } from '../../src/core';

/**
 * One origin's localStorage seen from several tabs: a write in one tab notifies the others (not
 * itself), as the browser's `storage` event does. With `readDelay`, a tab's reads answer that many ms
 * later with the value of when they were made, as an asynchronous adapter (IndexedDB, an extension) does.
 */
export function sharedStorage() {
  const values = new Map<string, string>();
  const tabs = new Set<{ notify: (key: string) => void }>();
  return {
    values,
    tab({ readDelay }: { readDelay?: number } = {}): StorageAdapter {
      const listeners = new Set<{ key: string; listener: () => void }>();
      const self = { notify: (key: string) => listeners.forEach((l) => l.key === key && l.listener()) };
      tabs.add(self);
      const others = (key: string) => tabs.forEach((t) => t !== self && t.notify(key));
      return {
        get: (key) => {
          const value = values.get(key) ?? null;
          return readDelay === undefined ? value : new Promise((resolve) => setTimeout(() => resolve(value), readDelay));
        },
        set: (key, value) => (values.set(key, value), others(key)),
        remove: (key) => (values.delete(key), others(key)),
        subscribe: (key, listener) => {
          const entry = { key, listener };
          listeners.add(entry);
          return () => listeners.delete(entry);
        },
      };
    },
  };
}
