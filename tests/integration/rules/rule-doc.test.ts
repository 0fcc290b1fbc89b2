import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('the rules transparency record', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('GET /api/v1/rules/doc gives every role the record, generated from the rule files', async () => {
    for (const role of ['screener', 'manager', 'auditor', 'admin'] as const) {
      const res = await t.request('GET', '/api/v1/rules/doc', { role });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    }
    const doc = await (await t.request('GET', '/api/v1/rules/doc')).text();
    const { ruleSet } = t.deps;
    expect(doc).toContain(`- Version: ${ruleSet.version}`);
    expect(doc).toContain(`\`${ruleSet.hash}\``);
    expect(doc).toMatch(/- In use since: 2026-11-28T10:00:00.000Z/);
    for (const rule of ruleSet.rules) {
      expect(doc).toContain(`## ${rule.summary}\n\nRule \`${rule.id}\``);
      for (const source of rule.sources) expect(doc).toContain(`- ${source}`);
    }
    expect(doc).toContain('## Settings in force for E06000056');
    expect(doc).toContain('| repeatContactThreshold | 2 |');
  });

  it('follows the Algorithmic Transparency Recording Standard: metadata, tier 1, the five tier 2 sections, then the rules, with the corpus figures', async () => {
    const doc = await (await t.request('GET', '/api/v1/rules/doc', { role: 'auditor' })).text();
    const headings = ['## Metadata', '## Tier 1: overview', '### 1.2 How and why it is used', '## Tier 2: owner and responsibility', '## Tier 2: description and rationale',
      '## Tier 2: decision-making process', '## Tier 2: data', '## Tier 2: risks, mitigations and impact assessments', '# Annex: '];
    const at = headings.map((h) => doc.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(doc).toContain('| 2.1.1 Organisation | The local authority with ONS code E06000056 |');
    const accuracy = JSON.parse(readFileSync('docs/rule-pack-accuracy.json', 'utf8'));
    expect(doc).toContain(`Measured by \`npm run rules:evaluate\` on ${accuracy.measuredOn} over ${accuracy.corpus.cases} labelled contacts`);
    const held = accuracy.parts.held_back.actions.find((a: { action: string }) => a.action === 'strategy_discussion').sensitivity;
    expect(doc).toContain(`a strategy discussion was prompted in ${(held.rate * 100).toFixed(0)}% (${held.hits} of ${held.of})`);
    expect(doc).toContain('DfE information-sharing advice for safeguarding practitioners (2024)');
  });

  it('writes conditions as sentences from the fact catalogue, with the settings they compare against', async () => {
    const doc = await (await t.request('GET', '/api/v1/rules/doc', { role: 'auditor' })).text();
    const section = (id: string) => doc.slice(doc.indexOf(`Rule \`${id}\``), doc.indexOf('**Sources**', doc.indexOf(`Rule \`${id}\``)));
    expect(section('sexual-abuse-disclosure')).toContain('- A child has disclosed sexual abuse, not already acted on (`sexualAbuseDisclosure`)\n');
    expect(section('repeat-contacts')).toContain('- Most earlier contacts about any one of the children in the 12 months before this one (`priorContactsLast12Months`) is at least the setting: earlier contacts in 12 months that call for a review of the cumulative picture (`repeatContactThreshold`), 2 here');
    expect(section('minimising-language')).toContain('  - at least one of these is true:\n    - Physical punishment of a child is reported (`physicalPunishmentReported`)');
    expect(section('minimising-language')).toContain('- Convene a strategy discussion (s47 Children Act 1989) (`strategy_discussion`, critical)');
    expect(section('minimising-language')).toContain('> The account calls it “[minimisingPhrases]”');
  });

  it('writes the response table: routes and urgency in order, modifiers, floors and duties, each with its reason', async () => {
    const doc = await (await t.request('GET', '/api/v1/rules/doc', { role: 'auditor' })).text();
    const table = t.deps.ruleSet.response!;
    expect(doc).toContain('## Route and urgency');
    for (const row of [...table.routes, ...table.urgency, ...table.modifiers, ...table.floors, ...table.duties]) expect(doc).toContain(`(\`${row.id}\`)`);
    expect(doc).toContain('**1. immediate protection** (`immediate-danger`)');
    expect(doc).toContain('- strategy discussion implies multi agency review, household checks');
  });

  it('documents the audit and rules endpoints in the OpenAPI document', async () => {
    const doc = await (await t.request('GET', '/openapi.json', { token: null })).json() as { paths: Record<string, unknown> };
    for (const path of ['/api/v1/rules/doc', '/api/v1/audit/verify', '/api/v1/contacts/{id}/replay', '/api/v1/contacts/{id}/near-misses']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });

  it('refuses a caller without a token', async () => {
    expect((await t.request('GET', '/api/v1/rules/doc', { token: null })).status).toBe(401);
  });

  it('npm run rules:doc writes the same record to a path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-doc-'));
    try {
      const out = join(dir, 'rules.md');
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/rules-doc.ts', out, '--la', 'E06000056'], { stdio: 'pipe' });
      const doc = readFileSync(out, 'utf8');
      expect(doc).toContain(`\`${t.deps.ruleSet.hash}\``);
      expect(doc).toContain('## Settings in force for E06000056');
      expect(doc.match(/^Rule `/gm)).toHaveLength(t.deps.ruleSet.rules.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
