import type { Option } from '../choices.js';

/**
 * The record-a-contact form's choices in the words a screener uses. The
 * values are the contract's codes (CIN referral sources, channels, adult
 * roles), so choosing a referrer in words records its code.
 */

/** In the CIN order a front door reports them (1A … 10), each named as practitioners say it. */
export const REFERRER_OPTIONS: [string, string][] = [
  ['1A', 'Family member, relative or carer'], ['1B', 'Neighbour, friend or acquaintance (including a childminder)'],
  ['1C', 'The child themself'], ['1D', 'Member of the public, or an MP'],
  ['2A', 'School'], ['2B', 'Education services'],
  ['3A', 'GP'], ['3B', 'Health visitor'], ['3C', 'School nurse'], ['3D', 'Other primary health services'], ['3E', 'A&E'],
  ['3F', 'Other health services (hospital, midwife, mental health)'],
  ['4', 'Housing'], ['5A', 'Children’s social care'], ['5B', 'Another council service'], ['5C', 'Another local authority'], ['5D', 'Early help'],
  ['6', 'Police'], ['7', 'Other legal agency (probation, courts, Cafcass)'], ['8', 'Children’s centre or voluntary organisation'],
  ['9', 'Anonymous'], ['10', 'Not known'],
];

/** The anonymous referral source: no name, organisation or role to ask for. */
export const ANONYMOUS = '9';

/**
 * How the contact came in. The form is filled while on the phone, so a call
 * with the referrer is chosen already; it also says the referrer was spoken
 * to directly. A call passed on is a phone contact with no one spoken to.
 */
export const CHANNEL_CHOICES: Option[] = [
  ['phone', 'Phone call, speaking to the referrer'], ['phone_passed_on', 'Phone message, or a call someone else took'],
  ['police_notification', 'Police notification'], ['email', 'Email'], ['online_form', 'Online form'],
  ['letter', 'Letter'], ['in_person', 'In person'], ['other', 'Other'],
];
export const DEFAULT_CHANNEL = 'phone';

/** Channels that say whether the referrer was spoken to: a call with them or a visit yes, a message passed on no. */
export const SPOKEN_BY_CHANNEL: Record<string, boolean> = { phone: true, in_person: true, phone_passed_on: false };
export const channelCode = (choice: string) => (choice === 'phone_passed_on' ? 'phone' : choice);

/** Who the children live with, as it is said on the phone; each answer is the adults it names. */
export const LIVES_WITH_OPTIONS: Option[] = [
  ['parents', 'Both parents'], ['mother', 'Mother'], ['father', 'Father'],
  ['mother_partner', 'Mother and her partner'], ['father_partner', 'Father and his partner'],
  ['other', 'Someone else', 'Add them below as an adult who lives with the child'],
];
export const LIVES_WITH_ROLES: Record<string, readonly string[]> = {
  parents: ['mother', 'father'], mother: ['mother'], father: ['father'], mother_partner: ['mother', 'partner'], father_partner: ['father', 'partner'], other: [],
};

export const MOBILITY_CHOICES: Option[] = [
  ['not_independently_mobile', 'Not yet mobile', 'Not crawling, shuffling, cruising or walking. Rolling does not count.'],
  ['becoming_mobile', 'Becoming mobile', 'Pulls to stand, cruises or crawls'],
  ['independently_mobile', 'Walking or crawling on their own'],
];
