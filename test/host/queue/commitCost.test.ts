// Durable work per citizen (issue #14): each state change is one transaction that writes what it
// must and reads nothing back it already knows. `npm run bench:ops` prints the same counts with
// the WAL pages they cost.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/openDatabase';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { QueueService } from '../../../electron/host/queue/queueService';
import { TEST_ADMIN_PASSWORD } from '../../helpers/devices';
import { FakeClock, STAFF, tempDir } from '../../helpers/tempHost';

describe('lighter commits', () => {
  it('a lifecycle (issue → next → start → finish → rate) runs at most 29 statements: no re-read after a write, no waiting count per event', () => {
    const dir = tempDir();
    const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'b') });
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    const ran: string[] = [];
    let on = false;
    const prepare = db.prepare.bind(db);
    (db as { prepare: typeof db.prepare }).prepare = ((source: string) => {
      const st = prepare(source);
      for (const m of ['run', 'get', 'all', 'iterate'] as const) {
        const f = st[m].bind(st) as (...a: unknown[]) => unknown;
        (st as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
          if (on) ran.push(source.replace(/\s+/g, ' '));
          return f(...a);
        };
      }
      return st;
    }) as typeof db.prepare;
    const clock = new FakeClock();
    const q = new QueueService({ db, now: clock.now });
    q.counters.open(1, 1);
    const lifecycle = () => {
      const t = q.issuer.issue({ serviceId: 1 });
      q.calling.callNext(1, STAFF(1, 1));
      q.lifecycle.start(t.id, STAFF(1, 1));
      const done = q.lifecycle.finish(t.id, STAFF(1, 1));
      q.ratings.rate({ ticketId: t.id, score: 4 });
      return { t, done };
    };
    lifecycle();
    on = true;
    const { t, done } = lifecycle();
    on = false;
    expect(ran.filter((s) => /count\(\*\).*state = 'waiting'/.test(s))).toEqual([]);
    // Each write reads its row back from RETURNING: the only reads by id are the checks before a change.
    expect(ran.filter((s) => s === 'SELECT * FROM tickets WHERE id = ?')).toHaveLength(3); // start, finish, rate
    expect(ran.length).toBeLessThanOrEqual(29); // 37 before m007 and RETURNING; +1 (m023): the appointments whose slot has begun, one read per call
    // What RETURNING gave is what is stored.
    expect(q.ctx.ticket(t.id)).toEqual(done);
    expect(() => q.ratings.rate({ ticketId: t.id, score: 3 })).toThrow(expect.objectContaining({ code: 'ALREADY_RATED' }));
  });
});
