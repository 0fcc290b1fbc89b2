import type { Partner } from '../../schemas/codes.js';
import type { PromptAction } from '../../schemas/codes.js';
import type { ContactInput } from '../../schemas/contact.schema.js';

/** One person a check is about, by stored id: never a name in the check itself. */
export interface CheckPerson {
  id: string;
  kind: 'child' | 'adult';
  position: number;
  role: string | null;
  allegedPerpetrator: boolean;
  livesWithChild: boolean | null;
}

export interface CheckAsk { action: PromptAction; question: string }

export interface PlannedCheck {
  partner: Partner;
  partnerLa: string | null;
  asks: CheckAsk[];
  people: CheckPerson[];
}

export interface CheckSituation {
  record: Pick<ContactInput, 'referrer' | 'movement' | 'evidenceHeld'>;
  children: { unborn: boolean; ageMonths: number | null }[];
}

const EVIDENCE_HOLDER_BY_REFERRER: Partial<Record<string, Partner>> = {
  '6': 'police', '2A': 'education', '2B': 'education', '3A': 'health_gp', '3B': 'health_visiting',
  '3C': 'health_gp', '3D': 'health_gp', '3E': 'health_gp', '3F': 'health_gp', '5C': 'previous_authority',
};

const evidenceHolders = (s: CheckSituation): Partner[] => (s.record.evidenceHeld ?? []).flatMap((kind): Partner[] => {
  if (kind === 'body_worn_video') return ['police'];
  if (kind === 'medical_report') return ['health_gp'];
  const holder = EVIDENCE_HOLDER_BY_REFERRER[s.record.referrer.source];
  return holder ? [holder] : [];
});

/**
 * Which partners each prompt asks, and what. Read as a table: a prompt the
 * triage raises becomes a question to each partner listed for it.
 */
const CHECKS_BY_PROMPT: Partial<Record<PromptAction, { question: string; partners(s: CheckSituation): Partner[] }>> = {
  household_checks: {
    question: 'Records held on every adult named, the alleged perpetrator included: offences, domestic abuse, orders, and any risk to children',
    partners: () => ['police', 'probation', 'health_gp'],
  },
  multi_agency_review: {
    question: 'Your involvement with each child and the household, and any concern you hold',
    partners: (s) => [
      'police', 'health_gp', 'cp_is',
      ...(s.children.some((c) => c.unborn || (c.ageMonths ?? Infinity) < 60) ? ['health_visiting' as const] : []),
      ...(s.children.some((c) => c.unborn) ? ['maternity' as const] : []),
      ...(s.children.some((c) => (c.ageMonths ?? 0) >= 48) ? ['education' as const] : []),
      ...(s.record.movement?.previousAuthority ? ['previous_authority' as const] : []),
    ],
  },
  contact_previous_authority: {
    question: 'Your records and current plan for each child (child protection, child in need or early help), and the allocated worker',
    partners: () => ['previous_authority'],
  },
  request_evidence: {
    question: 'Copies of the evidence you hold (photographs, body maps, video, medical reports)',
    partners: evidenceHolders,
  },
};

/** The checks a triage calls for: one per partner, carrying every question put to it, about everyone named. */
export function planChecks(actions: readonly PromptAction[], situation: CheckSituation, people: CheckPerson[]): PlannedCheck[] {
  const byPartner = new Map<Partner, PlannedCheck>();
  for (const action of actions) {
    const entry = CHECKS_BY_PROMPT[action];
    if (!entry) continue;
    for (const partner of new Set(entry.partners(situation))) {
      const check = byPartner.get(partner) ?? {
        partner, partnerLa: partner === 'previous_authority' ? situation.record.movement?.previousAuthority ?? null : null, asks: [], people,
      };
      check.asks.push({ action, question: entry.question });
      byPartner.set(partner, check);
    }
  }
  return [...byPartner.values()];
}
