/** The mock service's reading of an `Authorization: OAuth …` header (the client only writes them). */

function decodePercent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A stray `%` is not an escape: the service reads it literally, so do we.
    return value;
  }
}

/** Reads the parameters of an `Authorization: OAuth …` header; null when it is not one. */
export function parseAuthorizationHeader(header: string | null): Record<string, string> | null {
  if (!header || !/^OAuth\s/i.test(header)) return null;
  const params: Record<string, string> = {};
  const pattern = /([\w.~%-]+)="([^"]*)"/g;
  for (const match of header.slice(6).matchAll(pattern)) {
    params[decodePercent(match[1]!)] = decodePercent(match[2]!);
  }
  return params;
}
