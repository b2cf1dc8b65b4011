import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../../../electron/host/db/openDatabase';
import { prepareRestore } from '../../../electron/host/db/restoreCheck';
import { ReportQueries } from '../../../electron/host/reports/reportQuery';
import { verifyRecentRollups, verifyRollups } from '../../../electron/host/reports/rollupCheck';
import { rollupBuildSql } from '../../../electron/host/db/migrations/m008_incremental_rollups';
import { generateHistory } from '../../helpers/reportDataset';
import { prng, pick } from '../../helpers/prng';
import { recomputeRollups, storedRollups } from '../../helpers/rollupReference';
import { FakeClock, STAFF, tempDir, tempQueue } from '../../helpers/tempHost';

const HANOI = 'Asia/Ho_Chi_Minh';
const REASONS = [
  { code: 'fast', vi: 'Nhanh', en: 'Fast' },
  { code: 'friendly', vi: 'Thân thiện', en: 'Friendly' },
  { code: 'long_wait', vi: 'Chờ lâu', en: 'Long wait' },
];

/** A day of an office through the queue's own operations, chosen at random from a seed. */
function randomDay(seed: number) {
  const clock = new FakeClock(Date.UTC(2026, 10, 23, 0, 30)); // Monday 07:30 in Hà Nội
  const { db, queue, dir, file } = tempQueue({ clock });
  queue.settings.set({ ...queue.settings.get(), ratingReasons: REASONS, dayBoundaryMinutes: 120 });
  const rnd = prng(seed);
  // The zone each ticket was issued under (its hour of issue is read in that zone).
  const zones = new Map<string, string>();
  const counters = [1, 2, 3, 4];
  const services = (db.prepare('SELECT id FROM services').all() as { id: number }[]).map((s) => s.id);
  const openAll = () => counters.forEach((c) => queue.counters.open(c, c));
  openAll();
  const current = (c: number) => queue.calling.current(c);
  const some = (state: string) => (db.prepare('SELECT id, counter_id FROM tickets WHERE state = ? ORDER BY random() LIMIT 1').get(state) as { id: string; counter_id: number | null } | undefined);
  const ops: Record<string, () => unknown> = {
    issue: () => {
      const t = queue.issuer.issue({ serviceId: pick(rnd, services), priority: rnd() < 0.1 ? 'elderly' : undefined });
      zones.set(t.id, queue.settings.get().timeZone);
    },
    call: () => {
      const c = pick(rnd, counters);
      const t = current(c);
      if (t) queue.lifecycle.finish(t.id, STAFF(c, c));
      queue.calling.callNext(c, STAFF(c, c));
    },
    start: () => {
      const c = pick(rnd, counters);
      const t = current(c);
      if (t?.state === 'called') queue.lifecycle.start(t.id, STAFF(c, c));
    },
    finish: () => {
      const c = pick(rnd, counters);
      const t = current(c);
      if (t) queue.lifecycle.finish(t.id, STAFF(c, c));
    },
    skip: () => {
      const c = pick(rnd, counters);
      const t = current(c);
      if (t?.state !== 'called') return;
      // A no-show is marked after a second call (#28 point 13), as an officer does.
      queue.calling.recall(t.id, STAFF(c, c));
      queue.lifecycle.skip(t.id, STAFF(c, c));
    },
    reactivate: () => {
      const t = some('skipped');
      if (t) queue.lifecycle.reactivate(t.id, STAFF(t.counter_id ?? 1, t.counter_id ?? 1));
    },
    recallSkipped: () => {
      // A no-show called again by another counter: its wait and its group both move.
      const t = some('skipped');
      const c = pick(rnd, counters);
      if (t && !current(c)) queue.calling.callSpecific(t.id, c, STAFF(c, c));
    },
    recall: () => {
      const c = pick(rnd, counters);
      const t = current(c);
      if (t) queue.calling.recall(t.id, STAFF(c, c));
    },
    park: () => {
      const c = pick(rnd, counters);
      const t = current(c);
      if (t) queue.lifecycle.park(t.id, STAFF(c, c));
    },
    unpark: () => {
      const t = some('parked');
      const c = pick(rnd, counters);
      if (t) queue.calling.unpark(t.id, c, STAFF(c, c));
    },
    transfer: () => {
      const c = pick(rnd, counters);
      const t = current(c);
      const to = pick(rnd, services);
      if (t && to !== t.service_id) queue.lifecycle.transfer(t.id, { serviceId: to }, STAFF(c, c));
    },
    cancel: () => {
      const t = some('waiting');
      if (t) queue.lifecycle.cancel(t.id, STAFF(1, 1));
    },
    rate: () => {
      const t = db.prepare("SELECT id FROM tickets WHERE state = 'done' AND id NOT IN (SELECT ticket_id FROM ratings) ORDER BY random() LIMIT 1").get() as { id: string } | undefined;
      if (t) queue.ratings.rate({ ticketId: t.id, score: 1 + Math.floor(rnd() * queue.settings.get().ratingLevels), reasons: rnd() < 0.5 ? [pick(rnd, REASONS).code] : [] });
    },
    wait: () => clock.minutes(1 + Math.floor(rnd() * 20)),
  };
  const weights: [string, number][] = [
    ['issue', 8], ['call', 6], ['start', 2], ['finish', 4], ['skip', 2], ['reactivate', 1], ['recallSkipped', 1], ['recall', 1],
    ['park', 1], ['unpark', 1], ['transfer', 2], ['cancel', 1], ['rate', 3], ['wait', 4],
  ];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const step = () => {
    let r = rnd() * total;
    const name = (weights.find(([, w]) => (r -= w) < 0) ?? weights[0]!)[0];
    try {
      ops[name]!();
    } catch (e) {
      // A random pick the rules refuse (nobody waiting, a state that forbids it) changes nothing.
      if (!(e instanceof AppError)) throw e;
    }
  };
  for (let i = 0; i < 250; i++) step();
  // The evening goes on past local midnight (the day boundary is 02:00: still the same business day).
  clock.t = Date.UTC(2026, 10, 23, 16, 50); // 23:50 in Hà Nội
  for (let i = 0; i < 60; i++) step();
  // The office moves its zone (+9 h instead of +7 h) in the middle of a day.
  queue.settings.set({ ...queue.settings.get(), timeZone: 'Asia/Tokyo' });
  for (let i = 0; i < 60; i++) step();
  // Next morning: past the boundary, close of day expires what was left open, numbering restarts.
  clock.t = Date.UTC(2026, 10, 24, 0, 0); // 09:00 in Tokyo
  openAll();
  for (let i = 0; i < 200; i++) step();
  const zoneOf = (t: { id: string }) => zones.get(t.id) ?? HANOI;
  return { db, queue, clock, dir, file, zoneOf };
}

