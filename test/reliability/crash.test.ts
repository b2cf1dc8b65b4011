import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempHost';
import { runCrashHarness } from './crashHarness';

// Bounded in `npm test`; `npm run test:reliability` runs 25 kills.
const KILLS = Number(process.env.CRASH_KILLS ?? (process.env.RELIABILITY_FULL ? 25 : 4));

describe('crash harness', () => {
  it(`${KILLS} SIGKILLs under load: every acknowledged ticket, call, finish and rating survives`, async () => {
    const report = await runCrashHarness({ dir: tempDir(), kills: KILLS });
    if (process.env.RELIABILITY_FULL) console.log(JSON.stringify({ ...report, failures: report.failures.length }));
    expect(report.failures).toEqual([]);
    expect(report.ticketsAcknowledged).toBeGreaterThan(KILLS * 5);
    expect(report.ratingsAcknowledged).toBeGreaterThan(KILLS);
  }, 600_000);
});
