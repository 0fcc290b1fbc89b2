import type { PromptAction } from '../schemas/codes.js';

/** What each prompt asks the screener to do, in the words they would use. */
export const ACTION_SUMMARIES: Record<PromptAction, string> = {
  strategy_discussion: 'Convene a strategy discussion (s47 Children Act 1989)',
  speak_to_child: 'Speak to the child, alone where appropriate, and record their words',
  multi_agency_review: 'Gather information from partner agencies and review the whole picture before deciding',
  paediatric_assessment: 'Arrange an urgent paediatric assessment (same day)',
  household_checks: 'Complete police and agency checks on every adult in the household, the alleged perpetrator included',
  speak_to_referrer: 'Speak to the referrer directly and weigh their account as you would a professional’s',
  manager_signoff_before_nfa: 'A manager must sign off any decision of no further action',
  pre_birth_assessment: 'Start a pre-birth assessment, assessing both prospective parents',
  contact_previous_authority: 'Contact the previous local authority for its records and plan',
  transfer_in_conference: 'Arrange a transfer-in child protection conference (within 15 working days)',
  see_child_urgently: 'See the child today',
  police_report: 'Report to the police (mandatory reporting duty)',
  request_evidence: 'Request the evidence held (photographs, body maps, video, medical reports) before deciding',
  inform_allocated_worker: 'Pass the information to the allocated social worker and their manager today',
  check_history: 'Check the child’s history in the case system by hand: it could not be read automatically',
  lado_referral: 'Refer to the Local Authority Designated Officer (LADO) within one working day',
  marac_referral: 'Refer to the MARAC (multi-agency risk assessment conference) for the adult victim',
  nrm_referral: 'Refer to the National Referral Mechanism as a possible victim of trafficking or modern slavery',
  accommodation_today: 'Secure safe accommodation for the child today',
};
