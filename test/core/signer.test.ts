import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { percentEncode, signatureBaseString, signRequest } from '../../src/core';

const oauth = { oauth_consumer_key: 'k', oauth_nonce: 'n', oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: '1', oauth_version: '1.0' };
const oauthPart = 'oauth_consumer_key%3Dk%26oauth_nonce%3Dn%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1%26oauth_version%3D1.0';
/** The base string's parameter part for a query, hand-computed below. */
const paramsOf = (url: string) => signatureBaseString('GET', url, oauth).split('&')[2];

const hmac = (key: string, base: string) => createHmac('sha1', key).update(base).digest('base64');

describe('the Authorization header', () => {
  it('lists every field sorted by name, values percent-encoded (RFC 5849 §3.5.1 example)', async () => {
    const header = await signRequest({
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      consumerKey: 'dpf43f3p2l4k3l03',
      consumerSecret: 'kd94hf93k423kf44',
      token: 'nnch734d00sl2jdk',
      tokenSecret: 'pfkkdhi9sl3r4s00',
      nonce: 'kllo9940pd9333jh',
      timestamp: 1191242096,
    });
    expect(header).toBe(
      'OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="kllo9940pd9333jh", ' +
        'oauth_signature="tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D", oauth_signature_method="HMAC-SHA1", ' +
        'oauth_timestamp="1191242096", oauth_token="nnch734d00sl2jdk", oauth_version="1.0"',
    );
  });

  it('encodes reserved characters of the key and token in the header', async () => {
    const header = await signRequest({ method: 'GET', url: 'https://a.test/', consumerKey: "k y!'", consumerSecret: 's', token: 't/=', tokenSecret: 'x', nonce: 'n', timestamp: 1 });
    expect(header).toContain('oauth_consumer_key="k%20y%21%27"');
    expect(header).toContain('oauth_token="t%2F%3D"');
  });

  it('signs with enc(consumer secret)&enc(token secret), for many keys in turn and again', async () => {
    // More keys than the signer caches: each signature still comes from its own key.
    const secrets = Array.from({ length: 40 }, (_, i) => [`consumer ${i}&`, `token+${i}`] as const);
    for (const round of [1, 2]) {
      for (const [consumerSecret, tokenSecret] of secrets) {
        const input = { method: 'POST', url: `https://a.test/r${round}`, consumerKey: 'k', consumerSecret, token: 't', tokenSecret, nonce: 'n', timestamp: 1 };
        const header = await signRequest(input);
        const base = signatureBaseString('POST', input.url, { ...oauth, oauth_token: 't' });
        const signature = decodeURIComponent(/oauth_signature="([^"]+)"/.exec(header)![1]!);
        expect(signature).toBe(hmac(`${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`, base));
      }
    }
  });
});

describe('percentEncode', () => {
  it("encodes ! * ' ( ) as upper-case escapes, and leaves the unreserved characters alone", () => {
    expect(percentEncode("!*'()")).toBe('%21%2A%27%28%29');
    expect(percentEncode('a(b)c')).toBe('a%28b%29c');
    expect(percentEncode('AZaz09-._~')).toBe('AZaz09-._~');
    expect(percentEncode('é/ ')).toBe('%C3%A9%2F%20');
  });
});

describe('the query as the service reads it', () => {
  it('reads a stray % literally, and decodes the rest of a valid value', () => {
    expect(paramsOf('https://a.test/?a=100%&b=%41+%42')).toBe(`a%3D100%2525%26b%3DA%2520B%26${oauthPart}`);
  });

  it('decodes every + as a space, in names and values', () => {
    expect(paramsOf('https://a.test/?a+b=c+d+e')).toBe(`a%2520b%3Dc%2520d%2520e%26${oauthPart}`);
  });

  it('skips empty parts and keeps = inside a value', () => {
    expect(paramsOf('https://a.test/?a=1&&b=x=y&')).toBe(`a%3D1%26b%3Dx%253Dy%26${oauthPart}`);
  });

  it('drops only trailing [] from a name', () => {
    expect(paramsOf('https://a.test/?a[]x=1&b[][]=2')).toBe(`a%255B%255Dx%3D1%26b%255B%255D%3D2%26${oauthPart}`);
  });

  it('keeps a ? inside the query', () => {
    expect(paramsOf('https://a.test/??a=1')).toBe(`%253Fa%3D1%26${oauthPart}`);
  });

  it('sorts by encoded name, then by value, whatever the order they came in', () => {
    expect(paramsOf('https://a.test/?b=1&a=2&a=1&B=0')).toBe(`B%3D0%26a%3D1%26a%3D2%26b%3D1%26${oauthPart}`);
    expect(paramsOf('https://a.test/?a=1&a=2&b=1&B=0')).toBe(`B%3D0%26a%3D1%26a%3D2%26b%3D1%26${oauthPart}`);
  });

  it('signs the path without the query or fragment', () => {
    expect(signatureBaseString('delete', 'https://a.test/p/q?x=1#frag', oauth)).toBe(`DELETE&https%3A%2F%2Fa.test%2Fp%2Fq&oauth_consumer_key%3Dk%26oauth_nonce%3Dn%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1%26oauth_version%3D1.0%26x%3D1`);
  });
});
