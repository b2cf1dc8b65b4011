import os from 'node:os';
import { defineConfig } from 'vitest/config';

const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
const ISOLATED = ['test/hub/**/*.test.ts', 'test/reliability/**/*.test.ts', 'test/host/queue/checkCodeAlone.test.ts', 'test/host/printer/khmerShaperLoad.test.ts'];

export default defineConfig({
  test: {
    // better-sqlite3 and serialport are native addons: child processes (forks), not worker threads.
    pool: 'forks',
    // Most of the suite waits (Chromium painting, a host's timers, a pty): two files at a time even on
    // a 2-core machine, where vitest's default (cores − 1) ran every file one after another.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Serve-process tests run the host bundle, as `npm run serve` does.
    globalSetup: ['test/helpers/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A fresh process per file re-imports the whole host for each of ~190 files (100 s of a 590 s
    // run on 2 cores). Files that close what they open share a worker's imports; those that mock a
    // module (vi.mock), kill and restart processes, or need a module's first load keep a process of
    // their own.
    projects: [
      { extends: true, test: { name: 'shared', include: ALL, exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
