import { afterEach, describe, expect, it, vi } from 'vitest';
import { demo, setupMockExh } from '../helpers';
import { sharedStorage } from '../reliability/tabs';

const exh = setupMockExh();
const credentials = { email: demo.email, password: demo.password };

afterEach(() => vi.restoreAllMocks());

describe('the signer’s keys', () => {
  /** The HMAC keys the package's signer imports from now on whose key material holds `secret` (the mock imports its own). */
  function watchKeyImports(secret: string) {
    const importKey = crypto.subtle.importKey.bind(crypto.subtle);
    let count = 0;
    vi.spyOn(crypto.subtle, 'importKey').mockImplementation(((...args: Parameters<typeof importKey>) => {
      const material = new TextDecoder().decode(args[1] as ArrayBuffer | Uint8Array);
      if (material.includes(secret) && new Error().stack?.includes('src/core/signer')) count++;
      return importKey(...args);
    }) as typeof importKey);
    return () => count;
  }

  it.each([
    ['logout', { revoke: true }],
    ['logout without revoke', { revoke: false }],
  ])('a session’s key does not outlive it (%s)', async (_name, options) => {
    const origin = sharedStorage();
    const client = exh.client({ storage: origin.tab() });
    const session = await client.authenticate(credentials);
    await client.me(); // signed with the session's key
    const stored = new Map(origin.values);
    await client.logout(options);
    // The same session again (e.g. restored from storage): its key is imported anew, not found in a cache.
    const imports = watchKeyImports(session.tokenSecret);
    for (const [k, v] of stored) origin.values.set(k, v);
    await exh.client({ storage: origin.tab() }).me().catch(() => undefined);
    expect(imports()).toBe(1);
  });

  it('a session replaced by another tab’s does not leave its key behind', async () => {
    const origin = sharedStorage();
    const client = exh.client({ storage: origin.tab() });
    const stop = client.subscribe(() => undefined);
    const first = await client.authenticate(credentials);
    await client.me();
    const firstStored = new Map(origin.values);
    await exh.client({ storage: origin.tab() }).authenticate(credentials); // heard through the storage event
    expect(client.getSession()?.tokenId).not.toBe(first.tokenId);
    // No tab holds the replaced session any more: its own tab revokes it, signing once more with its key.
    await expect.poll(() => exh.db.tokensOf(demo.email).map((t) => t.id)).not.toContain(first.tokenId);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const imports = watchKeyImports(first.tokenSecret);
    for (const [k, v] of firstStored) origin.values.set(k, v);
    await exh.client({ storage: origin.tab() }).me().catch(() => undefined); // 108: revoked
    expect(imports()).toBe(1);
    stop();
  });
});

describe('a caller’s abort signal', () => {
  it('already aborted: no request is sent, the call rejects with the AbortError', async () => {
    const client = exh.client();
    await client.authenticate(credentials);
    exh.db.resetRequests();
    const controller = new AbortController();
    controller.abort();
    const error = await client.http.get('users/v1/me', { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(exh.db.requests).toEqual([]);
  });
});
