import { z } from '@hono/zod-openapi';

export const PersonIdParam = z.object({
  personId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be a person id: 1–64 letters, digits or _.:-')
    .openapi({ param: { name: 'personId', in: 'path' }, example: 'P-000001' }),
});

export const RedactionSchema = z.object({ contactId: z.string(), field: z.string(), about: z.string(), reason: z.string(), basis: z.string() }).openapi('Redaction');

export const SubjectAccessSchema = z.object({
  id: z.string(),
  personId: z.string(),
  localAuthority: z.string(),
  producedAt: z.string(),
  producedBy: z.string(),
  contacts: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'Each contact naming the person: their own record, the codes, triages, decisions, checks, information sharing and letters sent; third parties and the referrer redacted' }),
  redactions: z.array(RedactionSchema).openapi({ description: 'Every redaction, with where, what about, the reason and the exemption, for the reviewer' }),
}).openapi('SubjectAccessExport');
