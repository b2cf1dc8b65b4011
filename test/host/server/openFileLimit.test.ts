import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileLimit, parseOpenFileLimit } from '../../../electron/host/server/openFileLimit';
import { socketLimits } from '../../../electron/host/server/socketLimits';

describe('the open-file limit the socket caps are cut from', () => {
  it('reads soft and hard from /proc/self/limits', () => {
    const text = 'Limit                     Soft Limit           Hard Limit           Units     \nMax processes             95000                95000                processes \nMax open files            1024                 524288               files     \n';
    expect(parseOpenFileLimit(text)).toEqual({ soft: 1024, hard: 524288 });
    expect(parseOpenFileLimit('Max open files            unlimited            unlimited            files')).toEqual({ soft: Infinity, hard: Infinity });
    expect(parseOpenFileLimit('nothing here')).toBeNull();
    expect(openFileLimit(() => { throw new Error('no /proc'); })).toBeNull();
  });

  it('a host started under a low soft limit runs at the hard one (Node raises it as it starts)', () => {
    const mine = openFileLimit();
    if (!mine || mine.hard <= 512) return;
    const script = `import('${path.resolve('electron/host/server/openFileLimit.ts')}').then((m) => console.log(JSON.stringify(m.openFileLimit())))`;
    const out = execFileSync('sh', ['-c', 'ulimit -Sn 512 && exec "$0" --import tsx -e "$1"', process.execPath, script], { encoding: 'utf8' });
    const seen = JSON.parse(out.trim()) as { soft: number; hard: number };
    expect(seen.soft).toBe(mine.hard);
  });

  it('keeps every cap below the limit, with headroom only enrolled devices can use', () => {
    for (const files of [256, 1024, 20_000, null]) {
      const l = socketLimits(files);
      if (files !== null && files > 320) expect(l.sockets).toBeLessThan(files);
      expect(l.anonymous).toBeLessThan(l.sockets);
      expect(l.probation).toBeLessThanOrEqual(l.sockets - l.anonymous);
      expect(l.eventStreams).toBeLessThan(l.anonymous);
      expect(l.eventStreamsPerAddress).toBeLessThanOrEqual(100);
    }
  });
});
