/** The contract's vocabularies (docs/api-v1.md), CIN census codes where one exists. */
export const ROLES = ['screener', 'manager', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['phone', 'email', 'online_form', 'police_notification', 'letter', 'in_person', 'other'] as const;

export const REFERRAL_SOURCES = {
  '1A': 'Individual – family member, relative or carer',
  '1B': 'Individual – acquaintance (including neighbours and child minders)',
  '1C': 'Individual – self',
  '1D': 'Individual – other (including strangers or MPs)',
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health services – GP',
  '3B': 'Health services – health visitor',
  '3C': 'Health services – school nurse',
  '3D': 'Health services – other primary health services',
  '3E': 'Health services – A&E',
  '3F': 'Health services – other',
  '4': 'Housing – LA housing or housing association',
  '5A': 'LA services – social care',
  '5B': 'LA services – other internal services',
  '5C': 'LA services – external (another LA)',
  '5D': 'LA services – early help',
  '6': 'Police',
  '7': 'Other legal agency',
  '8': 'Other (children’s centres, voluntary organisations)',
  '9': 'Anonymous',
  '10': 'Unknown',
} as const;
export type ReferralSource = keyof typeof REFERRAL_SOURCES;
export const REFERRAL_SOURCE_CODES = Object.keys(REFERRAL_SOURCES) as [ReferralSource, ...ReferralSource[]];

export const REFERRER_GROUPS = ['professional', 'non_professional', 'anonymous', 'unknown'] as const;
export type ReferrerGroup = (typeof REFERRER_GROUPS)[number];

/** CIN 1A–1D are members of the public and family; 9 is anonymous; 10 unknown; the rest are agencies. */
export function referrerGroup(source: ReferralSource): ReferrerGroup {
  if (source === '9') return 'anonymous';
  if (source === '10') return 'unknown';
  return source.startsWith('1') ? 'non_professional' : 'professional';
}

export const MOBILITY = ['not_independently_mobile', 'becoming_mobile', 'independently_mobile', 'unknown'] as const;
export const INJURY_TYPES = ['bruise', 'mark', 'petechiae', 'burn', 'scald', 'fracture', 'bite', 'head_injury', 'bleeding', 'other'] as const;
export const INJURY_SITES = [
  'scalp', 'forehead', 'face', 'cheeks', 'eyelids', 'subconjunctivae', 'ears', 'frenulum', 'angle_of_jaw', 'mouth',
  'neck', 'torso', 'chest', 'abdomen', 'back', 'buttocks', 'genitals', 'upper_arm', 'forearm', 'hand', 'thigh',
  'knee', 'shin', 'foot', 'other',
] as const;
export const INJURY_PATTERNS = ['hand', 'grip', 'ligature', 'implement', 'bite', 'multiple', 'cluster'] as const;
export const EXPLANATION_ASSESSMENTS = ['consistent', 'none', 'implausible', 'inadequate', 'inconsistent', 'changing', 'unknown'] as const;
export const ADULT_ROLES = ['mother', 'father', 'partner', 'step_parent', 'grandparent', 'other_relative', 'sibling_adult', 'lodger', 'other'] as const;
export const EVIDENCE_KINDS = ['photos', 'body_map', 'body_worn_video', 'medical_report', 'other'] as const;
export const PREVIOUS_PLANS = ['cp', 'cin', 'early_help', 'none'] as const;
export const SEXES = ['F', 'M', 'U'] as const;
export const DASH_RISK_LEVELS = ['standard', 'medium', 'high'] as const;
export const DISCLOSURE_KINDS = ['physical', 'sexual', 'neglect', 'emotional', 'worry'] as const;
export const DISCLOSURE_ABOUT = ['parent_or_carer', 'household_member', 'other_adult', 'another_child', 'not_said'] as const;
export const FII_LEVELS = ['perplexing_presentation', 'suspected', 'induced_harm'] as const;

/** The route a contact takes from the front door (Working Together 2023, the decision within one working day). */
export const ROUTES = [
  'advice_signpost', 'early_help', 's17_assessment', 's20_accommodation', 'pre_birth_assessment', 's47_strategy', 'immediate_protection',
] as const;
export type Route = (typeof ROUTES)[number];

/** How fast the response must start, most urgent first. */
export const URGENCIES = ['within_hours', 'same_day', 'one_working_day', 'three_working_days', 'none'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** CIN assessment factors (codes.md). The deprecated 18A/19A are refused: use 18B/18C and 19B/19C. */
export const ASSESSMENT_FACTORS = [
  '1A', '1B', '1C', '2A', '2B', '2C', '3A', '3B', '3C', '4A', '4B', '4C', '5A', '5B', '5C', '6A', '6B', '6C',
  '7A', '8B', '8C', '8D', '8E', '8F', '9A', '10A', '11A', '12A', '13A', '14A', '15A', '16A', '17A',
  '18B', '18C', '19B', '19C', '20', '21', '22A', '23A', '24A',
] as const;

/** CIN census ethnicity codes. */
export const ETHNICITIES = [
  'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
  'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
] as const;

export const PROMPT_ACTIONS = [
  'strategy_discussion', 'speak_to_child', 'multi_agency_review', 'paediatric_assessment', 'household_checks',
  'speak_to_referrer', 'manager_signoff_before_nfa', 'pre_birth_assessment', 'contact_previous_authority',
  'transfer_in_conference', 'see_child_urgently', 'police_report', 'request_evidence',
  'inform_allocated_worker', 'check_history', 'lado_referral', 'marac_referral', 'nrm_referral', 'accommodation_today',
] as const;
export type PromptAction = (typeof PROMPT_ACTIONS)[number];

/** The partner agencies a multi-agency check can ask. */
export const PARTNERS = ['police', 'health_gp', 'health_visiting', 'maternity', 'cp_is', 'education', 'probation', 'previous_authority'] as const;
export type Partner = (typeof PARTNERS)[number];

export const INDICATORS = ['critical', 'warning', 'info'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const PRIORITIES = ['red', 'amber', 'green'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CONTACT_STATUSES = ['awaiting_decision', 'awaiting_review', 'decided', 'closed'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
