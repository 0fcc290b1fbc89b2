import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeyPem } from './checkpoint.js';

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

/**
 * The checkpoint signing key: the configured PEM text or file, else one
 * generated once into the data folder (the embedded default). Instances
 * sharing a PostgreSQL database must be given the same key.
 */
export function resolveSigningKey(configured: string | undefined, dataDir: string): { pem: string; source: 'config' | 'file' | 'data-folder' } {
  if (configured?.includes('-----BEGIN')) return { pem: configured, source: 'config' };
  if (configured) return { pem: readFileSync(configured, 'utf8'), source: 'file' };
  const file = join(dataDir, SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, generateSigningKeyPem(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    chmodSync(file, 0o600);
  }
  return { pem: readFileSync(file, 'utf8'), source: 'data-folder' };
}
