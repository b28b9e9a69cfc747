/** What an authenticator app needs to add a TOTP method: the `otpauth://` URI (for a QR code) and the key to type. */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface OtpauthInput {
  /** The method's secret as adding it answered: 40 hex characters, or a key already in base32. */
  secret: string;
  /** Who issues the code, shown by the authenticator app (e.g. the app's name). */
  issuer: string;
  /** Whose code it is (e.g. the user's e-mail address). */
  accountName: string;
}

export interface Otpauth {
  /** `otpauth://totp/…` with SHA1, 6 digits and a 30 s period. */
  uri: string;
  /** The key in base32 without padding, for manual entry (group it by four when showing it). */
  key: string;
}

/** 40 hex characters (160 bits, a whole number of base32 characters) as base32. */
function hexToBase32(hex: string): string {
  let key = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < hex.length; i += 2) {
    buffer = (buffer << 8) | parseInt(hex.slice(i, i + 2), 16);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      key += BASE32[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return key;
}

/**
 * The service types a TOTP secret as 40 hex characters (the 20-byte HMAC-SHA1 key of RFC 4226); authenticator
 * apps take base32. A 40-hex secret is decoded as hex (even one that also reads as base32); any other secret in
 * the base32 alphabet is taken as it is.
 */
export function otpauthUri({ secret, issuer, accountName }: OtpauthInput): Otpauth {
  const trimmed = secret.replace(/\s/g, '');
  let key: string;
  if (/^[\da-f]{40}$/i.test(trimmed)) key = hexToBase32(trimmed);
  else if (/^[A-Z2-7]+=*$/i.test(trimmed)) key = trimmed.toUpperCase().replace(/=+$/, '');
  else throw new TypeError('exh-auth-react: a TOTP secret is 40 hex characters or a base32 key');
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = `secret=${key}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
  return { uri: `otpauth://totp/${label}?${query}`, key };
}
