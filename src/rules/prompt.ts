import type { Indicator, PromptAction } from '../schemas/codes.js';

/** What the screener is asked to do, one per action, with every rule or row that asked for it and why. */
export interface Prompt {
  action: PromptAction;
  indicator: Indicator;
  summary: string;
  detail: string;
  raisedBy: string[];
  sources: string[];
}
