import { existsSync } from 'node:fs';

/**
 * What some test files need beyond Node.js. A suite whose name begins with a
 * need's reason is skipped when the need is absent, and the skip-reasons
 * reporter says so once in the summary, however many files it skipped.
 */
export interface Need { present: boolean; reason: string }

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const NEEDS_POSTGRESQL: Need = {
  present: Boolean(process.env.TEST_DATABASE_URL),
  reason: 'needs PostgreSQL (set TEST_DATABASE_URL)',
};

export const NEEDS_CHROMIUM: Need = {
  present: existsSync(CHROMIUM_PATH),
  reason: `needs Chromium at ${CHROMIUM_PATH}`,
};

export const NEEDS_REDIS: Need = {
  present: Boolean(process.env.TEST_REDIS_URL),
  reason: 'needs Redis (set TEST_REDIS_URL)',
};

export const NEEDS: Need[] = [NEEDS_POSTGRESQL, NEEDS_CHROMIUM, NEEDS_REDIS];
