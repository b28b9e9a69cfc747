/** Small helpers for data from the network or from storage: checks (it is never trusted as typed), and secrets kept out. */

/** An object whose fields can be read (an array passes too, but has none of the fields checked next). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

export function stringOr<T>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback;
}

/** A token or session without its secret: what the UI may hold (no secret in a cache, devtools or props). */
export function withoutSecret<T extends object>(value: T & { tokenSecret?: unknown }): Omit<T, 'tokenSecret'> {
  const { tokenSecret: _secret, ...rest } = value;
  return rest;
}
