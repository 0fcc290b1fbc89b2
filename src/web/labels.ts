import type { Option } from './choices.js';

export const CONCERN_OPTIONS: [string, string][] = [
  ['18C', 'Physical abuse – adult on child'], ['18B', 'Physical abuse – child on child'],
  ['19C', 'Sexual abuse – adult on child'], ['19B', 'Sexual abuse – child on child'],
  ['16A', 'Neglect'], ['17A', 'Emotional abuse'],
  ['3A', 'Domestic abuse – child is the subject'], ['3B', 'Domestic abuse – parent or carer'], ['3C', 'Domestic abuse – other household member'],
  ['1B', 'Alcohol misuse – parent or carer'], ['2B', 'Drug misuse – parent or carer'], ['4B', 'Mental health – parent or carer'],
  ['4A', 'Mental health – child'], ['15A', 'Self-harm'], ['10A', 'Missing'], ['11A', 'Child sexual exploitation'],
  ['12A', 'Trafficking'], ['13A', 'Gangs'], ['24A', 'Child criminal exploitation'], ['22A', 'Female genital mutilation'],
  ['23A', 'Abuse linked to faith or belief'], ['7A', 'Young carer'], ['9A', 'Unaccompanied asylum-seeking child'], ['20', 'Other'],
];

export const SEX_OPTIONS: [string, string][] = [['F', 'Female'], ['M', 'Male'], ['U', 'Not known or not stated']];

export const ETHNICITY_OPTIONS: [string, string][] = [
  ['WBRI', 'White British'], ['WIRI', 'White Irish'], ['WIRT', 'Traveller of Irish heritage'], ['WROM', 'Gypsy/Roma'], ['WOTH', 'Any other White background'],
  ['MWBC', 'White and Black Caribbean'], ['MWBA', 'White and Black African'], ['MWAS', 'White and Asian'], ['MOTH', 'Any other mixed background'],
  ['AIND', 'Indian'], ['APKN', 'Pakistani'], ['ABAN', 'Bangladeshi'], ['AOTH', 'Any other Asian background'],
  ['BCRB', 'Black Caribbean'], ['BAFR', 'Black African'], ['BOTH', 'Any other Black background'], ['CHNE', 'Chinese'],
  ['OOTH', 'Any other ethnic group'], ['REFU', 'Refused'], ['NOBT', 'Information not yet obtained'],
];

export const INJURY_TYPE_OPTIONS: [string, string][] = [
  ['bruise', 'Bruise'], ['mark', 'Mark (that might be a bruise)'], ['petechiae', 'Petechiae'], ['burn', 'Burn'], ['scald', 'Scald'],
  ['fracture', 'Fracture'], ['bite', 'Bite'], ['head_injury', 'Head injury'], ['bleeding', 'Bleeding'], ['other', 'Other'],
];

export const INJURY_SITE_OPTIONS: [string, string][] = [
  ['scalp', 'Scalp'], ['forehead', 'Forehead'], ['face', 'Face'], ['cheeks', 'Cheeks'], ['eyelids', 'Eyelids'], ['subconjunctivae', 'Whites of the eyes'],
  ['ears', 'Ears'], ['frenulum', 'Frenulum'], ['angle_of_jaw', 'Angle of the jaw'], ['mouth', 'Mouth'], ['neck', 'Neck'], ['torso', 'Torso'],
  ['chest', 'Chest'], ['abdomen', 'Abdomen'], ['back', 'Back'], ['buttocks', 'Buttocks'], ['genitals', 'Genitals'], ['upper_arm', 'Upper arm'],
  ['forearm', 'Forearm'], ['hand', 'Hand'], ['thigh', 'Thigh'], ['knee', 'Knee'], ['shin', 'Shin'], ['foot', 'Foot'], ['other', 'Other'],
];

export const INJURY_PATTERN_OPTIONS: [string, string][] = [
  ['hand', 'Hand or slap mark'], ['grip', 'Grip'], ['ligature', 'Ligature'], ['implement', 'Implement'], ['bite', 'Bite'], ['multiple', 'Multiple'], ['cluster', 'Clustered'],
];

export const EXPLANATION_OPTIONS: [string, string][] = [
  ['consistent', 'Consistent with the injury'], ['none', 'No explanation'], ['implausible', 'Implausible'], ['inadequate', 'Inadequate'],
  ['inconsistent', 'Inconsistent'], ['changing', 'Changing'], ['unknown', 'Not yet assessed'],
];

/**
 * Boxes that only reveal questions: they are not facts themselves, so the
 * form never sends them (an unticked box would otherwise read as "no").
 */
export const EARLIER_CONTACTS = 'earlierContacts';
export const POSES_RISK = 'posesRisk';

export const HISTORY_OPTIONS: [string, string][] = [
  ['cpPlanCurrent', 'On a child protection plan now'], ['cpPlanPrevious', 'Previously on a child protection plan'],
  ['cinCurrent', 'Child in need plan now'], ['cinPrevious', 'Previously child in need'], ['lookedAfterCurrent', 'Looked after now'],
  ['previousS47', 'Previous s47 enquiry'], ['siblingCpPlan', 'A sibling is on a plan'], ['previousChildRemoved', 'A child of the family was removed'],
  ['siblingUnexplainedDeath', 'A brother or sister died suddenly or unexpectedly, or of harm'],
  [EARLIER_CONTACTS, 'Earlier contacts or referrals in the last 12 months'],
];

