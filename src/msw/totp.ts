/** RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30 s step), as authenticator apps make them. */

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_MS = 30_000;

/** RFC 4648 base32, the way authenticator apps take secrets: case, spaces and padding do not matter. */
function base32Decode(secret: string): Uint8Array<ArrayBuffer> {
  const bytes: number[] = [];
  let bits = 0;
  let buffer = 0;
  for (const char of secret.toUpperCase().replace(/[\s=]/g, '')) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value === -1) throw new Error(`Not a base32 TOTP secret: ${secret}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

const HEX_SECRET = /^[0-9a-f]{40}$/i;

/** The HMAC key: 40 hex characters are hex (the service's own secrets); anything else is base32. */
function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const compact = secret.replace(/\s/g, '');
  if (!HEX_SECRET.test(compact)) return base32Decode(secret);
  return new Uint8Array(compact.match(/../g)!.map((pair) => parseInt(pair, 16)));
}

/**
 * The 6-digit code for `secret` at `time` (epoch ms). `secret` is either the service's 40-hex form (the 20-byte key
 * written in hex) or base32 as authenticator apps take it (`[A-Z2-7]+=*`, case, spaces and padding ignored).
 * A 40-character string of digits and A–F only could be read both ways: it is read as hex, the documented rule.
 */
export async function totp(secret: string, time: number = Date.now()): Promise<string> {
  const counter = Math.floor(time / STEP_MS);
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const key = await crypto.subtle.importKey('raw', secretBytes(secret), { name: 'HMAC', hash: 'SHA-1' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  // Dynamic truncation (RFC 4226 §5.3).
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 1_000_000).padStart(6, '0');
}
