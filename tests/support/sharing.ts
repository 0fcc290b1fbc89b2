import type { TestApp } from './test-app.js';

/** A basis a screener might record for a check made without asking the family (a police investigation under way). */
export const WITHOUT_CONSENT = {
  lawfulBasis: 'public_task',
  specialCategoryCondition: 'safeguarding_children',
  consent: 'not_sought',
  withoutConsentReason: 'prejudice_crime',
  rationale: 'Police are investigating; telling the household first could lose evidence.',
} as const;

export const WITH_CONSENT = { lawfulBasis: 'public_task', consent: 'given', rationale: 'Mother agreed on the phone to our asking her GP.' } as const;

/** Records a basis for every check of the contact still awaiting one, as a screener would before anything is sent. */
export async function releaseChecks(t: TestApp, contactId: string, basis: Record<string, unknown> = WITHOUT_CONSENT): Promise<string[]> {
  const rows = await t.deps.db.selectFrom('checks').select('id').where('contact_id', '=', contactId).where('status', '=', 'awaiting_basis').orderBy('id').execute();
  for (const { id } of rows) {
    const res = await t.request('POST', `/api/v1/checks/${id}/sharing`, { body: basis });
    if (res.status !== 200) throw new Error(`releasing ${id}: ${res.status} ${await res.text()}`);
  }
  return rows.map((r) => r.id);
}
