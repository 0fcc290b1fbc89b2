import { fileURLToPath } from 'node:url';

/** Settings that point the home authority's partners at hosts only msw answers, with a short timeout. */
export const PARTNER_ENV = {
  MASH_PARTNERS_FILE: fileURLToPath(new URL('../fixtures/partners.json', import.meta.url)),
  // Long enough for a loaded test machine to answer; the slow partners in tests wait far longer.
  MASH_PARTNER_TIMEOUT_MS: '2000',
  MASH_CHECK_RETRY_BASE_MS: '60000',
  MASH_CHECK_MAX_ATTEMPTS: '3',
};

export const PARTNER_URLS = {
  police: 'https://police.partners.test/api',
  health_gp: 'https://gp.partners.test',
  cp_is: 'https://cpis.partners.test',
  education: 'https://education.partners.test',
  previous_authority: 'https://e06000055.partners.test',
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(res: Response): Promise<any> {
  return res.json();
}

/** Starting an app on PGlite can take over a minute on a loaded machine; these files allow it two. */
export const START_UP_MS = 120_000;
