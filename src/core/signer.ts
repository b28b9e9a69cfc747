/** OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 §3.4) through Web Crypto. */

export interface SignRequestInput {
  method: string;
  url: string;
  consumerKey: string;
  consumerSecret: string;
  token?: string;
  tokenSecret?: string;
  /** Defaults to 32 random hex characters. */
  nonce?: string;
  /** Whole seconds since the epoch; defaults to now. */
  timestamp?: number;
}

/** RFC 3986 percent-encoding: encodeURIComponent leaves `! * ' ( )` alone, OAuth does not. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!*'()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decodePercent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A stray `%` is not an escape: the service reads it literally, so do we.
    return value;
  }
}

function decodeFormComponent(value: string): string {
  return decodePercent(value.replace(/\+/g, ' '));
}

/**
 * The query as the service reads it (form data, read the way the `qs` library does):
 * an array-style name `a[]` loses its brackets, `a[b]` keeps them.
 */
export function queryParameters(search: string): Array<[string, string]> {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (!query) return [];
  const params: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    let name = decodeFormComponent(rawName);
    if (name.endsWith('[]')) name = name.slice(0, -2);
    params.push([name, decodeFormComponent(rawValue)]);
  }
  return params;
}

/** Base URI (§3.4.1.2): lower-case scheme and host, port only when not the default, path. */
export function baseUri(url: URL): string {
  // The URL parser lower-cases scheme and host and drops default ports already.
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Normalized parameters (§3.4.1.3.2): encode, sort by name then value, join. */
export function normalizeParameters(params: Array<[string, string]>): string {
  return params
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function signatureBaseString(
  method: string,
  url: string,
  oauthParams: Record<string, string>,
): string {
  const parsed = new URL(url);
  const params = [...queryParameters(parsed.search), ...Object.entries(oauthParams)];
  return [
    method.toUpperCase(),
    percentEncode(baseUri(parsed)),
    percentEncode(normalizeParameters(params)),
  ].join('&');
}

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();
const KEY_CACHE_SIZE = 32;

function hmacKey(signingKey: string): Promise<CryptoKey> {
  let key = keyCache.get(signingKey);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(signingKey), { name: 'HMAC', hash: 'SHA-1' }, false, [
      'sign',
    ]);
    // Oldest first: evict the first entry when full (a session rarely has more than two keys).
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
    keyCache.set(signingKey, key);
  }
  return key;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Signs a base string with `enc(consumerSecret)&enc(tokenSecret)`; returns base64. */
export async function hmacSha1(consumerSecret: string, tokenSecret: string, baseString: string): Promise<string> {
  const key = await hmacKey(`${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`);
  const signature = await crypto.subtle.sign('HMAC', key, encoder.encode(baseString));
  return toBase64(new Uint8Array(signature));
}

/** The `oauth_*` protocol parameters of a request, without the signature. */
export function oauthParameters(input: SignRequestInput): Record<string, string> {
  const params: Record<string, string> = {
    oauth_consumer_key: input.consumerKey,
    oauth_nonce: input.nonce ?? createNonce(),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(input.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_version: '1.0',
  };
  if (input.token) params.oauth_token = input.token;
  return params;
}

/** Returns the `Authorization` header value for a request. */
export async function signRequest(input: SignRequestInput): Promise<string> {
  const params = oauthParameters(input);
  const base = signatureBaseString(input.method, input.url, params);
  params.oauth_signature = await hmacSha1(input.consumerSecret, input.tokenSecret ?? '', base);
  const fields = Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}="${percentEncode(params[name]!)}"`);
  return `OAuth ${fields.join(', ')}`;
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
