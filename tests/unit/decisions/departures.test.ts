import { describe, expect, it } from 'vitest';
import { findDepartures, matchResponses, type TriagePrompt } from '../../../src/domain/decisions/departures.js';
import { OUTCOMES } from '../../../src/schemas/decision.schema.js';

const strategy: TriagePrompt = { action: 'strategy_discussion', indicator: 'critical', raisedBy: ['physical-punishment-injury-or-head'] };
const referrer: TriagePrompt = { action: 'speak_to_referrer', indicator: 'warning', raisedBy: ['non-professional-referrer'] };
const signoff: TriagePrompt = { action: 'manager_signoff_before_nfa', indicator: 'warning', raisedBy: ['under-one', 'prior-cp-history'] };
const history: TriagePrompt = { action: 'check_history', indicator: 'info', raisedBy: ['history-incomplete'] };

describe('matchResponses', () => {
  it('needs a response to every critical and warning prompt, but not to an info prompt', () => {
    const { errors } = matchResponses([strategy, referrer, history], [{ action: 'strategy_discussion', response: 'accepted' }]);
    expect(errors).toEqual([{ path: '/promptResponses', message: 'no response to the warning prompt speak_to_referrer' }]);
  });

  it('refuses a response to an action the triage did not prompt, pointing at it', () => {
    const { errors } = matchResponses([referrer], [{ action: 'speak_to_referrer', response: 'done' }, { action: 'police_report', response: 'accepted' }]);
    expect(errors).toEqual([{ path: '/promptResponses/1/action', message: 'police_report was not prompted by this contact’s triage' }]);
  });

  it('stores each response with the indicator and the rules that raised its prompt', () => {
    const { stored } = matchResponses([strategy], [{ action: 'strategy_discussion', response: 'declined', reason: 'Seen by GP today' }]);
    expect(stored).toEqual([{ action: 'strategy_discussion', indicator: 'critical', response: 'declined', reason: 'Seen by GP today', raisedBy: strategy.raisedBy }]);
  });
});

describe('findDepartures', () => {
  const accept = (prompts: TriagePrompt[]) => matchResponses(prompts, prompts.map((p) => ({ action: p.action, response: 'accepted' as const }))).stored;

  it('following every prompt with a statutory outcome is no departure, whatever the priority', () => {
    for (const priority of ['red', 'amber', 'green'] as const) {
      expect(findDepartures(priority, [strategy, signoff], accept([strategy, signoff]), 'strategy_discussion')).toEqual([]);
    }
  });

  it('declining a critical prompt is a departure; declining a warning is not', () => {
    const stored = matchResponses([strategy, referrer], [
      { action: 'strategy_discussion', response: 'declined', reason: 'r' },
      { action: 'speak_to_referrer', response: 'declined', reason: 'r' },
    ]).stored;
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
