import type { Indicator, Priority } from '../schemas/codes.js';
import type { Triage } from './evaluate.js';
import type { RuleSet } from './rule-set.js';

export interface PastTriage {
  contactId: string;
  la: string;
  priority: Priority;
  prompts: { action: string; indicator: Indicator }[];
}

export interface CriticalLoss { contactId: string; la: string; actions: string[] }

export interface WhatIfReport {
  candidate: { name: string; version: string; hash: string };
  contacts: number;
  /** from (as recorded) → to (with the candidate) → contacts. */
  priorityMatrix: Record<string, Record<string, number>>;
  /** Prompts keyed "action (indicator)", so a weakened prompt shows as one lost and one gained. */
  promptsGained: Record<string, number>;
  promptsLost: Record<string, number>;
  /** Every contact that had a critical prompt the candidate would not raise at critical. */
  criticalLost: CriticalLoss[];
}

const key = (p: { action: string; indicator: string }) => `${p.action} (${p.indicator})`;
const bump = (counts: Record<string, number>, k: string) => { counts[k] = (counts[k] ?? 0) + 1; };

/** Tallies, contact by contact, how a candidate rule set would have changed what screeners were shown. */
export class WhatIfTally {
  private readonly report: WhatIfReport;

  constructor(candidate: RuleSet) {
    this.report = {
      candidate: { name: candidate.name, version: candidate.version, hash: candidate.hash },
      contacts: 0, priorityMatrix: {}, promptsGained: {}, promptsLost: {}, criticalLost: [],
    };
  }

  add(past: PastTriage, replayed: Pick<Triage, 'priority' | 'prompts'>): void {
    const r = this.report;
    r.contacts += 1;
    const row = r.priorityMatrix[past.priority] ?? {};
    r.priorityMatrix[past.priority] = row;
    bump(row, replayed.priority);
    const before = new Set(past.prompts.map(key));
    const after = new Set(replayed.prompts.map(key));
    for (const k of before) if (!after.has(k)) bump(r.promptsLost, k);
    for (const k of after) if (!before.has(k)) bump(r.promptsGained, k);
    const stillCritical = new Set<string>(replayed.prompts.filter((p) => p.indicator === 'critical').map((p) => p.action));
    const lost = past.prompts.filter((p) => p.indicator === 'critical' && !stillCritical.has(p.action)).map((p) => p.action);
    if (lost.length) r.criticalLost.push({ contactId: past.contactId, la: past.la, actions: lost });
  }

  result(): WhatIfReport {
    return this.report;
  }
}

export function formatWhatIf(report: WhatIfReport): string {
  const priorities = ['red', 'amber', 'green'];
  const counts = (c: Record<string, number>) => Object.entries(c).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `  ${String(n).padStart(6)}  ${k}`);
  return [
    `candidate ${report.candidate.name} ${report.candidate.version} ${report.candidate.hash}`,
    `${report.contacts} contacts replayed (latest triage of each)`,
    '',
    'priority   recorded → candidate',
    `           ${priorities.map((p) => p.padStart(7)).join('')}`,
    ...priorities.map((from) => `  ${from.padEnd(8)} ${priorities.map((to) => String(report.priorityMatrix[from]?.[to] ?? 0).padStart(7)).join('')}`),
    '',
    'prompts lost', ...(counts(report.promptsLost).length ? counts(report.promptsLost) : ['  none']),
    'prompts gained', ...(counts(report.promptsGained).length ? counts(report.promptsGained) : ['  none']),
    '',
    `contacts that would lose a critical prompt: ${report.criticalLost.length}`,
    ...report.criticalLost.map((c) => `  ${c.la}  ${c.contactId}  ${c.actions.join(', ')}`),
  ].join('\n');
}
