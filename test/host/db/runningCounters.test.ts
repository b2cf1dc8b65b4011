import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/host/db/migrations/index';
import { openDatabase } from '../../../electron/host/db/openDatabase';
import { QueueService } from '../../../electron/host/queue/queueService';
import { FakeClock, STAFF, tempDir, tempQueue } from '../../helpers/tempHost';

describe('running counters (per service-day issued and last number, per counter-day served)', () => {
  it('follow every issue, transfer and finish in the same transaction', () => {
    const { queue, db } = tempQueue();
    queue.counters.open(1, 1);
    const a = queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 2 });
    queue.calling.callNext(1, STAFF(1, 1));
    queue.lifecycle.transfer(a.id, { serviceId: 2 }, STAFF(1, 1)); // same number, no new issue
    queue.calling.callNext(1, STAFF(1, 1));
    queue.calling.callNext(1, STAFF(1, 1)); // finishes the previous one
    const day = queue.ctx.ticket(a.id).business_day;
    expect(db.prepare('SELECT service_id, issued, last_seq FROM service_day_counts WHERE business_day = ? ORDER BY service_id').all(day)).toEqual([
      { service_id: 1, issued: 2, last_seq: 2 },
      { service_id: 2, issued: 1, last_seq: 1 },
    ]);
    expect(db.prepare('SELECT counter_id, served FROM counter_day_served WHERE business_day = ?').all(day)).toEqual([{ counter_id: 1, served: 1 }]);
    expect(queue.views.counterState(1).servedToday).toBe(1);
  });

  it('a counter that disagrees with the tickets is recounted at start, so no number is handed out twice', () => {
    const clock = new FakeClock();
    const { queue, db } = tempQueue({ clock });
    for (let i = 0; i < 3; i++) queue.issuer.issue({ serviceId: 1 });
    db.prepare('UPDATE service_day_counts SET issued = 0, last_seq = 1').run();
    const again = new QueueService({ db, now: clock.now });
    expect(again.counterRepairs).toEqual([expect.objectContaining({ table: 'service_day_counts', stored: '0/1', actual: '3/3' })]);
    expect(again.issuer.issue({ serviceId: 1 }).number).toBe('A004');
  });

  it('the migration builds them from the tickets already there', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(migrations[0] as string);
    old.exec(migrations[1] as string);
    old.pragma('user_version = 2');
    old.exec("INSERT INTO services (id, code, name_vi, prefix) VALUES (1, 'HT', 'Hộ tịch', 'A'); INSERT INTO counters (id, number, name) VALUES (1, 1, 'Quầy 1')");
    const ins = old.prepare("INSERT INTO tickets (id, service_id, business_day, seq, number, state, issued_at, queued_at, counter_id, issue_order) VALUES (?, 1, ?, ?, ?, ?, 0, 0, ?, ?)");
    ins.run('t1', '2026-11-22', 1, 'A001', 'done', 1, 1);
    ins.run('t2', '2026-11-22', 2, 'A002', 'done', 1, 2);
    ins.run('t3', '2026-11-23', 1, 'A001', 'waiting', null, 3);
    old.close();
    const db = openDatabase({ file, backupDir: path.join(dir, 'b') });
    expect(db.prepare('SELECT business_day, issued, last_seq FROM service_day_counts ORDER BY business_day').all()).toEqual([
      { business_day: '2026-11-22', issued: 2, last_seq: 2 },
      { business_day: '2026-11-23', issued: 1, last_seq: 1 },
    ]);
    expect(db.prepare('SELECT business_day, served FROM counter_day_served').all()).toEqual([{ business_day: '2026-11-22', served: 2 }]);
  });
});
