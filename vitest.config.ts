import { defineConfig } from 'vitest/config';
import SkipReasonsReporter from './tests/support/skip-reasons.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', new SkipReasonsReporter()],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
