import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    reporters: ['default', './tests/support/plain-summary-reporter.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
