import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { URGENCIES } from '../schemas/codes.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { sha256 } from '../lib/hash.js';
import type { WorkingCalendar } from '../lib/working-days.js';

/**
 * Per-authority settings: the thresholds that differ between safeguarding
 * partnerships. National defaults live in rules/settings/national.json; an
 * authority overrides any of them in a file named by its ONS code.
 */
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const Timescales = z.strictObject({
  red: z.number().int().min(0).max(10),
  amber: z.number().int().min(0).max(10),
  green: z.number().int().min(0).max(20),
});

/** How long a response of each urgency may take: clock hours from receipt, or to the close of the Nth working day. */
const UrgencyClock = z.union([
  z.strictObject({ hours: z.number().int().min(1).max(72) }),
  z.strictObject({ workingDays: z.number().int().min(0).max(20) }),
]);
export type UrgencyClock = z.infer<typeof UrgencyClock>;

export const SettingsSchema = z.strictObject({
  $comment: z.string().optional(),
  timeZone: z.string().refine((tz) => { try { new Intl.DateTimeFormat('en-GB', { timeZone: tz }); return true; } catch { return false; } }, 'must be an IANA time zone'),
  workingHours: z.strictObject({ start: Hhmm, end: Hhmm }),
  decisionTimescales: Timescales,
  reviewTimescales: Timescales,
  urgencyClocks: z.strictObject(Object.fromEntries(URGENCIES.map((u) => [u, UrgencyClock])) as Record<(typeof URGENCIES)[number], typeof UrgencyClock>),
  repeatContactThreshold: z.number().int().min(1).max(20),
  repeatContactStrategyThreshold: z.number().int().min(1).max(50),
  nonMobileInjuryRoute: z.enum(['strategy_discussion', 'health_appraisal_first']),
  nonWorkingDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** Which decided contacts get a blind second screen: drawn from the seed, so nobody picks or skips one. */
  secondScreening: z.strictObject({
    seed: z.string().min(1).max(100),
    noActionShare: z.number().min(0).max(1),
    otherShare: z.number().min(0).max(1),
    infantRepeat: z.strictObject({
      underMonths: z.number().int().min(1).max(60),
      contactsInTwelveMonths: z.number().int().min(2).max(20),
    }).nullable(),
  }),
  /** The share of referrals within 12 months of a previous one in England, the comparator for screening outcomes. */
  nationalRereferralRate: z.number().min(0).max(1),
});

export type AuthoritySettings = Omit<z.infer<typeof SettingsSchema>, '$comment'>;

export interface SettingsBook {
  national: AuthoritySettings;
  /** The settings in force for an authority, with their hash (recorded on every triage). */
  forAuthority(la: string): ResolvedSettings;
}

export interface ResolvedSettings {
  la: string;
  hash: string;
  values: AuthoritySettings;
  calendar: WorkingCalendar;
}

export class SettingsFileError extends Error {}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SettingsFileError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

function describeIssues(file: string, error: z.ZodError): string {
  return `${file}: ${error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`;
}

export function loadSettings(settingsDir: string): SettingsBook {
  const nationalFile = join(settingsDir, 'national.json');
  const parsed = SettingsSchema.safeParse(readJson(nationalFile));
  if (!parsed.success) throw new SettingsFileError(describeIssues(nationalFile, parsed.error));
  const { $comment: _national, ...national } = parsed.data;

  const overrides = new Map<string, AuthoritySettings>();
  for (const name of readdirSync(settingsDir).filter((f) => /^[EWSN]\d{8}\.json$/.test(f)).sort()) {
    const file = join(settingsDir, name);
    const partial = SettingsSchema.partial().safeParse(readJson(file));
    if (!partial.success) throw new SettingsFileError(describeIssues(file, partial.error));
    const { $comment: _c, ...values } = partial.data;
    overrides.set(name.slice(0, -'.json'.length), { ...national, ...values });
  }

  const cache = new Map<string, ResolvedSettings>();
  return {
    national,
    forAuthority(la) {
      let resolved = cache.get(la);
      if (!resolved) {
        const values = overrides.get(la) ?? national;
        resolved = {
          la,
          values,
          hash: sha256(canonicalJson(values)),
          calendar: { timeZone: values.timeZone, workingHours: values.workingHours, nonWorkingDays: new Set(values.nonWorkingDays) },
        };
        cache.set(la, resolved);
      }
      return resolved;
    },
  };
}
