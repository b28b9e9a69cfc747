/**
 * The mock service's own check of OAuth 1.0a HMAC-SHA1 signatures (RFC 5849 §3.4, read from PROTOCOL.md
 * "Signing every request"). Written apart from the package's signer on purpose: were the mock to verify
 * with the signer's code, a bug in it would agree with itself and no test would see it.
 * Web Crypto only, so it runs in Node and in the browser (Storybook, the demo's service worker).
 */

const utf8 = new TextEncoder();

/** RFC 3986 percent-encoding (RFC 5849 §3.6): every UTF-8 octet outside `A-Z a-z 0-9 - . _ ~` as upper-case `%XX`. */
function rfc3986(text: string): string {
  let encoded = '';
  for (const byte of utf8.encode(text)) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) || // 0-9
      (byte >= 0x41 && byte <= 0x5a) || // A-Z
      (byte >= 0x61 && byte <= 0x7a) || // a-z
      byte === 0x2d || byte === 0x2e || byte === 0x5f || byte === 0x7e; // - . _ ~
    encoded += unreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** A query name or value the way the service's `qs` reads it: `+` is a space, then `%XX` decoded; kept as it is when that fails. */
function formDecode(text: string): string {
  const spaced = text.split('+').join(' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** The query's parameters, repeated names and empty values kept; `a[]` is signed as `a` (qs), `a[b]` stays. */
function queryParameters(query: string): Array<[string, string]> {
  const parameters: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const name = formDecode(equals === -1 ? part : part.slice(0, equals));
    const value = equals === -1 ? '' : formDecode(part.slice(equals + 1));
    parameters.push([name.endsWith('[]') ? name.slice(0, -2) : name, value]);
  }
  return parameters;
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/** §3.4.1.2: scheme and host lower-cased, the port only when not the scheme's default, the path; no query, no fragment. */
function baseUri(url: string): { uri: string; query: string } {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(?:\?([^#]*))?/i.exec(url);
  if (!match) throw new TypeError(`Not an absolute URL: ${url}`);
  const [, scheme = '', host = '', rawPort = '', path = '', query = ''] = match;
  const lowerScheme = scheme.toLowerCase();
  const port = rawPort.replace(/^0+(?=\d)/, '');
  const withPort = port === '' || port === DEFAULT_PORTS[lowerScheme] ? '' : `:${port}`;
  return { uri: `${lowerScheme}://${host.toLowerCase()}${withPort}${path || '/'}`, query };
}

/**
 * The signature base string (§3.4.1) of a request whose `Authorization` header carried `header`:
 * every `oauth_*` parameter but `oauth_signature` (a `realm` is not signed), plus the query's parameters.
 */
export function baseString(method: string, url: string, header: Record<string, string>): string {
  const { uri, query } = baseUri(url);
  const oauth = Object.entries(header).filter(([name]) => name.startsWith('oauth_') && name !== 'oauth_signature');
  const pairs = [...queryParameters(query), ...oauth].map(([name, value]) => [rfc3986(name), rfc3986(value)] as const);
  // Sorted by name, then value, on their encoded (ASCII) form: byte order.
  pairs.sort(([nameA, valueA], [nameB, valueB]) =>
    nameA !== nameB ? (nameA < nameB ? -1 : 1) : valueA < valueB ? -1 : valueA > valueB ? 1 : 0,
  );
  const normalized = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return `${method.toUpperCase()}&${rfc3986(uri)}&${rfc3986(normalized)}`;
}

/** base64(HMAC-SHA1(`enc(consumerSecret)&enc(tokenSecret)`, base string)). */
export async function hmacSha1Signature(consumerSecret: string, tokenSecret: string, base: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    utf8.encode(`${rfc3986(consumerSecret)}&${rfc3986(tokenSecret)}`),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(base)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Whether `header.oauth_signature` signs this request with these secrets (`tokenSecret` '' on consumer-only calls). */
export async function hasValidSignature(
  request: { method: string; url: string },
  header: Record<string, string>,
  consumerSecret: string,
  tokenSecret: string,
): Promise<boolean> {
  const expected = await hmacSha1Signature(consumerSecret, tokenSecret, baseString(request.method, request.url, header));
  return header.oauth_signature === expected;
}
