import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROMPT_ACTIONS, ROUTES, URGENCIES } from '../../schemas/codes.js';
import { ContactInputSchema } from '../../schemas/contact.schema.js';

/** The cases no rule pack may miss: each names the prompt that must appear. */
export const FLOORS = ['non_mobile_injury', 'sexual_abuse_disclosure', 'fgm', 'sexual_activity_under_13', 'immediate_danger'] as const;
export type Floor = (typeof FLOORS)[number];

const Source = z.strictObject({ title: z.string().min(5), url: z.url(), section: z.string().min(1).optional() });

export const CorpusCaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  title: z.string().min(10),
  sources: z.array(Source).min(1),
  narrative: z.string().min(40),
  body: ContactInputSchema,
  expected: z.strictObject({
    route: z.enum(ROUTES),
    urgency: z.enum(URGENCIES),
    mustPrompt: z.array(z.enum(PROMPT_ACTIONS)),
    mustNotPrompt: z.array(z.enum(PROMPT_ACTIONS)),
    floor: z.enum(FLOORS).optional(),
    reasoning: z.string().min(40),
  }).superRefine((e, ctx) => {
    const both = e.mustPrompt.filter((a) => e.mustNotPrompt.includes(a));
    if (both.length) ctx.addIssue({ code: 'custom', path: ['mustNotPrompt'], message: `${both.join(', ')} also in mustPrompt` });
  }),
});

export type CorpusCase = z.infer<typeof CorpusCaseSchema> & { part: 'development' | 'held_back' };

export class CorpusError extends Error {}

/** Reads every case, refusing the corpus whole if any file is malformed (every fault named at once). */
export function loadCorpus(dir: string): CorpusCase[] {
  const heldBack = new Set(readHeldBack(dir));
  const faults: string[] = [];
  const cases: CorpusCase[] = [];
  const casesDir = join(dir, 'cases');
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(casesDir, file), 'utf8'));
    } catch (error) {
      faults.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = CorpusCaseSchema.safeParse(json);
    if (!parsed.success) {
      faults.push(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
      continue;
    }
    if (`${parsed.data.id}.json` !== file) faults.push(`${file}: the file must be named after its id (${parsed.data.id}.json)`);
    cases.push({ ...parsed.data, part: heldBack.has(parsed.data.id) ? 'held_back' : 'development' });
  }
  const ids = new Set(cases.map((c) => c.id));
  for (const id of heldBack) if (!ids.has(id)) faults.push(`held-back.json names ${id}, which is not a case`);
  if (faults.length) throw new CorpusError(faults.join('\n'));
  return cases;
}

function readHeldBack(dir: string): string[] {
  try {
    return z.array(z.string()).parse(JSON.parse(readFileSync(join(dir, 'held-back.json'), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CorpusError(`held-back.json: ${(error as Error).message}`);
  }
}
