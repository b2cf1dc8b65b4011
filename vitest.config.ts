import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // better-sqlite3 and serialport are native addons: forks keep each test file in its own process.
    pool: 'forks',
    // Serve-process tests run the host bundle, as `npm run serve` does.
    globalSetup: ['test/helpers/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
