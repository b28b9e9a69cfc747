/** An e-mail link's parameter, e.g. `?resetHash=…`: null without one (or outside a browser). */
export function readUrlParam(name: string): string | null {
  return typeof window === 'undefined' ? null : new URL(window.location.href).searchParams.get(name);
}

/** Takes the parameter out of the address bar (no navigation): a secret left there ends up in history and bookmarks. */
export function removeUrlParam(name: string): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  if (!url.searchParams.has(name)) return;
  url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url);
}
