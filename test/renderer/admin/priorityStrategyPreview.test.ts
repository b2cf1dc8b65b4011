import { describe, expect, it } from 'vitest';
import { previewOrder } from '../../../renderer/admin/PriorityStrategyEditor';

const show = (xs: boolean[]) => xs.map((p) => (p ? 'P' : 'N')).join('');

describe("the admin screen's example of the calling order (played with the host's rule)", () => {
  it('alternate N: N priority, then one normal', () => {
    expect(show(previewOrder({ kind: 'alternate', priorityRun: 3 }))).toBe('PPPNPPPNNN');
    expect(show(previewOrder({ kind: 'alternate', priorityRun: 1 }))).toBe('PNPNPNPNPN');
  });
  it('jump limit N: each normal ticket is jumped at most N times (not an N:1 alternation)', () => {
    // The first two normal tickets were both jumped twice, so both go before the next priority one.
    expect(show(previewOrder({ kind: 'jumpLimit', maxJumps: 2 }))).toBe('PPNNPNPNPN');
  });
  it('priority first with aging, and the wait bonus, follow waiting time', () => {
    expect(show(previewOrder({ kind: 'priorityFirst', agingMinutes: 1000 }))).toBe('PPPPPPNNNN');
    expect(show(previewOrder({ kind: 'waitBonus', bonusMinutes: 0 })).startsWith('N')).toBe(true);
  });
});
