import { addWorkingDays, type WorkingCalendar } from '../../lib/working-days.js';
import { present } from '../../lib/one-of.js';

export type Audience = 'parent_carer' | 'child';

/** Everything the explanation is made from: codes and dates only, never the contact's free text or anyone's name. */
export interface ExplanationFacts {
  audience: Audience;
  childCount: number;
  receivedAt: Date;
  referrerGroup: string;
  /** Only a professional referrer who agreed is named, and then by organisation. */
  namedReferrer: string | null;
  outcome: string;
  urgency: string | null;
  decidedAt: Date;
}

const OUTCOME_WORDS: Record<string, { decided: string; next: string }> = {
  immediate_protection: { decided: 'we had to act straight away to keep {child} safe.', next: 'A social worker is working with {you} now and will keep {you} told about each step.' },
  strategy_discussion: { decided: 'we are worried that {child} may be at risk of harm. We must look into this with the police and health staff.', next: 'A social worker will meet the police and health staff to plan what to do. Then they will talk with {you}.' },
  assessment_s17: { decided: '{family} may need some extra help.', next: 'A social worker will get in touch to talk with {you} about what would help. This is called an assessment.' },
  pre_birth_assessment: { decided: 'we want to make sure {you} have the help {you} need before the baby is born.', next: 'A social worker will get in touch to talk with {you} about the months ahead.' },
  pass_to_allocated_worker: { decided: '{child} already has a social worker, so we have passed this on to them.', next: 'The social worker {you} know will talk with {you} about it.' },
  cp_transfer_in: { decided: 'there was a plan to keep {child} safe where {you} lived before, so we will carry it on here.', next: 'A social worker from our team will get in touch to meet {you}.' },
  early_help: { decided: 'some early help could make things easier for {family}.', next: 'Someone from our early help team will get in touch to offer help. It is {your} choice to take it.' },
  information_advice: { decided: 'we can give {you} some information and advice, and we do not need to do more.', next: 'We have sent the advice with this letter. We will not take any more action.' },
  nfa: { decided: 'we do not need to take any more action.', next: 'We have closed this. {You} do not need to do anything.' },
  other: { decided: 'we have decided what to do next.', next: 'The person who gave {you} this letter will explain what happens now.' },
};

const BY_WHEN: Record<string, number | 'today' | null> = {
  within_hours: 'today', same_day: 'today', one_working_day: 1, three_working_days: 3, none: null,
};

function dayName(d: Date, timeZone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone })
    .formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

function words(f: ExplanationFacts) {
  const child = f.audience === 'child';
  return {
    you: child ? 'you' : 'you', You: 'You', your: 'your',
    child: child ? 'you' : f.childCount > 1 ? 'your children' : 'your child',
    family: child ? 'you and your family' : 'your family',
  };
}

const fill = (s: string, w: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => w[k] ?? k);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Who got in touch, in general terms: never a member of the public, never a professional who did not agree. */
function whoContacted(f: ExplanationFacts): string {
  if (f.namedReferrer && f.referrerGroup === 'professional') return f.namedReferrer;
  if (f.referrerGroup === 'professional') return 'Someone who works with children';
  return 'Someone';
}

/**
 * A short letter in plain words to a parent or carer, or to an older child:
 * what we heard in general terms, what we decided and why, what happens
 * next and by when, and how to ask or complain. Built from codes only, so
 * nothing of the contact's narrative, a partner's answer or a name can
 * reach it; the practitioner may edit it before it is sent.
 */
export function composeExplanation(f: ExplanationFacts, calendar: WorkingCalendar): string {
  const w = words(f);
  const outcome = OUTCOME_WORDS[f.outcome] ?? present(OUTCOME_WORDS.other, 'outcome words');
  const about = f.audience === 'child' ? 'you' : w.child;
  const byWhen = f.urgency ? BY_WHEN[f.urgency] ?? null : null;
  const when = byWhen === null || f.outcome === 'nfa' || f.outcome === 'information_advice' ? null
    : byWhen === 'today' ? 'This will start today.'
      : `This will start by ${dayName(addWorkingDays(f.decidedAt, byWhen, calendar), calendar.timeZone)}.`;
  const paragraphs = [
    f.audience === 'child' ? 'Hello,' : 'Dear parent or carer,',
    `${whoContacted(f)} got in touch with us on ${dayName(f.receivedAt, calendar.timeZone)}. They were worried about ${about}. We have to look into every worry like this.`,
    `We looked at what we were told and at what we already knew. We always think first about keeping children safe. We have decided that ${fill(outcome.decided, w)}`,
    [fill(outcome.next, w), when].filter(Boolean).join(' '),
    f.audience === 'child'
      ? 'If you have questions, you can ask the person who gave you this letter. If you are not happy with what we did, you can tell us. An adult you trust, or an advocate, can help you do this.'
      : 'If you have questions, please ask the person who gave you this letter. If you are not happy with what we did, you can make a complaint to the council. We will tell you how, and we will help you.',
    'From the children’s services team',
  ];
  return paragraphs.map(capital).join('\n\n');
}
