import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export type IdPrefix = 'con' | 'chd' | 'adt' | 'tri' | 'aud' | 'dec' | 'rev' | 'req' | 'smp' | 'chk' | 'trf' | 'rpl' | 'fbk' | 'shr' | 'fex' | 'sar'
  | 'tem' | 'ssd' | 'ssc' | 'prc' | 'cex' | 'cal';

/** Prefixed, time-ordered ids (`con_…`): sortable by creation, unguessable, readable in logs. */
export function newId(prefix: IdPrefix, at: Date = new Date()): string {
  const time = Buffer.alloc(6);
  time.writeUIntBE(at.getTime(), 0, 6);
  return `${prefix}_${base32(time)}${base32(randomBytes(10))}`;
}

export type IdGenerator = (prefix: IdPrefix) => string;
export const randomIds: IdGenerator = (prefix) => newId(prefix);
