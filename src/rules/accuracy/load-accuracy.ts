import { existsSync, readFileSync } from 'node:fs';
import type { AccuracySummary } from './summary.js';

/** The figures `npm run rules:evaluate -- --write` keeps in the repository; null where the service runs without them. */
export const ACCURACY_FILE = 'docs/rule-pack-accuracy.json';

export function loadAccuracy(file = ACCURACY_FILE): AccuracySummary | null {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as AccuracySummary : null;
}
