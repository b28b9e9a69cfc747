import { describe, expect, it } from 'vitest';
import { otpauthUri } from '../../src/core';

describe('otpauthUri', () => {
  // RFC 6238's test key "12345678901234567890": 40 hex characters as the service types it.
  const rfcHex = '3132333435363738393031323334353637383930';
  const rfcBase32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('turns a 40-hex secret into its base32 key and an otpauth URI an authenticator app reads', () => {
    const { uri, key } = otpauthUri({ secret: rfcHex, issuer: 'Clinic App', accountName: 'ana@example.com' });
    expect(key).toBe(rfcBase32);
    const url = new URL(uri);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname.slice(1))).toBe('Clinic App:ana@example.com');
    expect(Object.fromEntries(url.searchParams)).toEqual({ secret: rfcBase32, issuer: 'Clinic App', algorithm: 'SHA1', digits: '6', period: '30' });
  });

  it('decodes upper-case hex and hex that also reads as base32 as hex (the service sends hex)', () => {
    expect(otpauthUri({ secret: rfcHex.toUpperCase(), issuer: 'a', accountName: 'b' }).key).toBe(rfcBase32);
    // Only A–F and 2–7: valid base32 too, but 40 characters of hex are the service's secret.
    const ambiguous = 'ABCDEF2345'.repeat(4);
    expect(otpauthUri({ secret: ambiguous, issuer: 'a', accountName: 'b' }).key).toBe('VPG66I2FVPG66I2FVPG66I2FVPG66I2F');
  });

  it('takes a base32 key of any length as it is (40 hex characters make exactly 32 base32 ones)', () => {
    expect(otpauthUri({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'a', accountName: 'b' }).key).toBe('JBSWY3DPEHPK3PXP');
  });

  it('takes a base32 secret as it is: lower case, spaces and padding do not matter', () => {
    expect(otpauthUri({ secret: 'jbsw y3dp ehpk 3pxp====', issuer: 'a', accountName: 'b' }).key).toBe('JBSWY3DPEHPK3PXP');
  });

  it('encodes issuer and account name, so a colon or ampersand cannot break the URI', () => {
    const { uri } = otpauthUri({ secret: rfcHex, issuer: 'A&B: Care', accountName: 'x+y@example.com' });
    expect(uri.startsWith('otpauth://totp/A%26B%3A%20Care:x%2By%40example.com?')).toBe(true);
    expect(new URL(uri).searchParams.get('issuer')).toBe('A&B: Care');
  });

  it('refuses a secret that is neither hex nor base32', () => {
    expect(() => otpauthUri({ secret: 'not a secret!', issuer: 'a', accountName: 'b' })).toThrow(TypeError);
    expect(() => otpauthUri({ secret: '018', issuer: 'a', accountName: 'b' })).toThrow(/40 hex characters or a base32 key/);
  });

  it('refuses hex of another length and a key with characters outside base32, wherever they are', () => {
    expect(() => otpauthUri({ secret: `${rfcHex}00`, issuer: 'a', accountName: 'b' })).toThrow(TypeError);
    expect(() => otpauthUri({ secret: `0${rfcHex}`, issuer: 'a', accountName: 'b' })).toThrow(TypeError);
    expect(() => otpauthUri({ secret: '0JBSWY3DPEHPK3PXP', issuer: 'a', accountName: 'b' })).toThrow(TypeError);
  });
});
