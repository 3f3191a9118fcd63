import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PostgreSQL runs get their own schema per test file; two workers keep the 2-core machine responsive.
    maxWorkers: 2,
  },
});
