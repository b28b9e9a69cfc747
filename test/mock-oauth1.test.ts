/**
 * The mock service checks signatures with its own code (src/msw/oauth1.ts), not the package's signer:
 * these tests hold that code to the protocol on its own — the published vector, hand-computed base
 * strings, hand-made wrong signers, and oauth-1.0a as an outside signer.
 */
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import OAuth from 'oauth-1.0a';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { baseString, hasValidSignature } from '../src/msw/oauth1';
import { consumerKey, consumerSecret, demo, host, setupMockExh } from './helpers';

const exh = setupMockExh();

/** The test's own RFC 3986 encoding: the same rule written a third time, apart from the signer and the mock. */
const enc = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: string, base: string) => createHmac('sha1', key).update(base).digest('base64');
const header = (params: Record<string, string>) =>
  `OAuth ${Object.entries(params)
    .map(([name, value]) => `${name}="${enc(value)}"`)
    .join(', ')}`;

describe('the known-answer vector of PROTOCOL.md', () => {
  const params = {
    oauth_consumer_key: 'dpf43f3p2l4k3l03',
    oauth_token: 'nnch734d00sl2jdk',
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: '1191242096',
    oauth_nonce: 'kllo9940pd9333jh',
    oauth_version: '1.0',
    oauth_signature: 'tR3+Ty81lMeYAr/Fid0kMTYa/WM=',
  };
  const request = { method: 'GET', url: 'http://photos.example.net/photos?file=vacation.jpg&size=original' };

  it('gives the published base string and accepts the published signature', async () => {
    expect(baseString(request.method, request.url, params)).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26' +
        'oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26' +
        'oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal',
    );
    expect(await hasValidSignature(request, params, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe(true);
  });

  it('refuses it with a wrong secret, another parameter value or another URL', async () => {
    expect(await hasValidSignature(request, params, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s01')).toBe(false);
    expect(await hasValidSignature(request, params, 'kd94hf93k423kf45', 'pfkkdhi9sl3r4s00')).toBe(false);
    expect(await hasValidSignature(request, { ...params, oauth_nonce: 'kllo9940pd9333ji' }, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe(false);
    const other = { ...request, url: 'http://photos.example.net/photos?file=vacation.jpg&size=small' };
    expect(await hasValidSignature(other, params, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe(false);
    expect(await hasValidSignature({ ...request, method: 'POST' }, params, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe(false);
  });
});

describe('the base string, hand-computed from PROTOCOL.md', () => {
  const oauth = { oauth_consumer_key: 'k', oauth_nonce: 'n', oauth_signature: 'left out', realm: 'left out' };
  const oauthPart = 'oauth_consumer_key%3Dk%26oauth_nonce%3Dn';

  it('lower-cases scheme and host, drops default ports only, keeps the path, signs no fragment', () => {
    expect(baseString('get', 'HTTPS://API.Example.COM:443/Path#frag', oauth)).toBe(`GET&https%3A%2F%2Fapi.example.com%2FPath&${oauthPart}`);
    expect(baseString('GET', 'http://Example.com:80', oauth)).toBe(`GET&http%3A%2F%2Fexample.com%2F&${oauthPart}`);
    expect(baseString('GET', 'http://example.com:443/p', oauth)).toBe(`GET&http%3A%2F%2Fexample.com%3A443%2Fp&${oauthPart}`);
    expect(baseString('GET', 'https://example.com:8443/p', oauth)).toBe(`GET&https%3A%2F%2Fexample.com%3A8443%2Fp&${oauthPart}`);
  });

  it('reads the query as form data (+ is a space), keeps repeated names and empty values, sorts by name then value', () => {
    expect(baseString('GET', 'https://a.test/?z=a+b&y=%2B&y=&x&w=%zz&v=%C3%A9', oauth)).toBe(
      `GET&https%3A%2F%2Fa.test%2F&${oauthPart}%26v%3D%25C3%25A9%26w%3D%2525zz%26x%3D%26y%3D%26y%3D%252B%26z%3Da%2520b`,
    );
  });

  it('signs a[]=… as a (qs), keeps a[b], and signs RQL as names with empty values', () => {
    expect(baseString('GET', 'https://a.test/t?a[]=2&a%5B%5D=1&a[b]=3&limit(10,0)', oauth)).toBe(
      `GET&https%3A%2F%2Fa.test%2Ft&a%3D1%26a%3D2%26a%255Bb%255D%3D3%26limit%252810%252C0%2529%3D%26${oauthPart}`,
    );
  });
});

describe('through the mock: a wrong signer gets 109', () => {
  let nonce = 0;
  /** GET /users/v1/me with the query, signed by hand: `base` turns the oauth parameters into the base string. */
  async function send(query: string, base: (oauth: string) => string, key?: (tokenSecret: string) => string) {
    const token = exh.db.createToken(demo.email);
    const params = {
      oauth_consumer_key: consumerKey,
      oauth_nonce: `nonce-${++nonce}`,
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: String(Math.floor(exh.now() / 1000)),
      oauth_token: token.token,
      oauth_version: '1.0',
    };
    const oauth = Object.entries(params)
      .map(([name, value]) => `${name}=${value}`)
      .join('&');
    const signingKey = key ? key(token.tokenSecret) : `${consumerSecret}&${token.tokenSecret}`;
    const signature = hmac(signingKey, base(oauth));
    const response = await fetch(`${host}/users/v1/me?${query}`, { headers: { authorization: header({ ...params, oauth_signature: signature }) } });
    const body = (await response.json()) as { code?: number };
    return { status: response.status, code: body.code };
  }

  const query = 'b=x+y&a[]=2&a[]=1&c=%21&e=';
  const uri = enc('https://api.exh.test/users/v1/me');
  const right = (oauth: string) => `GET&${uri}&${enc(`a=1&a=2&b=x%20y&c=%21&e=&${oauth}`)}`;

  it('answers the hand-made right signature', async () => {
    expect(await send(query, right)).toEqual({ status: 200, code: undefined });
  });

  it.each([
    ['the brackets of a[] kept', (o: string) => `GET&${uri}&${enc(`a%5B%5D=1&a%5B%5D=2&b=x%20y&c=%21&e=&${o}`)}`],
    ['+ signed as a plus', (o: string) => `GET&${uri}&${enc(`a=1&a=2&b=x%2By&c=%21&e=&${o}`)}`],
    ['the empty value left out', (o: string) => `GET&${uri}&${enc(`a=1&a=2&b=x%20y&c=%21&${o}`)}`],
    ['! not escaped (encodeURIComponent alone)', (o: string) => `GET&${uri}&${enc(`a=1&a=2&b=x%20y&c=!&e=&${o}`)}`],
    ['values in query order, not sorted', (o: string) => `GET&${uri}&${enc(`a=2&a=1&b=x%20y&c=%21&e=&${o}`)}`],
    ['the default port kept', (o: string) => `GET&${enc('https://api.exh.test:443/users/v1/me')}&${enc(`a=1&a=2&b=x%20y&c=%21&e=&${o}`)}`],
    ['the query in the base URI', (o: string) => `GET&${enc(`https://api.exh.test/users/v1/me?${query}`)}&${enc(`a=1&a=2&b=x%20y&c=%21&e=&${o}`)}`],
    ['a lower-case method', (o: string) => `get&${uri}&${enc(`a=1&a=2&b=x%20y&c=%21&e=&${o}`)}`],
    ['the parameters encoded once only', (o: string) => `GET&${uri}&a=1&a=2&b=x%20y&c=%21&e=&${o}`],
  ])('%s', async (_bug, base) => {
    expect(await send(query, base)).toEqual({ status: 401, code: 109 });
  });

  it('a key without the token secret, or without the &', async () => {
    expect(await send(query, right, () => `${consumerSecret}&`)).toEqual({ status: 401, code: 109 });
    expect(await send(query, right, (tokenSecret) => `${consumerSecret}${tokenSecret}`)).toEqual({ status: 401, code: 109 });
  });
});

describe('agrees with oauth-1.0a, an outside signer', () => {
  // oauth-1.0a keeps parameters in a plain object: names like `toString` collide with its prototype.
  const name = fc.stringMatching(/^[A-Za-z0-9._~-]{1,6}$/).filter((n) => !(n in {}));
  const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('', ' ', '+', '!*\'()', '&=?#', '%', '%zz', '😀', 'a b', '[]'));
  const param = fc.record({
    name,
    value,
    // How the query writes it: qs array brackets (raw or encoded), and spaces as + or %20.
    brackets: fc.constantFrom('', '[]', '%5B%5D'),
    plus: fc.boolean(),
  });
  const query = fc.array(param, { maxLength: 6 }).filter((params) => {
    // oauth-1.0a keeps a repeated name's empty value only when it is not the first: avoid that library bug.
    const names = params.map((p) => p.name);
    return params.every((p) => p.value !== '' || names.indexOf(p.name) === names.lastIndexOf(p.name));
  });
  type Param = { name: string; value: string; brackets: string; plus: boolean };
  /** The query as sent, and as the service reads it: the form oauth-1.0a is given (it knows no qs or `+`). */
  const written = (params: Param[]) => params.map((p) => `${p.name}${p.brackets}=${p.plus ? enc(p.value).replace(/%20/g, '+') : enc(p.value)}`).join('&');
  const asRead = (params: Param[]) => params.map((p) => `${p.name}=${enc(p.value)}`).join('&');
  const outside = (secret: string) =>
    new OAuth({ consumer: { key: consumerKey, secret }, signature_method: 'HMAC-SHA1', hash_function: (base, key) => hmac(key, base) });

  it('on 1,000 generated URLs: scheme, host, port, path and query', async () => {
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'DELETE', 'put'),
      scheme: fc.constantFrom('http', 'https'),
      host: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,10}\.[a-zA-Z]{2,5}$/),
      port: fc.constantFrom('', ':80', ':443', ':8080'),
      path: fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 3 }),
      query,
      consumerSecret: fc.string({ unit: 'grapheme', maxLength: 12 }),
      tokenSecret: fc.option(fc.string({ unit: 'grapheme', maxLength: 12 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = '/' + r.path.map(encodeURIComponent).join('/');
        const sent = `${r.scheme}://${r.host}${r.port}${path}${r.query.length ? `?${written(r.query)}` : ''}`;
        // oauth-1.0a signs the URL as given: hand it the normalised base URI (§3.4.1.2) and the query as read.
        const defaultPort = (r.scheme === 'http' && r.port === ':80') || (r.scheme === 'https' && r.port === ':443');
        const normalised = `${r.scheme}://${r.host.toLowerCase()}${defaultPort ? '' : r.port}${path}${r.query.length ? `?${asRead(r.query)}` : ''}`;
        const token = r.tokenSecret === undefined ? undefined : { key: 'token', secret: r.tokenSecret };
        const signed = outside(r.consumerSecret).authorize({ url: normalised, method: r.method }, token);
        const params = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k, String(v)]));
        expect(await hasValidSignature({ method: r.method, url: sent }, params, r.consumerSecret, r.tokenSecret ?? '')).toBe(true);
        // And the same signature over another query is refused.
        const changed = `${sent}${r.query.length ? '&' : '?'}extra=1`;
        expect(await hasValidSignature({ method: r.method, url: changed }, params, r.consumerSecret, r.tokenSecret ?? '')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('through the mock: 150 generated queries on /users/v1/me answer 200, an added parameter 109', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const token = exh.db.createToken(demo.email);
        const sign = (q: string) =>
          outside(consumerSecret).toHeader(
            outside(consumerSecret).authorize({ url: `${host}/users/v1/me${q ? `?${q}` : ''}`, method: 'GET' }, { key: token.token, secret: token.tokenSecret }),
          ).Authorization;
        const url = `${host}/users/v1/me${params.length ? `?${written(params)}` : ''}`;
        const ok = await fetch(url, { headers: { authorization: sign(asRead(params)) } });
        expect(ok.status).toBe(200);
        const tampered = [...params, { name: 'extra', value: 'x', brackets: '', plus: false }];
        const refused = await fetch(`${host}/users/v1/me?${written(tampered)}`, { headers: { authorization: sign(asRead(params)) } });
        expect(((await refused.json()) as { code: number }).code).toBe(109);
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe('src/msw stands apart from src/core', () => {
  const root = resolve(__dirname, '../src/msw');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

  /** Every module a file loads at run time: `import type` and `export type` load nothing. */
  function runtimeImports(file: string, text = readFileSync(file, 'utf8')): string[] {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) found.push((node.moduleSpecifier as ts.StringLiteral).text);
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) found.push((node.moduleSpecifier as ts.StringLiteral).text);
      if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || node.expression.getText(source) === 'require')) {
        const [first] = node.arguments;
        found.push(first && ts.isStringLiteralLike(first) ? first.text : '<computed>');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it('loads no code of the package outside src/msw at run time (types only)', () => {
    const list = files(root);
    expect(list.map((f) => relative(root, f))).toEqual(expect.arrayContaining(['mock.ts', 'oauth1.ts', 'index.ts']));
    const outside = list.flatMap((file) =>
      runtimeImports(file)
        // Packages (msw) are fine; a relative path must stay inside src/msw.
        .filter((spec) => spec.startsWith('.') || spec === '<computed>')
        .filter((spec) => spec === '<computed>' || relative(root, resolve(dirname(file), spec)).startsWith('..'))
        .map((spec) => `${relative(root, file)} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('the check sees runtime imports (so it can fail): `import { type X }` still loads its module', () => {
    const text = [
      "import { signRequest } from '../core/signer.js';",
      "import type { Session } from '../core/types.js';",
      "import { type ExhError } from '../core/errors.js';",
      "export { percentEncode } from '../core/signer.js';",
      "export type { SsoToken } from '../core/types.js';",
      "const lazy = () => import('../core/client.js');",
    ].join('\n');
    expect(runtimeImports(join(root, 'probe.ts'), text)).toEqual(['../core/signer.js', '../core/errors.js', '../core/signer.js', '../core/client.js']);
  });
});
