import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/openDatabase';
import { migrations } from '../../../electron/host/db/migrations/index';
import { OfficeSettings } from '../../../electron/host/config/officeSettings';
import { FakeClock, STAFF, tempDir, tempQueue } from '../../helpers/tempHost';

describe("a counter's service order is a preference, not a wall", () => {
  function busyFirstService(agingMinutes?: number) {
    const clock = new FakeClock();
    const q = tempQueue({ clock });
    if (agingMinutes !== undefined) q.queue.settings.set({ ...q.queue.settings.get(), serviceAgingMinutes: agingMinutes });
    q.queue.counters.open(1, 1); // counter 1 calls Hộ tịch (A) first, then Chứng thực (B)
    const a0 = q.queue.issuer.issue({ serviceId: 1 });
    clock.minutes(1);
    const b1 = q.queue.issuer.issue({ serviceId: 2 });
    // A steady stream of A citizens, one every 4 minutes, and a call every 5: A never empties.
    const calls: { number: string; at: number }[] = [];
    for (let minute = 1; minute <= 90 && !calls.some((c) => c.number === 'B001'); minute++) {
      clock.minutes(1);
      if (minute % 4 === 0) q.queue.issuer.issue({ serviceId: 1 });
      if (minute % 5 === 0) calls.push({ number: q.queue.calling.callNext(1, STAFF(1, 1)).number, at: clock.t });
    }
    return { ...q, a0, b1, calls };
  }

  it('a later service waiting past the limit (default 30 min) is called ahead of newer tickets of the first', () => {
    const { b1, a0, calls, queue } = busyFirstService();
    expect(queue.settings.get().serviceAgingMinutes).toBe(30);
    const b = calls.find((c) => c.number === 'B001');
    expect(b, 'B001 was never called while A had people').toBeDefined();
    const waited = ((b?.at ?? 0) - b1.queued_at) / 60_000;
    expect(waited).toBeGreaterThanOrEqual(30);
    expect(waited).toBeLessThan(30 + 5);
    // …but not ahead of the A citizen who was already waiting before it.
    expect(calls[0]?.number).toBe(a0.number);
  });

  it('the limit is the office setting', () => {
    const { b1, calls } = busyFirstService(10);
    const b = calls.find((c) => c.number === 'B001');
    expect(b, 'B001 was never called while A had people').toBeDefined();
    expect(((b?.at ?? 0) - b1.queued_at) / 60_000).toBeLessThan(10 + 5);
  });
});

describe('stored priority strategies of earlier versions', () => {
  const legacy = [
    [{ kind: 'interleaved', ratio: 2 }, { kind: 'jumpLimit', maxJumps: 2 }],
    [{ kind: 'strict', agingMinutes: 20 }, { kind: 'priorityFirst', agingMinutes: 20 }],
    [{ kind: 'elapsed', bonusMinutes: 5 }, { kind: 'waitBonus', bonusMinutes: 5 }],
  ] as const;

  it.each(legacy)('%o still loads, as the kind that behaves the same (%o)', (old, now) => {
    const { queue } = tempQueue();
    queue.settings.setRaw('office', { ...queue.settings.get(), priorityStrategy: old });
    queue.settings.invalidate();
    expect(queue.settings.get().priorityStrategy).toEqual(now);
  });

  it('the migration rewrites the stored row under the new names, leaving the rest of it as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(migrations[0] as string);
    old.exec(migrations[1] as string);
    old.pragma('user_version = 2');
    const stored = { name: 'UBND Xã Tân Lập', address: 'Thôn 3', priorityStrategy: { kind: 'interleaved', ratio: 4 }, marquee: 'Xin chào' };
    old.prepare("INSERT INTO settings (key, value) VALUES ('office', ?)").run(JSON.stringify(stored));
    old.close();
    const db = openDatabase({ file, backupDir: path.join(dir, 'b') });
    const row = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'office'").get() as { value: string }).value);
    expect(row).toEqual({ ...stored, priorityStrategy: { kind: 'jumpLimit', maxJumps: 4 } });
    expect(new OfficeSettings(db).get().priorityStrategy).toEqual({ kind: 'jumpLimit', maxJumps: 4 });
  });
});
