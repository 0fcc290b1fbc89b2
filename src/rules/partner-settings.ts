import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PARTNERS, type Partner } from '../schemas/codes.js';

/**
 * Which partner agencies a check can go to, how soon each must answer, and
 * where each authority's partners take requests. Deadlines are policy and
 * endpoints are deployment, but both are per authority, so they share a file.
 */

const LaCode = z.string().regex(/^[EWSN]\d{8}$/);
const Endpoint = z.strictObject({ url: z.string().url().optional() });
const DueWorkingDays = z.strictObject({
  red: z.number().int().min(0).max(10),
  amber: z.number().int().min(0).max(10),
  green: z.number().int().min(0).max(20),
});

const PartnerSettingsSchema = z.strictObject({
  $comment: z.string().optional(),
  // A record keyed by an enum is exhaustive in zod 4: every partner needs its timescales.
  partners: z.record(z.enum(PARTNERS), z.strictObject({ name: z.string().min(1), dueWorkingDays: DueWorkingDays })),
  transferAcknowledgementHours: z.strictObject({ cp: z.number().min(1).max(720), cin: z.number().min(1).max(720) }),
  authorities: z.record(LaCode, z.partialRecord(z.enum(PARTNERS), Endpoint)),
  localAuthorities: z.record(LaCode, Endpoint),
});

export type PartnerSettings = Omit<z.infer<typeof PartnerSettingsSchema>, '$comment'>;

export class PartnerSettingsError extends Error {}

export function loadPartnerSettings(file: string): PartnerSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PartnerSettingsError(`${file}: not readable JSON (${(error as Error).message})`);
  }
  const parsed = PartnerSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PartnerSettingsError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  }
  const { $comment: _c, ...settings } = parsed.data;
  return settings;
}

/** Where a partner of `la` takes check requests; null means the check is made by hand. */
export function partnerEndpoint(settings: PartnerSettings, la: string, partner: Partner, partnerLa: string | null): string | null {
  if (partner === 'previous_authority') return partnerLa ? settings.localAuthorities[partnerLa]?.url ?? null : null;
  return settings.authorities[la]?.[partner]?.url ?? null;
}
