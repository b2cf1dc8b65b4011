import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // better-sqlite3 and serialport are native addons: forks keep each test file in its own process.
    pool: 'forks',
    // Most of the suite waits (Chromium painting, a host's timers, a pty): two files at a time even on
    // a 2-core machine, where vitest's default (cores − 1) ran every file one after another.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Serve-process tests run the host bundle, as `npm run serve` does.
    globalSetup: ['test/helpers/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
