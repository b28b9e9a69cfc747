import { describe, expect, it } from 'vitest';
import { AuthenticationError, createNonce } from '../../src/core';
import { setupMockExh } from '../helpers';

const exh = setupMockExh();

describe('odd and hostile input', () => {
  it.each([
    ['unicode and emoji', 'pässwörd-🔐-密码-👩🏽‍⚕️'],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['surrounding spaces kept', '  spaced password  '],
    ['quotes and escapes', `"'\\\n\t%00&=?#`],
  ])('signs in with a %s password, sent as typed', async (_case, password) => {
    const email = `odd-${Math.random().toString(36).slice(2)}@example.com`;
    exh.db.addUser({ email, password });
    const client = exh.client();
    await client.authenticate({ email, password });
    expect(client.getState().status).toBe('authenticated');
    await expect(exh.client().authenticate({ email, password: password.trim() + 'x' })).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('answers a 10,000-character email with a clean AuthenticationError', async () => {
    await expect(exh.client().authenticate({ email: `${'a'.repeat(10_000)}@example.com`, password: 'x' })).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('signs query values with reserved and non-ASCII characters that the mock verifies', async () => {
    const client = exh.client();
    await client.authenticate({ email: 'demo@example.com', password: 'demo-password' });
    const values = ["a b+c", '!*\'()', '&=?#/', 'é ü ß', '😀', '%41', '', 'a%', '[]', 'x'.repeat(2000)];
    for (const value of values) {
      await expect(client.http.get('users/v1/me', { searchParams: { q: value, 'arr[]': value, 'obj[k]': value } }).json()).resolves.toMatchObject({ email: 'demo@example.com' });
    }
    await expect(client.http.get(`users/v1/me?${encodeURIComponent('ñame')}=${encodeURIComponent('välue 1')}&flag&rql=eq(a,b)`).json()).resolves.toBeTruthy();
  });
});

describe('nonces', () => {
  it('100,000 generated, no repeats, each at least 32 characters', () => {
    // One assertion over all of them: 100,000 expect calls outlast the timeout on a busy machine.
    const nonces = Array.from({ length: 100_000 }, createNonce);
    expect(new Set(nonces).size).toBe(100_000);
    expect(nonces.filter((nonce) => nonce.length < 32)).toEqual([]);
  }, 20_000);
});
