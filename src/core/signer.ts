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

/** A form-encoded query component, decoded; a stray `%` is not an escape: the service reads it literally, so do we. */
export function decodeFormComponent(value: string): string {
  const spaced = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * The query as the service reads it (form data, read the way the `qs` library does):
 * an array-style name `a[]` loses its brackets, `a[b]` keeps them.
 */
function queryParameters(search: string): Array<[string, string]> {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const [name = '', ...value] = part.split('=');
      return [decodeFormComponent(name).replace(/\[\]$/, ''), decodeFormComponent(value.join('='))];
    });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function signatureBaseString(
  method: string,
  url: string,
  oauthParams: Record<string, string>,
): string {
  const parsed = new URL(url);
  // Normalized parameters (§3.4.1.3.2): encode, sort by name then value, join.
  const params = [...queryParameters(parsed.search), ...Object.entries(oauthParams)]
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  // Base URI (§3.4.1.2): the URL parser lower-cases scheme and host and drops default ports already.
  const baseUri = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  return [method.toUpperCase(), percentEncode(baseUri), percentEncode(params)].join('&');
}

export function createNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const encoder = new TextEncoder();
// A session signs with two keys at most (consumer alone, and with its token): the cache stays small.
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(signingKey: string): Promise<CryptoKey> {
  let key = keyCache.get(signingKey);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(signingKey), { name: 'HMAC', hash: 'SHA-1' }, false, [
      'sign',
    ]);
    // Bounded: after many sessions (each with its own key), start over.
    if (keyCache.size >= 32) keyCache.clear();
    keyCache.set(signingKey, key);
  }
  return key;
}

/** Drops the cached keys when a session ends: its token secret does not stay in memory. */
export const forgetSigningKeys = (): void => keyCache.clear();

/** Signs a base string with `enc(consumerSecret)&enc(tokenSecret)`; returns base64. */
export async function hmacSha1(consumerSecret: string, tokenSecret: string, baseString: string): Promise<string> {
  const key = await hmacKey(`${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(baseString)));
  return btoa(String.fromCharCode(...signature));
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
  // The names are plain `oauth_*` words: only the values need encoding.
  const fields = Object.keys(params)
    .sort()
    .map((name) => `${name}="${percentEncode(params[name]!)}"`);
  return `OAuth ${fields.join(', ')}`;
}
