import { describe, expect, it } from 'vitest';
import { findDepartures, matchResponses, responseChanges, type TriagePrompt } from '../../../src/domain/decisions/departures.js';
import { LEGACY_GUARDS } from '../../../src/domain/decisions/guards.js';
import { OUTCOMES, type Outcome } from '../../../src/schemas/decision.schema.js';

const strategy: TriagePrompt = { action: 'strategy_discussion', indicator: 'critical', raisedBy: ['physical-punishment-injury-or-head'] };
const referrer: TriagePrompt = { action: 'speak_to_referrer', indicator: 'warning', raisedBy: ['non-professional-referrer'] };
const signoff: TriagePrompt = { action: 'manager_signoff_before_nfa', indicator: 'warning', raisedBy: ['under-one', 'prior-cp-history'] };
const child: TriagePrompt = { action: 'speak_to_child', indicator: 'warning', raisedBy: ['speak-to-child'] };
const history: TriagePrompt = { action: 'check_history', indicator: 'info', raisedBy: ['history-incomplete'] };

const rule = (outcome: Outcome) => ({ outcome, guards: LEGACY_GUARDS });

describe('matchResponses', () => {
  it('needs a response to every critical and warning prompt, but not to an info prompt', () => {
    const { errors } = matchResponses([strategy, child, history], [{ action: 'strategy_discussion', response: 'accepted' }], rule('assessment_s17'));
    expect(errors).toEqual([{ path: '/promptResponses', message: 'no response to the warning prompt speak_to_child' }]);
  });

  it('needs a response to a guard prompt only when the outcome closes the door', () => {
    const answered = [{ action: 'strategy_discussion' as const, response: 'accepted' as const }];
    expect(matchResponses([strategy, referrer, signoff], answered, rule('strategy_discussion')).errors).toEqual([]);
    for (const outcome of ['nfa', 'information_advice'] as const) {
      expect(matchResponses([strategy, referrer, signoff], answered, rule(outcome)).errors).toEqual([
        { path: '/promptResponses', message: `no response to the warning prompt speak_to_referrer, which must be answered before ${outcome}` },
        { path: '/promptResponses', message: `no response to the warning prompt manager_signoff_before_nfa, which must be answered before ${outcome}` },
      ]);
    }
  });

  it('takes the guards from the rule set: a prompt that is not one of them is always answered', () => {
    const { errors } = matchResponses([referrer], [], { outcome: 'early_help', guards: ['household_checks'] });
    expect(errors).toEqual([{ path: '/promptResponses', message: 'no response to the warning prompt speak_to_referrer' }]);
  });

  it('still takes a response to a guard prompt the outcome does not need answered', () => {
    const { errors, stored } = matchResponses([referrer], [{ action: 'speak_to_referrer', response: 'done' }], rule('early_help'));
    expect(errors).toEqual([]);
    expect(stored).toEqual([{ action: 'speak_to_referrer', indicator: 'warning', response: 'done', reason: null, raisedBy: referrer.raisedBy }]);
  });

  it('refuses a response to an action the triage did not prompt, pointing at it', () => {
    const { errors } = matchResponses([referrer], [{ action: 'speak_to_referrer', response: 'done' }, { action: 'police_report', response: 'accepted' }], rule('nfa'));
    expect(errors).toEqual([{ path: '/promptResponses/1/action', message: 'police_report was not prompted by this contact’s triage' }]);
  });

  it('stores each response with the indicator and the rules that raised its prompt', () => {
    const { stored } = matchResponses([strategy], [{ action: 'strategy_discussion', response: 'declined', reason: 'Seen by GP today' }], rule('nfa'));
    expect(stored).toEqual([{ action: 'strategy_discussion', indicator: 'critical', response: 'declined', reason: 'Seen by GP today', raisedBy: strategy.raisedBy }]);
  });
});

describe('findDepartures', () => {
  const accept = (prompts: TriagePrompt[]) => matchResponses(prompts, prompts.map((p) => ({ action: p.action, response: 'accepted' as const })), rule('nfa')).stored;

  it('following every prompt with a statutory outcome is no departure, whatever the priority', () => {
    for (const priority of ['red', 'amber', 'green'] as const) {
      expect(findDepartures(priority, [strategy, signoff], accept([strategy, signoff]), 'strategy_discussion')).toEqual([]);
    }
  });

  it('declining a critical prompt is a departure; declining a warning is not', () => {
    const stored = matchResponses([strategy, referrer], [
      { action: 'strategy_discussion', response: 'declined', reason: 'r' },
      { action: 'speak_to_referrer', response: 'declined', reason: 'r' },
    ], rule('assessment_s17')).stored;
    expect(findDepartures('red', [strategy, referrer], stored, 'assessment_s17')).toEqual([
      { kind: 'declined_critical_prompt', action: 'strategy_discussion', raisedBy: strategy.raisedBy },
    ]);
  });

  it('nfa or information advice departs on red and amber, and wherever manager sign-off was prompted', () => {
    for (const outcome of ['nfa', 'information_advice'] as const) {
      expect(findDepartures('red', [], [], outcome)).toEqual([{ kind: 'nfa_on_red', outcome, priority: 'red' }]);
      expect(findDepartures('amber', [], [], outcome)).toEqual([{ kind: 'nfa_on_amber', outcome, priority: 'amber' }]);
      expect(findDepartures('green', [], [], outcome)).toEqual([]);
      expect(findDepartures('green', [signoff], accept([signoff]), outcome)).toEqual([
        { kind: 'nfa_without_manager_signoff', outcome, action: 'manager_signoff_before_nfa', raisedBy: signoff.raisedBy },
      ]);
    }
  });

  it('no other outcome is a departure by itself', () => {
    for (const outcome of OUTCOMES.filter((o) => o !== 'nfa' && o !== 'information_advice')) {
      expect(findDepartures('red', [signoff], accept([signoff]), outcome), outcome).toEqual([]);
    }
  });
});

describe('responseChanges', () => {
  const suggested = { route: 's17_assessment', urgency: 'one_working_day' } as const;

  it('keeping the suggestion is no departure', () => {
    expect(responseChanges(suggested, suggested)).toEqual([]);
  });

  it('names each change with its direction along the route order and the urgency order', () => {
    expect(responseChanges(suggested, { route: 's47_strategy', urgency: 'same_day' })).toEqual([
      { kind: 'route_changed', from: 's17_assessment', to: 's47_strategy', direction: 'raised' },
      { kind: 'urgency_changed', from: 'one_working_day', to: 'same_day', direction: 'raised' },
    ]);
    expect(responseChanges(suggested, { route: 'early_help', urgency: 'three_working_days' })).toEqual([
      { kind: 'route_changed', from: 's17_assessment', to: 'early_help', direction: 'lowered' },
      { kind: 'urgency_changed', from: 'one_working_day', to: 'three_working_days', direction: 'lowered' },
    ]);
  });

  it('a move between routes that do as much as each other is across', () => {
    expect(responseChanges(suggested, { ...suggested, route: 's20_accommodation' })).toEqual([
      { kind: 'route_changed', from: 's17_assessment', to: 's20_accommodation', direction: 'across' },
    ]);
  });
});
