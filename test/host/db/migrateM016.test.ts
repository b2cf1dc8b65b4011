// m016 (#28 points 13, 14): the time of a ticket's latest recall, and an index for a counter's last
// finished ticket, on an office database as it was after m019 (user_version 15).
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { m016SkipAfterRecall } from '../../../electron/host/db/migrations/m016_skip_after_recall';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { QueueService } from '../../../electron/host/queue/queueService';
import { TEST_ADMIN_PASSWORD } from '../../helpers/devices';
import { errorCode } from '../../helpers/errorCode';
import { databaseAt, schemaObjects as objects } from '../../helpers/migrationDb';
import { FakeClock, STAFF } from '../../helpers/tempHost';

describe('m016: recalls and the tablet’s last finished ticket', () => {
  it('upgrades a version-15 office, adding only the column and the index; the queue then judges skips by it', () => {
    expect(migrations.indexOf(m016SkipAfterRecall)).toBe(15);
    const db = databaseAt(15);
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    const before = objects(db);
    const counters = db.prepare('SELECT * FROM counters ORDER BY id').all();
    migrate(db, 16);
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    const after = objects(db);
    expect(after.filter((o) => o.name !== 'tickets' && o.name !== 'tickets_done_at_counter')).toEqual(before.filter((o) => o.name !== 'tickets'));
    expect(after.find((o) => o.name === 'tickets_done_at_counter')?.sql).toContain("WHERE state = 'done'");
    expect((db.prepare('PRAGMA table_info(tickets)').all() as { name: string }[]).map((c) => c.name)).toContain('recalled_at');
    expect(db.prepare('SELECT * FROM counters ORDER BY id').all()).toEqual(counters);

    // The queue of this version runs on a database brought fully up to date, as openDatabase does.
    migrate(db, migrations.length);
    const clock = new FakeClock();
    const queue = new QueueService({ db, now: clock.now });
    queue.counters.open(1, 1);
    const a = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    expect(errorCode(() => queue.lifecycle.skip(a.id, STAFF(1, 1)))).toBe('SKIP_TOO_EARLY');
    queue.calling.recall(a.id, STAFF(1, 1));
    expect(queue.lifecycle.skip(a.id, STAFF(1, 1)).state).toBe('skipped');
    db.close();
  });
});
