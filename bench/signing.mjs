// Signing cost: src/core's signRequest against oauth-1.0a with crypto-js and with node:crypto,
// same inputs, interleaved per round, median over the rounds. Plus the parts of signRequest, to see
// where its time goes.
import { createHmac, webcrypto } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import CryptoJS from 'crypto-js';
import { build } from 'esbuild';
import OAuth from 'oauth-1.0a';
import { cacheDir, root } from './size.mjs';

const ROUNDS = 15;
const CALLS = 2000;

const input = {
  method: 'GET',
  url: 'https://api.dev.example.extrahorizon.io/auth/v2/oauth1/tokens?limit=20&offset=0',
  consumerKey: 'bench-consumer-key-0123456789abcdef',
  consumerSecret: 'bench-consumer-secret-0123456789abcdef',
  token: 'bench-token-0123456789abcdef0123456789abcdef',
  tokenSecret: 'bench-token-secret-0123456789abcdef',
};

/** src/core/signer.ts as plain ESM (esbuild, no minify), so its internals can be timed one by one. */
async function loadSigner() {
  const outfile = join(cacheDir, 'signer.mjs');
  mkdirSync(cacheDir, { recursive: true });
  await build({ entryPoints: [join(root, 'src/core/signer.ts')], outfile, format: 'esm', platform: 'neutral', logLevel: 'silent' });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

/**
 * What-if: HMAC-SHA1 in plain JavaScript, synchronous, with the key's inner and outer pad states
 * computed once per key (what a cached CryptoKey is for Web Crypto). Not used by the package.
 */
const IV = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
const words = new Int32Array(80);

function compress(state, bytes, offset) {
  const w = words;
  for (let i = 0; i < 16; i++, offset += 4) w[i] = (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
  for (let i = 16; i < 80; i++) {
    const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
    w[i] = (x << 1) | (x >>> 31);
  }
  let [a, b, c, d, e] = state;
  for (let i = 0; i < 80; i++) {
    const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
    const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
    const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
  state[4] = (state[4] + e) | 0;
}

/** SHA-1 of `message`, continuing from `start` after `before` bytes already hashed; returns the 20 bytes. */
function sha1From(start, before, message) {
  const state = [...start];
  const padded = new Uint8Array((message.length + 72) & ~63);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = (before + message.length) * 8;
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);
  for (let offset = 0; offset < padded.length; offset += 64) compress(state, padded, offset);
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  state.forEach((value, i) => outView.setInt32(i * 4, value));
  return out;
}

function jsHmacKey(key) {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha1From(IV, 0, key) : key);
  const inner = [...IV];
  const outer = [...IV];
  compress(inner, block.map((byte) => byte ^ 0x36), 0);
  compress(outer, block.map((byte) => byte ^ 0x5c), 0);
  return { inner, outer };
}

function jsHmacSha1({ inner, outer }, message) {
  return sha1From(outer, 64, sha1From(inner, 64, message));
}

/** µs per call of `fn`, awaited one after the other (a `batch` function makes all CALLS calls itself). */
async function timeOne(fn) {
  const start = performance.now();
  if (fn.batch) await fn();
  else for (let i = 0; i < CALLS; i++) await fn();
  return ((performance.now() - start) * 1000) / CALLS; // µs per call, the await included
}

/** ROUNDS rounds of CALLS calls of each function, interleaved, the order rotating each round; after two warm-up passes. */
async function interleaved(fns) {
  const names = Object.keys(fns);
  for (let pass = 0; pass < 2; pass++) for (const name of names) await timeOne(fns[name]);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      samples[name].push(await timeOne(fns[name]));
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { samples, medians: Object.fromEntries(names.map((name) => [name, median(samples[name])])) };
}

function oauth10a(hash) {
  const oauth = new OAuth({ consumer: { key: input.consumerKey, secret: input.consumerSecret }, signature_method: 'HMAC-SHA1', hash_function: hash });
  const token = { key: input.token, secret: input.tokenSecret };
  return () => oauth.toHeader(oauth.authorize({ url: input.url, method: input.method }, token)).Authorization;
}

export async function measureSigning() {
  const signer = await loadSigner();
  const encoder = new TextEncoder();
  const signingKey = `${signer.percentEncode(input.consumerSecret)}&${signer.percentEncode(input.tokenSecret)}`;
  const key = await webcrypto.subtle.importKey('raw', encoder.encode(signingKey), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const base = signer.signatureBaseString(input.method, input.url, signer.oauthParameters(input));
  let fresh = 0;
  const jsKeys = new Map();
  const jsHmacBase64 = (keyText, text) => {
    let jsKey = jsKeys.get(keyText);
    if (!jsKey) jsKeys.set(keyText, (jsKey = jsHmacKey(encoder.encode(keyText))));
    return btoa(String.fromCharCode(...jsHmacSha1(jsKey, encoder.encode(text))));
  };
  if (jsHmacBase64(signingKey, base) !== createHmac('sha1', signingKey).update(base).digest('base64')) {
    throw new Error('bench: the what-if JS HMAC-SHA1 is wrong');
  }
  /** signRequest's own steps, with the HMAC swapped for `hmac` (sync). */
  const oursWith = (hmac) => () => {
    const params = signer.oauthParameters(input);
    params.oauth_signature = hmac(signingKey, signer.signatureBaseString(input.method, input.url, params));
    const fields = Object.keys(params).sort().map((name) => `${signer.percentEncode(name)}="${signer.percentEncode(params[name])}"`);
    return `OAuth ${fields.join(', ')}`;
  };

  const contenders = {
    ours: () => signer.signRequest(input),
    cryptoJs: oauth10a((text, k) => CryptoJS.HmacSHA1(text, k).toString(CryptoJS.enc.Base64)),
    nodeCrypto: oauth10a((text, k) => createHmac('sha1', k).update(text).digest('base64')),
    // What-ifs: signRequest's steps with a synchronous HMAC instead of Web Crypto's.
    oursWithNodeHmac: oursWith((k, text) => createHmac('sha1', k).update(text).digest('base64')),
    oursWithJsHmac: oursWith(jsHmacBase64),
  };
  // The parts of signRequest (same base string, same key).
  const parts = {
    nonce: () => signer.createNonce(),
    baseString: () => signer.signatureBaseString(input.method, input.url, signer.oauthParameters(input)),
    webCryptoHmac: async () => btoa(String.fromCharCode(...new Uint8Array(await webcrypto.subtle.sign('HMAC', key, encoder.encode(base))))),
    // The same, CALLS signs in flight at once: the CPU cost without waiting for each answer.
    webCryptoHmacInFlight: Object.assign(() => Promise.all(Array.from({ length: CALLS }, () => webcrypto.subtle.sign('HMAC', key, encoder.encode(base)))), { batch: true }),
    nodeHmac: () => createHmac('sha1', signingKey).update(base).digest('base64'),
    cryptoJsHmac: () => CryptoJS.HmacSHA1(base, signingKey).toString(CryptoJS.enc.Base64),
    jsHmac: () => jsHmacBase64(signingKey, base),
  };
  // Last and apart: a new CryptoKey per call leaves garbage that slows whatever runs next.
  const keyCost = {
    oursBesideUncached: contenders.ours,
    oursUncachedKey: () => signer.signRequest({ ...input, tokenSecret: `${input.tokenSecret}${fresh++}` }),
    importKey: () => webcrypto.subtle.importKey('raw', encoder.encode(`${signingKey}${fresh++}`), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']),
  };
  // The contenders interleave among themselves (a round takes under a second), then the parts.
  const first = await interleaved(contenders);
  const second = await interleaved(parts);
  const third = await interleaved(keyCost);
  const us = { ...third.medians, ...second.medians, ...first.medians };
  const samples = { ...third.samples, ...second.samples, ...first.samples };
  const range = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, [Math.min(...values), Math.max(...values)]]));
  // The same ratio within each round: how much it moves from round to round on this machine.
  const spread = (a, b) => {
    const ratios = first.samples[a].map((value, round) => value / first.samples[b][round]).sort((x, y) => x - y);
    return [ratios[0], ratios[ratios.length - 1]];
  };
  return {
    rounds: ROUNDS,
    calls: CALLS,
    url: input.url,
    usPerCall: us,
    usRange: range,
    ratios: {
      oursToNodeCrypto: us.ours / us.nodeCrypto,
      oursToCryptoJs: us.ours / us.cryptoJs,
      uncachedToCached: us.oursUncachedKey / us.oursBesideUncached,
      jsHmacToNodeCrypto: us.oursWithJsHmac / us.nodeCrypto,
    },
    spread: {
      oursToNodeCrypto: spread('ours', 'nodeCrypto'),
      oursToCryptoJs: spread('ours', 'cryptoJs'),
      jsHmacToNodeCrypto: spread('oursWithJsHmac', 'nodeCrypto'),
    },
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log(JSON.stringify(await measureSigning(), null, 2));
}
