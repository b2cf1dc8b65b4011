// Every statement the queue prepares, run through EXPLAIN QUERY PLAN: none may read all of
// `tickets` (a year of history is a million rows) or sort the waiting line in a temp B-tree. The
// statements are collected by watching `prepare` while the queue goes through every operation a
// day has, so a statement added later is checked without anyone listing it here.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/openDatabase';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { QueueService } from '../../../electron/host/queue/queueService';
import { FakeClock, STAFF, tempDir } from '../../helpers/tempHost';

/** Partial indexes holding only the waiting line or the tickets at counters: scanning one is O(line). */
const LINE_SIZED = ['tickets_waiting_line', 'tickets_waiting_priority', 'tickets_one_active_per_counter', 'tickets_targeted_line', 'tickets_waiting_appointments'];

function collectStatements(): { db: Database.Database; sql: string[] } {
  const dir = tempDir();
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'b') });
  seedIfEmpty(db, { adminPassword: 'x', alwaysOpen: true });
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  (db as { prepare: typeof db.prepare }).prepare = ((source: string) => {
    seen.add(source);
    return prepare(source);
  }) as typeof db.prepare;
  const clock = new FakeClock();
  const q = new QueueService({ db, now: clock.now });
  const s = (c: number) => STAFF(c, c);
  // A day in miniature: every operation and every read a screen makes.
  for (const c of [1, 2, 3]) q.counters.open(c, c);
  const tickets = [1, 2, 1, 3, 2, 1, 4].map((sid, i) => q.issuer.issue({ serviceId: sid, priority: i === 2 ? 'elderly' : null }));
  q.views.listServices();
  for (const t of tickets) q.views.ticketStatus(t.id);
  q.views.display();
  q.views.counterState(1);
  q.lookup.publicView(tickets[0]?.number ?? 'A001');
  const a = q.calling.callNext(1, s(1));
  q.calling.recall(a.id, s(1));
  q.lifecycle.start(a.id, s(1));
  q.lifecycle.park(a.id, s(1));
  q.calling.callNext(1, s(1));
  q.calling.unpark(a.id, 1, s(1));
  q.lifecycle.finish(a.id, s(1), 'HS-1');
  q.ratings.rate({ ticketId: a.id, score: 4 });
  const c2 = q.calling.callNext(2, s(2));
  q.calling.recall(c2.id, s(2));
  q.lifecycle.skip(c2.id, s(2));
  q.lifecycle.reactivate(c2.id, s(2));
  const d = q.calling.callNext(2, s(2));
  q.lifecycle.transfer(d.id, { serviceId: 3 }, s(2));
  const e = q.calling.callNext(1, s(1));
  q.lifecycle.transfer(e.id, { counterId: 2 }, s(1)); // counter 2 serves what counter 1 does
  q.calling.callSpecific(q.issuer.issue({ serviceId: 2 }).id, 1, s(1));
  q.calling.callNext(1, s(1));
  q.lifecycle.cancel(tickets[6]?.id ?? '', { counterId: null, officerId: null, admin: true });
  q.counters.pause(2, 'break', '', s(2));
  q.views.listServices();
  for (const t of tickets) q.views.ticketStatus(t.id);
  q.counters.resume(2, s(2));
  clock.minutes(2);
  q.eta.refresh(clock.t);
  for (const t of tickets) q.views.ticketStatus(t.id);
  q.views.counterState(2);
  q.views.display();
  // As the host runs it: reads take the last play, a ticket issued since is placed by an indexed count.
  q.eta.playInBackground();
  for (const priority of [null, 'elderly']) q.views.statusOf(q.issuer.issue({ serviceId: 1, priority }));
  q.counters.close(3, s(3));
  return { db, sql: [...seen] };
}

/** Null for every parameter: the plan does not depend on the values. */
function nullParams(sql: string): unknown[] {
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1] as string))];
  if (named.length > 0) return [Object.fromEntries(named.map((n) => [n, null]))];
  const bare = sql.replace(/'[^']*'/g, "''");
  return Array.from({ length: (bare.match(/\?/g) ?? []).length }, () => null);
}

/** Names `tickets` goes by in a statement (itself and its aliases). */
function ticketNames(sql: string): string[] {
  const names = ['tickets'];
  for (const m of sql.matchAll(/\btickets\s+(?:AS\s+)?([a-z]\w*)/gi)) {
    const alias = m[1] as string;
    if (!/^(WHERE|SET|ON|JOIN|LEFT|GROUP|ORDER|LIMIT|VALUES|USING|INDEXED|NOT)$/i.test(alias)) names.push(alias);
  }
  return names;
}

describe('query plans of the hot path', () => {
  const { db, sql } = collectStatements();
  const reading = sql.filter((s) => /\btickets\b/.test(s) && !/^\s*(INSERT|CREATE|DROP)\b/i.test(s));

  it('collected the statements of every queue operation', () => {
    expect(reading.length).toBeGreaterThan(25);
  });

  it.each(reading.map((s) => [s.replace(/\s+/g, ' ').trim().slice(0, 110), s]))('%s', (_label, statement) => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...nullParams(statement)) as { detail: string }[]).map((r) => r.detail);
    if (process.env.SHOW_PLANS) console.log(`${statement.replace(/\s+/g, ' ')}\n  ${plan.join('\n  ')}`);
    const names = ticketNames(statement);
    const fullScans = plan.filter((d) => {
      const m = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(d);
      return !!m && names.includes(m[1] as string) && !LINE_SIZED.includes(m[2] ?? '');
    });
    expect(fullScans, plan.join('\n')).toEqual([]);
    const sortsLine = /state\s*=\s*'waiting'/.test(statement) && plan.some((d) => d.includes('USE TEMP B-TREE'));
    expect(sortsLine, plan.join('\n')).toBe(false);
  });
});
