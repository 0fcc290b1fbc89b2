import { z } from '@hono/zod-openapi';

export const ChainBreakSchema = z.object({
  la: z.string(),
  chainIndex: z.number().int().nullable().openapi({ description: 'The leaf index of the break; null for an entry that was never given a place' }),
  entryId: z.string().nullable().openapi({ description: 'The entry found at the break; null when the break is a missing entry or a checkpoint' }),
  reason: z.enum([
    'wrong-authority', 'index-gap', 'prev-hash-mismatch', 'hash-mismatch', 'unsupported-hash', 'head-mismatch',
    'leaf-mismatch', 'root-mismatch', 'beyond-checkpoint', 'missing-entries', 'bad-checkpoint', 'not-integrated',
  ]),
  detail: z.string(),
}).openapi('ChainBreak');

export const ChainReportSchema = z.object({
  la: z.string(),
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  checkpoint: z.object({ treeSize: z.number().int(), rootHash: z.string().openapi({ description: 'base64' }) }).nullable()
    .openapi({ description: 'The latest signed checkpoint, which the entries were checked against' }),
  checkpointsChecked: z.number().int(),
  pending: z.number().int().openapi({ description: 'Entries written but not yet given a place in the tree (normally integrated within a second)' }),
  firstBreak: ChainBreakSchema.nullable(),
  checkedAt: z.string(),
}).openapi('ChainReport');

const Base64Hash = z.string().openapi({ description: 'SHA-256, base64', example: 'bsMLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=' });

export const CheckpointSchema = z.object({
  origin: z.string().openapi({ example: 'mash-triage/audit/E06000056' }),
  treeSize: z.number().int(),
  rootHash: Base64Hash,
  signedAt: z.string(),
  note: z.string().openapi({ description: 'The checkpoint as signed: a C2SP signed note (tlog-checkpoint body, Ed25519 signature line)' }),
  verifierKey: z.string().openapi({ description: 'The public key as a signed-note verifier key (name+keyid+base64 key): all an offline verifier needs' }),
}).openapi('AuditCheckpoint');

export const InclusionQuerySchema = z.object({
  entry: z.string().min(1).max(64).openapi({ param: { name: 'entry', in: 'query' }, description: 'An audit entry id', example: 'aud_01jd…' }),
  size: z.coerce.number().int().min(1).optional().openapi({ param: { name: 'size', in: 'query' }, description: 'Tree size to prove against; the latest checkpoint when absent' }),
});

export const InclusionProofSchema = z.object({
  entryId: z.string(),
  leafIndex: z.number().int(),
  treeSize: z.number().int(),
  leafHash: Base64Hash,
  proof: z.array(Base64Hash).openapi({ description: 'RFC 9162 §2.1.3 audit path, leaf end first' }),
  checkpoint: z.string().nullable().openapi({ description: 'The signed checkpoint of this tree size, when one was signed at exactly that size' }),
}).openapi('InclusionProof');

export const ConsistencyQuerySchema = z.object({
  from: z.coerce.number().int().min(0).openapi({ param: { name: 'from', in: 'query' }, description: 'The earlier tree size' }),
  to: z.coerce.number().int().min(0).optional().openapi({ param: { name: 'to', in: 'query' }, description: 'The later tree size; the latest checkpoint when absent' }),
});

export const ConsistencyProofSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  proof: z.array(Base64Hash).openapi({ description: 'RFC 9162 §2.1.4 consistency proof' }),
  fromCheckpoint: z.string().nullable(),
  toCheckpoint: z.string().nullable(),
}).openapi('ConsistencyProof');

export const EntryInclusionSchema = z.object({
  leafIndex: z.number().int(),
  leafHash: Base64Hash,
  proof: z.array(Base64Hash),
}).openapi('EntryInclusion');
