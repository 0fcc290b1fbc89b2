import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyOffline } from '../src/audit/offline.js';

/**
 * `npm run audit:verify-offline -- --key KEY --checkpoint FILE [--inclusion FILE] [--consistency FILE --older FILE]`
 *
 * Checks, away from the service and its database, that a checkpoint is signed
 * by the service's key and that an entry is in it (inclusion proof) or that it
 * extends an earlier checkpoint (consistency proof). KEY is the verifier key
 * string (or a file holding it) from GET /api/v1/audit/checkpoint; the files
 * are a checkpoint note (or that route's JSON answer) and the JSON answers of
 * the proof routes. Exits 0 when everything verifies, 1 otherwise.
 */
const { values } = parseArgs({
  options: {
    key: { type: 'string' }, checkpoint: { type: 'string' }, inclusion: { type: 'string' },
    consistency: { type: 'string' }, older: { type: 'string' },
  },
});
if (!values.key || !values.checkpoint) {
  process.stderr.write('usage: audit-verify-offline --key KEY|FILE --checkpoint FILE [--inclusion FILE] [--consistency FILE --older FILE]\n');
  process.exit(2);
}
const text = (value: string) => {
  try { return readFileSync(value, 'utf8'); } catch { return value; }
};
/** A file holding either the note itself or the checkpoint route's JSON answer. */
const note = (file: string) => {
  const raw = readFileSync(file, 'utf8');
  return raw.trimStart().startsWith('{') ? (JSON.parse(raw) as { note: string }).note : raw;
};
const result = verifyOffline({
  verifierKey: text(values.key).trim(),
  checkpoint: note(values.checkpoint),
  ...(values.inclusion ? { inclusion: JSON.parse(readFileSync(values.inclusion, 'utf8')) } : {}),
  ...(values.consistency ? { consistency: JSON.parse(readFileSync(values.consistency, 'utf8')) } : {}),
  ...(values.older ? { olderCheckpoint: note(values.older) } : {}),
});
for (const check of result.checks) process.stdout.write(`ok    ${check}\n`);
if (result.failure) process.stdout.write(`FAIL  ${result.failure}\n`);
process.exit(result.ok ? 0 : 1);