export const ADULT_ROLE_OPTIONS: [string, string][] = [
  ['mother', 'Mother'], ['father', 'Father'], ['partner', 'Partner'], ['step_parent', 'Step-parent'], ['grandparent', 'Grandparent'],
  ['other_relative', 'Other relative'], ['sibling_adult', 'Adult sibling'], ['lodger', 'Lodger'], ['other', 'Other'],
];

export const ADULT_FLAG_OPTIONS: Option[] = [
  ['livesWithChild', 'Lives with the child'], ['newToHousehold', 'New to the household'], ['violenceHistory', 'History of violence'],
  ['inCustody', 'In custody'], ['checksCompleted', 'Checks completed'], ['allegedPerpetrator', 'Alleged perpetrator'],
  [POSES_RISK, 'May pose a risk to children', 'For example, has harmed a child, is a sex offender, or works with children'],
];

export const EVIDENCE_OPTIONS: [string, string][] = [
  ['photos', 'Photographs'], ['body_map', 'Body map'], ['body_worn_video', 'Police body-worn video'], ['medical_report', 'Medical report'], ['other', 'Other'],
];

export const HOUSEHOLD_OPTIONS: [string, string][] = [
  ['domesticAbuse', 'Domestic abuse'], ['substanceMisuse', 'Substance misuse'], ['parentalMentalHealth', 'Parental mental ill-health'],
];

export const PLAN_OPTIONS: [string, string][] = [['cp', 'Child protection plan'], ['cin', 'Child in need plan'], ['early_help', 'Early help'], ['none', 'No plan']];

export const DISCLOSURE_KIND_OPTIONS: Option[] = [
  ['physical', 'Being hurt'], ['sexual', 'Sexual abuse'], ['neglect', 'Not being looked after (neglect)'],
  ['emotional', 'Being frightened, threatened or put down (emotional harm)'], ['worry', 'A worry, but not that they are being harmed'],
];

export const DISCLOSURE_ABOUT_OPTIONS: Option[] = [
  ['parent_or_carer', 'A parent or carer'], ['household_member', 'Someone else who lives with the child'], ['other_adult', 'Another adult'],
  ['another_child', 'Another child'], ['not_said', 'The child did not say'],
];

export const DASH_RISK_OPTIONS: Option[] = [['standard', 'Standard'], ['medium', 'Medium'], ['high', 'High']];

export const FII_OPTIONS: Option[] = [
  ['perplexing_presentation', 'Health needs that do not add up (a perplexing presentation): not yet FII'],
  ['suspected', 'FII is suspected'],
  ['induced_harm', 'Illness has been induced, or the child harmed'],
];

/** Areas of harm whose questions are shown only when the contact is about them. */
export const CONTACT_AREA_OPTIONS: Option[] = [
  ['physicalPunishment', 'Physical punishment'],
  ['fii', 'Fabricated or induced illness (FII)', 'Including health needs that do not add up (a perplexing presentation)'],
  ['neglect', 'Neglect'],
  ['exploitation', 'Exploitation, criminal or sexual'],
  ['honourBasedAbuse', 'Forced marriage, ‘honour’-based abuse or a risk of FGM'],
  ['pregnancy', 'A pregnancy', 'Record the unborn baby as a child with an expected date of birth'],
  ['whereabouts', 'The family cannot be found, has moved to avoid services, or has broken a plan'],
];

export const CHILD_AREA_OPTIONS: Option[] = [
  ['disclosure', 'Has disclosed harm'],
  ['missing', 'Goes missing, or is sexually active'],
  ['care', 'Where the child lives or who cares for them', 'Alone in the UK, homeless, nowhere safe tonight, privately fostered, or a young carer'],
];

export const ROUTE_OPTIONS: [string, string][] = [
  ['immediate_protection', 'Immediate protection'], ['s47_strategy', 'Strategy discussion (s47)'],
  ['s20_accommodation', 'Accommodation (s20)'], ['pre_birth_assessment', 'Pre-birth assessment'],
  ['s17_assessment', 'Child and family assessment (s17)'], ['early_help', 'Early help'], ['advice_signpost', 'Advice and signposting'],
];

export const URGENCY_OPTIONS: [string, string][] = [
  ['within_hours', 'Within hours'], ['same_day', 'Same day'], ['one_working_day', 'Within one working day'],
  ['three_working_days', 'Within three working days'], ['none', 'No response clock (decision within one working day)'],
];

const label = (options: [string, string][], code: string | null | undefined) => options.find(([v]) => v === code)?.[1] ?? code ?? '—';
export const routeLabel = (route: string | null | undefined) => label(ROUTE_OPTIONS, route);
export const urgencyLabel = (urgency: string | null | undefined) => label(URGENCY_OPTIONS, urgency);

/** "Strategy discussion (s47) — same day", as a screener says it. */
export const responseLabel = (route: string, urgency: string) => `${routeLabel(route)} — ${urgencyLabel(urgency).replace(/^\w/, (c) => c.toLowerCase())}`;
