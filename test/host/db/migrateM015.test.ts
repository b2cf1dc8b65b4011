// m015 (#27): the record of a damaged write-ahead log and the numbering floors the admin confirms,
// on an office database as it was after m014 (user_version 13) with a day of tickets.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { m015DatabaseDamage } from '../../../electron/host/db/migrations/m015_database_damage';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { QueueService } from '../../../electron/host/queue/queueService';
import { verifyRunningCounters } from '../../../electron/host/queue/runningCounters';
import { TEST_ADMIN_PASSWORD } from '../../helpers/devices';
import { databaseAt, schemaObjects as objects } from '../../helpers/migrationDb';
import { FakeClock } from '../../helpers/tempHost';

describe('m015: damage record and numbering floors', () => {
  it('upgrades a version-13 office without touching anything else; the start-up recount never lowers a confirmed floor', () => {
    expect(migrations.indexOf(m015DatabaseDamage)).toBe(13);
    const db = databaseAt(13);
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    const before = objects(db);
    migrate(db, 14);
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    const after = objects(db);
    expect(after.filter((o) => !['database_damage', 'number_floors'].includes(o.name))).toEqual(before);
    expect(after.map((o) => o.name)).toEqual(expect.arrayContaining(['database_damage', 'number_floors']));
    expect(() => db.prepare("INSERT INTO database_damage (detected_at, reason, detail, wal_copy, evidence) VALUES (1, 'header', '', '', 'not json')").run()).toThrow(/CHECK/);

    // The queue runs on a database with every migration in (later ones add columns it reads).
    migrate(db);
    const clock = new FakeClock();
    const queue = new QueueService({ db, now: clock.now });
    const day = queue.ctx.today();
    for (let i = 0; i < 3; i++) queue.issuer.issue({ serviceId: 1 });
    const raise = db.prepare('UPDATE service_day_counts SET last_seq = 40 WHERE service_id = 1 AND business_day = ?');
    // A counter raised without a floor: the start-up recount takes it back to the tickets' highest.
    raise.run(day);
    expect(verifyRunningCounters(db, day)).toEqual([{ table: 'service_day_counts', key: `1/${day}`, stored: '3/40', actual: '3/3' }]);
    // What the admin confirmed after damage (A040 was on paper): counter and floor; the recount keeps it.
    raise.run(day);
    db.prepare('INSERT INTO number_floors (service_id, business_day, last_seq) VALUES (1, ?, 40)').run(day);
    expect(verifyRunningCounters(db, day)).toEqual([]);
    expect(queue.issuer.issue({ serviceId: 1 }).seq).toBe(41);
    db.close();
  });
});