describe('report rollups kept by triggers', () => {
  it('equal a recomputation from the raw tickets after a randomised day (every operation, midnight, a zone change, close of day)', () => {
    for (const seed of [1, 2, 3]) {
      const { db, queue, clock, zoneOf } = randomDay(seed);
      const states = new Set((db.prepare('SELECT DISTINCT state FROM tickets').all() as { state: string }[]).map((r) => r.state));
      const events = new Set((db.prepare('SELECT DISTINCT type FROM events').all() as { type: string }[]).map((r) => r.type));
      // The day really went through what the rollups count.
      for (const s of ['done', 'transferred', 'expired', 'cancelled', 'waiting']) expect(states, `seed ${seed}: ${s}`).toContain(s);
      for (const e of ['ticket.skipped', 'ticket.reactivated', 'ticket.parked', 'ticket.unparked', 'ticket.transferred', 'ticket.rated', 'ticket.expired']) expect(events, `seed ${seed}: ${e}`).toContain(e);
      expect(db.prepare('SELECT count(DISTINCT business_day) n FROM tickets').get()).toEqual({ n: 2 });
      expect(db.prepare('SELECT count(*) n FROM ratings').get()).not.toEqual({ n: 0 });
      expect(storedRollups(db)).toEqual(recomputeRollups(db, zoneOf));
      // And the start-up check agrees that there is nothing to put right.
      expect(verifyRecentRollups(db, clock.now(), queue.settings.get())).toEqual([]);
      db.close();
    }
  });

  it('the report answers come from them: one ticket through its life changes the day at each step', () => {
    const { db, queue } = tempQueue();
    const reports = new ReportQueries(db, () => queue.settings.get());
    const day = { from: '2026-11-23', to: '2026-11-23' };
    queue.counters.open(1, 1);
    const t = queue.issuer.issue({ serviceId: 1 });
    expect(reports.summary(day).totals).toMatchObject({ issued: 1, served: 0 });
    expect(reports.summary(day).byCounter).toEqual([]);
    queue.calling.callNext(1, STAFF(1, 1));
    const called = reports.summary(day);
    expect(called.byCounter.map((r) => [r.id, r.issued, r.wait.n])).toEqual([[1, 1, 1]]);
    queue.lifecycle.finish(t.id, STAFF(1, 1));
    queue.ratings.rate({ ticketId: t.id, score: 4 });
    expect(reports.summary(day).totals).toMatchObject({ issued: 1, served: 1, ratings: 1, percentSatisfied: 100 });
    expect(reports.summary({ from: '2026-11-01', to: '2026-11-30' }).totals).toMatchObject({ issued: 1, served: 1, ratings: 1 });
  });

  it('a maximum taken away is recounted: the longest wait, a no-show, is called again later', () => {
    const clock = new FakeClock();
    const { db, queue } = tempQueue({ clock });
    queue.counters.open(1, 1);
    const first = queue.issuer.issue({ serviceId: 1 });
    const second = queue.issuer.issue({ serviceId: 1 });
    clock.minutes(10);
    queue.calling.callNext(1, STAFF(1, 1)); // first: 10 min
    queue.calling.recall(first.id, STAFF(1, 1)); // a no-show only after a second call
    queue.lifecycle.skip(first.id, STAFF(1, 1));
    clock.minutes(5);
    queue.calling.callNext(1, STAFF(1, 1)); // second: 15 min
    queue.lifecycle.finish(second.id, STAFF(1, 1));
    const maxOf = () => (db.prepare('SELECT max(wait_max) m FROM report_day WHERE counter_id = 1').get() as { m: number }).m;
    expect(maxOf()).toBe(15 * 60_000);
    queue.lifecycle.reactivate(first.id, STAFF(1, 1));
    // Back in line: the 15-minute wait is no longer the first's 10 but still the second's.
    queue.counters.open(2, 2);
    clock.minutes(30);
    queue.calling.callSpecific(first.id, 2, STAFF(2, 2)); // first: 45 min at counter 2
    expect(maxOf()).toBe(15 * 60_000);
    expect(storedRollups(db)).toEqual(recomputeRollups(db, () => HANOI));
    // The second's wait, the maximum of counter 1, shrinks by a hand correction within its group…
    db.prepare('UPDATE tickets SET called_at = issued_at + 60000 WHERE id = ?').run(second.id);
    expect(storedRollups(db)).toEqual(recomputeRollups(db, () => HANOI));
    // …and goes when it moves to counter 3's officer.
    db.prepare('UPDATE tickets SET officer_id = 3 WHERE id = ?').run(second.id);
    expect(storedRollups(db)).toEqual(recomputeRollups(db, () => HANOI));
  });

  it('survive a crash mid-day: a process killed while issuing and calling leaves rollups equal to its tickets', async () => {
    const clock = new FakeClock();
    const { db, queue, file, dir } = tempQueue({ clock });
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    for (let i = 0; i < 20; i++) queue.issuer.issue({ serviceId: 1 });
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/helpers/hammerQueue.ts'), file, '1,2', '100000', String(clock.t)], { stdio: 'ignore' });
    // Kill it mid-stream, once it has written a good part of the day.
    const count = db.prepare('SELECT count(*) n FROM tickets');
    for (let i = 0; i < 300 && (count.get() as { n: number }).n < 400; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    db.close();
    // Reopened as a host restarting would.
    const reopened = openDatabase({ file, backupDir: path.join(dir, 'backups') });
    const n = (reopened.prepare('SELECT count(*) n FROM tickets').get() as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(400);
    expect(storedRollups(reopened)).toEqual(recomputeRollups(reopened, () => HANOI));
    expect(verifyRollups(reopened, ['2026-11-23'])).toEqual([]);
    reopened.close();
  }, 60_000);

  it('after a restore they are rebuilt from the restored tickets, whatever the file held, and the first report is ready', async () => {
    const { db, queue, dir } = randomDay(7);
    generateHistory(db, { days: 40, ticketsPerDay: 60, firstDay: '2026-10-01' });
    // The uploaded file carries rollups that disagree with its tickets (edited, or from a bug).
    db.exec("UPDATE report_day SET issued = issued + 7, h9 = h9 + 7 WHERE business_day = '2026-10-05'");
    db.exec("DELETE FROM report_hist WHERE period = '2026-10'");
    const backup = path.join(dir, 'upload.sqlite');
    await db.backup(backup);
    db.close();
    const out = path.join(tempDir(), 'restored.sqlite');
    const prepared = prepareRestore(backup, out, {});
    expect(prepared).toMatchObject({ ok: true });
    const restored = openDatabase({ file: out, backupDir: path.join(dir, 'backups') });
    // A rebuild reads every hour of issue in the office's zone of now (Tokyo since randomDay's change).
    expect(storedRollups(restored)).toEqual(recomputeRollups(restored, () => 'Asia/Tokyo'));
    const s = new ReportQueries(restored, () => queue.settings.get()).summary({ from: '2026-10-01', to: '2026-10-31' });
    const originals = restored.prepare("SELECT count(*) n FROM tickets WHERE transferred_from IS NULL AND business_day LIKE '2026-10-%'").get() as { n: number };
    expect(s.totals.issued).toBe(originals.n);
    restored.close();
  });

  it('the start-up check puts right a recent day and, through the totals, any day that disagrees', () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 12, 3, 0));
    const { db, queue } = tempQueue({ clock });
    generateHistory(db, { days: 43, ticketsPerDay: 40, firstDay: '2026-10-01' });
    const want = recomputeRollups(db, () => HANOI);
    expect(verifyRecentRollups(db, clock.now(), queue.settings.get())).toEqual([]);
    // A recent day with a wrong wait sum and a wrong histogram: totals agree, the day check finds it.
    db.exec("UPDATE report_day SET wait_sum = wait_sum + 1 WHERE business_day = '2026-11-11'");
    db.exec("UPDATE report_hist SET h = motcua_hist_add(h, 3, 1) WHERE period = '2026-11-12'");
    expect(storedRollups(db)).not.toEqual(want);
    expect(verifyRecentRollups(db, clock.now(), queue.settings.get()).map((r) => r.scope).sort()).toEqual(['2026-11-11', '2026-11-12']);
    expect(storedRollups(db)).toEqual(want);
    // An old day lost its rows: the totals differ, everything is rebuilt.
    db.exec("DELETE FROM report_day WHERE business_day = '2026-10-06'");
    expect(verifyRecentRollups(db, clock.now(), queue.settings.get()).map((r) => r.scope)).toEqual(['all']);
    expect(storedRollups(db)).toEqual(want);
  });

  it('their statements read indexes, never all of tickets: the max recount, a day rebuild, the report reads', () => {
    const { db } = tempQueue();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    // The recount inside report_on_ticket_update, with the trigger's OLD row as literals.
    const recount = plan(`SELECT coalesce(max(t.called_at - t.issued_at), 0) FROM tickets t WHERE t.business_day = '2026-11-23' AND t.service_id = 1
      AND coalesce(t.counter_id, 0) = 1 AND coalesce(t.officer_id, 0) = 1`);
    expect(recount).toMatch(/SEARCH t USING INDEX tickets_day \(business_day=\? AND service_id=\?\)/);
    for (const stmt of rollupBuildSql("t.business_day = '2026-11-23'").split(/;\s*\n/).filter((x) => x.trim())) {
      const p = plan(stmt);
      expect(p, stmt.slice(0, 60)).not.toMatch(/SCAN t\b/);
      expect(p, stmt.slice(0, 60)).toMatch(/SEARCH t USING (COVERING )?INDEX tickets_day|SEARCH t USING INDEX sqlite_autoindex_tickets_1/);
    }
    expect(plan("SELECT sum(issued) FROM report_day WHERE business_day BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY service_id")).toMatch(/SEARCH report_day USING PRIMARY KEY \(business_day>\? AND business_day<\?\)/);
    expect(plan("SELECT h FROM report_hist WHERE period = '2026-05'")).toMatch(/SEARCH report_hist USING INDEX sqlite_autoindex_report_hist_1 \(period=\?\)/);
  });
});
