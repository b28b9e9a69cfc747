// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage, resolveStorage, type StorageAdapter } from '../../src/core';

const probe = '__exh-auth-react__';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  sessionStorage.clear();
});

function storageEvent(init: StorageEventInit) {
  window.dispatchEvent(new StorageEvent('storage', init));
}

describe('storage options', () => {
  it('keeps the session in localStorage by default, and leaves no probe behind', () => {
    const storage = resolveStorage();
    storage.set('k', 'v');
    expect(localStorage.getItem('k')).toBe('v');
    expect(storage.get('k')).toBe('v');
    storage.remove('k');
    expect(localStorage.getItem('k')).toBeNull();
    expect(localStorage.getItem(probe)).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it("'session' uses sessionStorage, which has no cross-tab events", () => {
    const storage = resolveStorage('session');
    storage.set('k', 'v');
    expect(sessionStorage.getItem('k')).toBe('v');
    expect(localStorage.getItem('k')).toBeNull();
    expect(storage.get('k')).toBe('v');
    storage.remove('k');
    expect(sessionStorage.getItem('k')).toBeNull();
    expect(sessionStorage.length).toBe(0);
    expect(storage.subscribe).toBeUndefined();
  });

  it("'memory' keeps values out of the web storages", async () => {
    const storage = resolveStorage('memory');
    expect(await storage.get('k')).toBeNull();
    storage.set('k', 'v');
    expect(await storage.get('k')).toBe('v');
    expect(localStorage.length + sessionStorage.length).toBe(0);
    storage.remove('k');
    expect(await storage.get('k')).toBeNull();
  });

  it('each memory storage is its own', () => {
    const a = memoryStorage();
    const b = memoryStorage();
    a.set('k', 'a');
    expect(b.get('k')).toBeNull();
    expect(a.get('k')).toBe('a');
  });

  it('hands an adapter object back as it is', () => {
    const adapter: StorageAdapter = { get: () => null, set: () => {}, remove: () => {} };
    expect(resolveStorage(adapter)).toBe(adapter);
  });

  it('falls back to memory when the web storage throws on write (private mode)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const storage = resolveStorage('local');
    storage.set('k', 'v');
    expect(storage.get('k')).toBe('v');
    expect(storage.subscribe).toBeUndefined();
    vi.restoreAllMocks();
    expect(localStorage.getItem('k')).toBeNull();
  });
});

describe('localStorage events from other tabs', () => {
  it('calls the listener for its key or a clear, in its own storage area only, until unsubscribed', () => {
    const storage = resolveStorage('local');
    const listener = vi.fn();
    const unsubscribe = storage.subscribe!('session-key', listener);

    storageEvent({ key: 'session-key', storageArea: localStorage });
    expect(listener).toHaveBeenCalledTimes(1);
    storageEvent({ key: null, storageArea: localStorage }); // another tab's localStorage.clear()
    expect(listener).toHaveBeenCalledTimes(2);
    storageEvent({ key: 'other-key', storageArea: localStorage });
    storageEvent({ key: 'session-key', storageArea: sessionStorage });
    storageEvent({ key: null, storageArea: sessionStorage });
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    storageEvent({ key: 'session-key', storageArea: localStorage });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
