import { z } from 'zod';
import type { ChildHistory } from '../rules/facts.js';

/**
 * The authority's case-management system, asked for a child's CP and CiN
 * history. Its answer is parsed, never trusted: a malformed body counts as
 * no answer, and the triage goes on without it.
 */
const HistoryResponse = z.object({
  cpPlanCurrent: z.boolean().nullish(),
  cpPlanPrevious: z.boolean().nullish(),
  cinCurrent: z.boolean().nullish(),
  cinPrevious: z.boolean().nullish(),
  lookedAfterCurrent: z.boolean().nullish(),
  previousS47: z.boolean().nullish(),
  siblingCpPlan: z.boolean().nullish(),
  previousChildRemoved: z.boolean().nullish(),
  siblingUnexplainedDeath: z.boolean().nullish(),
  contactsLast12Months: z.number().int().min(0).max(1000).nullish(),
});

export interface ChildIdentity { personId?: string | null; nhsNumber?: string | null }

export interface CaseSystemClient {
  /** The child's history, or null when the case system does not know the child. Throws when it cannot answer. */
  historyFor(child: ChildIdentity, la: string): Promise<ChildHistory | null>;
}

export class CaseSystemUnavailable extends Error {}

export function createCaseSystemClient(baseUrl: string, timeoutMs: number, fetchImpl: typeof fetch = fetch): CaseSystemClient {
  return {
    async historyFor(child, la) {
      const url = new URL('children/history', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
      url.searchParams.set('la', la);
      if (child.personId) url.searchParams.set('personId', child.personId);
      if (child.nhsNumber) url.searchParams.set('nhsNumber', child.nhsNumber);
      let response: Response;
      try {
        response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      } catch (error) {
        throw new CaseSystemUnavailable(`case system did not answer: ${(error as Error).name}`);
      }
      if (response.status === 404) return null;
      if (!response.ok) throw new CaseSystemUnavailable(`case system answered ${response.status}`);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new CaseSystemUnavailable('case system answered with a body that is not JSON');
      }
      const parsed = HistoryResponse.safeParse(body);
      if (!parsed.success) throw new CaseSystemUnavailable('case system answered with an unexpected body');
      return parsed.data;
    },
  };
}
