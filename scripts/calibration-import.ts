import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveLocalSecret, signLocalToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { buildDeps } from '../src/deps.js';
import { addPracticeContact } from '../src/domain/calibration/add-practice-contact.js';
import { practiceFromCorpusCase } from '../src/domain/calibration/corpus-case.js';
import { Conflict } from '../src/domain/errors.js';
import { CorpusCaseSchema } from '../src/rules/accuracy/corpus.js';
import type { PracticeContactInput } from '../src/schemas/calibration.schema.js';

/**
 * `npm run calibration:import -- <dir of corpus case files> [--la E06000056] [--url http://127.0.0.1:3000]`:
 * adds each case to the authority's bank of practice contacts. Without --url
 * it writes through the domain verb into the same database as npm start;
 * with --url it posts each through the API of a running service. A case
 * already in the bank is left as it is.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { la: { type: 'string', default: 'E06000056' }, url: { type: 'string' }, sub: { type: 'string', default: 'calibration-import' } },
});
const dir = positionals[0];
if (!dir || !/^[EWSN]\d{8}$/.test(values.la!)) {
  process.stderr.write('usage: npm run calibration:import -- <dir of corpus case files> [--la E06000056] [--url http://127.0.0.1:3000]\n');
  process.exit(2);
}

const faults: string[] = [];
const cases: PracticeContactInput[] = [];
for (const file of readdirSync(resolve(dir)).filter((f) => f.endsWith('.json')).sort()) {
  const parsed = CorpusCaseSchema.safeParse(JSON.parse(readFileSync(join(resolve(dir), file), 'utf8')));
  if (parsed.success) cases.push(practiceFromCorpusCase(parsed.data));
  else faults.push(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
}
if (faults.length) {
  process.stderr.write(`not imported: these files are not corpus cases\n${faults.join('\n')}\n`);
  process.exit(1);
}

const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const actor = { sub: values.sub!, role: 'admin' as const, la: values.la! };
let added = 0;
let present = 0;

if (values.url) {
  const token = await signLocalToken(resolveLocalSecret(config), actor, { issuer: config.jwtIssuer, audience: config.jwtAudience, expiresIn: '15m' });
  for (const input of cases) {
    const res = await fetch(new URL('/api/v1/practice-contacts', values.url), {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(input),
    });
    if (res.status === 201) added++;
    else if (res.status === 409) present++;
    else throw new Error(`${input.reference}: ${res.status} ${await res.text()}`);
  }
} else {
  const { deps, database } = await buildDeps(config);
  try {
    for (const input of cases) {
      try {
        await addPracticeContact({ ctx: { deps, actor, requestId: `import-${input.reference}` }, input });
        added++;
      } catch (error) {
        if (!(error instanceof Conflict)) throw error;
        present++;
      }
    }
  } finally {
    await database.close();
  }
}
process.stdout.write(`${added} practice contacts added to ${values.la}'s bank, ${present} already there (${cases.length} cases in ${dir})\n`);
