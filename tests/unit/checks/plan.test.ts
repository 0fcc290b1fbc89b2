import { describe, expect, it } from 'vitest';
import { changesPicture, enrich, findingErrors } from '../../../src/domain/checks/enrich.js';
import { planChecks, type CheckPerson } from '../../../src/domain/checks/plan-checks.js';
import { planTransfer } from '../../../src/domain/transfers/plan-transfer.js';
import { quietContact } from '../../fixtures/contacts.js';

const people: CheckPerson[] = [
  { id: 'chd_a', kind: 'child', position: 0, role: null, allegedPerpetrator: false, livesWithChild: null },
  { id: 'adt_a', kind: 'adult', position: 0, role: 'mother', allegedPerpetrator: false, livesWithChild: true },
  { id: 'adt_b', kind: 'adult', position: 1, role: 'partner', allegedPerpetrator: true, livesWithChild: true },
];
const calendar = { timeZone: 'Europe/London', workingHours: { start: '09:00', end: '17:00' }, nonWorkingDays: new Set<string>(['2026-12-25', '2026-12-28', '2027-01-01']) };

describe('planChecks', () => {
  it('merges every question to one partner into one check about everyone', () => {
    const record = quietContact({ referrer: { source: '6' }, evidenceHeld: ['body_worn_video'] });
    const checks = planChecks(['household_checks', 'request_evidence', 'multi_agency_review'], { record, children: [{ unborn: false, ageMonths: 74 }] }, people);
    const police = checks.find((c) => c.partner === 'police')!;
    expect(police.asks.map((a) => a.action)).toEqual(['household_checks', 'request_evidence', 'multi_agency_review']);
    expect(police.people).toEqual(people);
    expect(checks.map((c) => c.partner).sort()).toEqual(['cp_is', 'education', 'health_gp', 'police', 'probation']);
  });

  it('asks maternity and health visiting about an unborn child, and the previous authority by its code', () => {
    const record = quietContact({ movement: { previousAuthority: 'E06000055', planInPreviousAuthority: 'cin' } });
    const checks = planChecks(['multi_agency_review', 'contact_previous_authority'], { record, children: [{ unborn: true, ageMonths: null }] }, people);
    expect(checks.map((c) => c.partner).sort()).toEqual(['cp_is', 'health_gp', 'health_visiting', 'maternity', 'police', 'previous_authority']);
    expect(checks.find((c) => c.partner === 'previous_authority')).toMatchObject({ partnerLa: 'E06000055' });
  });

  it('asks nobody for prompts that need no partner', () => {
    expect(planChecks(['speak_to_child', 'strategy_discussion'], { record: quietContact(), children: [] }, people)).toEqual([]);
  });
});

describe('enrich', () => {
  const history = { priorContacts: [1], caseSystem: [null], complete: true };
  it('folds findings into the stored contact without changing it', () => {
    const input = quietContact();
    const out = enrich(input, history, { children: ['chd_a'], adults: ['adt_a'] }, [
      { person: 'chd_a', cpPlanCurrent: true, previousInjury: true }, { person: 'adt_a', violenceHistory: true },
    ]);
    expect(out.input.children[0]!.history).toMatchObject({ cpPlanCurrent: true, cpPlanPrevious: false });
    expect(out.input.adults![0]!.violenceHistory).toBe(true);
    expect(out.history.priorContacts).toEqual([2]);
    expect(input.children[0]!.history!.cpPlanCurrent).toBe(false);
    expect(history.priorContacts).toEqual([1]);
  });

  it('only true findings change the picture; findings must fit the person', () => {
    expect(changesPicture([{ person: 'chd_a', cpPlanCurrent: false }])).toBe(false);
    expect(changesPicture([{ person: 'adt_b', violenceHistory: true }])).toBe(true);
    expect(findingErrors([{ person: 'adt_b', previousInjury: true }, { person: 'chd_x' }], people))
      .toEqual([{ path: '/findings/0/previousInjury', message: 'is a finding about a child' }, { path: '/findings/1/person', message: 'is not one of the people this check asks about' }]);
  });
});

describe('planTransfer', () => {
  const hours = { cp: 24, cin: 72 };
  it('CP: acknowledgement in 24 hours, conference at the close of the 15th working day, past bank holidays', () => {
    const transfer = planTransfer({ movedIntoAreaOn: '2026-12-01', previousAuthority: 'E06000055', planInPreviousAuthority: 'cp' }, new Date('2026-12-14T10:00:00Z'), hours, calendar)!;
    expect(transfer.acknowledgementDueAt).toEqual(new Date('2026-12-15T10:00:00Z'));
    // 15 working days from Mon 14 Dec, past weekends and the bank holidays of 25 and 28 Dec and 1 Jan: Thu 7 Jan.
    expect(transfer.conferenceDueAt).toEqual(new Date('2027-01-07T17:00:00Z'));
  });
  it('CiN has no conference; early help and a plan with no move make no transfer', () => {
    expect(planTransfer({ previousAuthority: 'E06000055', planInPreviousAuthority: 'cin' }, new Date('2026-12-14T10:00:00Z'), hours, calendar))
      .toMatchObject({ plan: 'cin', conferenceDueAt: null, acknowledgementDueAt: new Date('2026-12-17T10:00:00Z') });
    expect(planTransfer({ previousAuthority: 'E06000055', planInPreviousAuthority: 'early_help' }, new Date(), hours, calendar)).toBeNull();
    expect(planTransfer({ planInPreviousAuthority: 'cp' }, new Date(), hours, calendar)).toBeNull();
  });
});
