import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Checkpoints in the C2SP tlog-checkpoint format, signed as a C2SP signed
 * note with Ed25519 (https://c2sp.org/tlog-checkpoint, https://c2sp.org/signed-note):
 *
 *     <origin>\n<tree size>\n<base64 root hash>\n[time <ISO instant>\n]
 *     \n
 *     — <key name> <base64(key id ‖ signature)>\n
 *
 * The key id is the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
 * Anyone holding the verifier key string (`name+hex id+base64(0x01 ‖ key)`)
 * can check a checkpoint with nothing else.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  time: string | null;
}

export interface NoteSigner {
  name: string;
  verifierKey: string;
  sign(checkpoint: Checkpoint): string;
}

const ED25519 = 0x01;
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(SPKI_ED25519_PREFIX.length));
}

function keyId(name: string, raw: Buffer): Buffer {
  return createHash('sha256').update(Buffer.concat([Buffer.from(name), Buffer.from([0x0a, ED25519]), raw])).digest().subarray(0, 4);
}

export function checkpointBody(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n${c.time ? `time ${c.time}\n` : ''}`;
}

/** A signer from a PKCS#8 PEM Ed25519 private key. */
export function noteSigner(name: string, privateKeyPem: string): NoteSigner {
  if (!/^[^\s+]+$/.test(name)) throw new Error(`audit key name "${name}" must be non-empty with no spaces or plus signs`);
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 private key');
  const raw = rawPublicKey(createPublicKey(privateKey));
  const id = keyId(name, raw);
  return {
    name,
    verifierKey: `${name}+${id.toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), raw]).toString('base64')}`,
    sign(checkpoint) {
      const body = checkpointBody(checkpoint);
      const signature = sign(null, Buffer.from(body), privateKey);
      return `${body}\n\u2014 ${name} ${Buffer.concat([id, signature]).toString('base64')}\n`;
    },
  };
}

export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export interface NoteVerifier { name: string; id: Buffer; key: KeyObject }

/** Parses a verifier key string `name+hexid+base64(0x01 ‖ key)`. */
export function parseVerifierKey(text: string): NoteVerifier {
  // The key is standard base64, which may itself hold plus signs: only the first two separate fields.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error('a verifier key reads name+keyid+key');
  const [, name, hexId, b64] = match as unknown as [string, string, string, string];
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ED25519) throw new Error('only Ed25519 verifier keys are supported');
  const raw = bytes.subarray(1);
  const id = keyId(name, raw);
  if (id.toString('hex') !== hexId) throw new Error('the verifier key id does not match its key');
  return { name, id, key: createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' }) };
}

export type OpenedNote = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string };

/** Checks a signed checkpoint note against one verifier key, and reads it. */
export function openCheckpoint(note: string, verifier: NoteVerifier): OpenedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return { ok: false, reason: 'not a signed note' };
  const body = note.slice(0, split + 1);
  const signatures = note.slice(split + 2).split('\n').filter(Boolean);
  const ours = signatures.map((line) => /^\u2014 (\S+) (\S+)$/.exec(line)).find((m) => m && m[1] === verifier.name);
  if (!ours) return { ok: false, reason: `no signature by ${verifier.name}` };
  const blob = Buffer.from(ours[2] ?? '', 'base64');
  if (blob.length !== 68 || !blob.subarray(0, 4).equals(verifier.id)) return { ok: false, reason: 'signature is by another key' };
  if (!verify(null, Buffer.from(body), verifier.key, blob.subarray(4))) return { ok: false, reason: 'signature does not verify' };
  const lines = body.slice(0, -1).split('\n');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!origin || !sizeText || !/^(0|[1-9][0-9]*)$/.test(sizeText) || !rootText) return { ok: false, reason: 'malformed checkpoint body' };
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== 32) return { ok: false, reason: 'root hash is not 32 bytes' };
  const time = extensions.map((l) => /^time (\S+)$/.exec(l)?.[1]).find(Boolean) ?? null;
  return { ok: true, checkpoint: { origin, size: Number(sizeText), root, time } };
}
