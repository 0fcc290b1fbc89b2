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

const POOL_BYTES = 4096;
const ID_RANDOM_BYTES = 10;
let pool = Buffer.alloc(0);
let taken = POOL_BYTES;

/**
 * Ten bytes from a pool filled 4 KB at a time from the CSPRNG (as Node's own
 * randomUUID does): one randomBytes call per id was a measurable part of a
 * triage request's CPU (issue 19). Each byte is handed out once.
 */
function randomPart(): Uint8Array {
  if (taken + ID_RANDOM_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    taken = 0;
  }
  const part = pool.subarray(taken, taken + ID_RANDOM_BYTES);
  taken += ID_RANDOM_BYTES;
  return part;
}

/** The time in milliseconds as six big-endian bytes. */
function timePart(ms: number): Uint8Array {
  const out = new Uint8Array(6);
  let rest = ms;
  for (let i = 5; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return out;
}

/** Prefixed, time-ordered ids (`con_…`): sortable by creation, unguessable, readable in logs. */
export function newId(prefix: IdPrefix, at: Date = new Date()): string {
  return `${prefix}_${base32(timePart(at.getTime()))}${base32(randomPart())}`;
}

export type IdGenerator = (prefix: IdPrefix) => string;
export const randomIds: IdGenerator = (prefix) => newId(prefix);
