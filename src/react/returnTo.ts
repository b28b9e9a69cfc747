/**
 * Where a signed-out user was going, kept in the tab's sessionStorage while they sign in. Only a path of this
 * origin is kept or given back (an open-redirect guard): a `returnTo` taken from a link can send nobody elsewhere.
 */
const KEY = 'exh-auth-react:returnTo';
/** Any origin: a relative path that stays on it stays on the app's own. */
const BASE = 'https://origin.invalid';

/** `path` as a same-origin path (`/…` with its query and hash, normalized), or null when it is anything else. */
export function safeReturnTo(path: unknown): string | null {
  if (typeof path !== 'string' || !path.startsWith('/')) return null;
  try {
    const url = new URL(path, BASE);
    const normalized = url.pathname + url.search + url.hash;
    // `//host` and `/\host` are other origins; `/..//host` becomes `//host` once normalized.
    return url.origin === BASE && !normalized.startsWith('//') ? normalized : null;
  } catch {
    return null;
  }
}

function sessionStore(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // a sandboxed frame's storage throws on access
  }
}

/**
 * Keeps `path` (default: the current path, query and hash) for `takeReturnTo()` after sign-in. Returns false, keeping
 * nothing, when it is not a same-origin path or the tab has no session storage.
 */
export function saveReturnTo(path?: string): boolean {
  const safe = safeReturnTo(path ?? (typeof location === 'undefined' ? null : location.pathname + location.search + location.hash));
  const storage = sessionStore();
  if (!safe || !storage) return false;
  try {
    storage.setItem(KEY, safe);
    return true;
  } catch {
    return false; // full, or a private mode that refuses writes
  }
}

/** The kept path, once: it is removed as it is read. Null when none was kept (or it is not a same-origin path). */
export function takeReturnTo(): string | null {
  const storage = sessionStore();
  try {
    const path = storage?.getItem(KEY);
    storage?.removeItem(KEY);
    return safeReturnTo(path);
  } catch {
    return null;
  }
}
