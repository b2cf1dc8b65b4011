import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempQueue } from '../../helpers/tempHost';

const run = promisify(execFile);

describe('two host processes on one database file', () => {
  it('hammering issue and next from 12 counters: no ticket called twice, no number issued twice', async () => {
    const { db, queue, file, clock } = tempQueue();
    // Twelve counters all serving Hộ tịch, opened by the four sample officers in turn.
    const insC = db.prepare('INSERT INTO counters (number, name, status, officer_id) VALUES (?, ?, ?, ?)');
    const insCs = db.prepare('INSERT INTO counter_services (counter_id, service_id, position) VALUES (?, 1, 0)');
    const ids: number[] = [];
    for (let n = 11; n <= 22; n++) {
      const id = Number(insC.run(n, `Quầy ${n}`, 'open', (n % 4) + 1).lastInsertRowid);
      insCs.run(id);
      ids.push(id);
    }
    for (let i = 0; i < 100; i++) queue.issuer.issue({ serviceId: 1 });
    const script = path.resolve('test/helpers/hammerQueue.ts');
    const half = (k: number) => ids.filter((_, i) => i % 2 === k).join(',');
    const procs = [0, 1].map((k) => run(process.execPath, ['--import', 'tsx', script, file, half(k), '150', String(clock.t)], { maxBuffer: 16 << 20 }));
    const results = (await Promise.all(procs)).map((r) => JSON.parse(r.stdout) as { issued: string[]; called: string[] });

    const issued = results.flatMap((r) => r.issued);
    expect(issued).toHaveLength(300);
    expect(new Set(issued).size).toBe(300);
    const called = results.flatMap((r) => r.called);
    expect(called).toHaveLength(400);
    expect(new Set(called).size).toBe(400);
    const dupNumbers = db.prepare('SELECT number FROM tickets GROUP BY business_day, number HAVING count(*) > 1').all();
    expect(dupNumbers).toEqual([]);
    const calledTwice = db.prepare("SELECT ticket_id FROM events WHERE type = 'ticket.called' GROUP BY ticket_id HAVING count(*) > 1").all();
    expect(calledTwice).toEqual([]);
    expect(db.prepare("SELECT count(*) n FROM tickets WHERE state = 'waiting'").get()).toEqual({ n: 0 });
  }, 120_000);
});
