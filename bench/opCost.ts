// `npm run bench:ops`: what one queue operation costs as the day fills up, through the queue
// service on a real SQLite file (WAL, synchronous=FULL, as the host runs it).
//
// 1. CPU time per issue / call-next / finish (process.cpuUsage, user + system) with 1k, 10k, 100k
//    and 200k tickets already in the day (written straight into the table, served and done, so the
//    line itself stays short). Goal (issue #14): the largest at most 1.3× the smallest.
// 2. Durable work per lifecycle (issue → call next → start → finish → rate): commits, statements
//    the host runs (triggers not counted) and WAL pages written.
//
//   OPS_LEVELS   comma-separated day sizes (default 1000,10000,100000,200000)
//   OPS_SAMPLES  lifecycles measured per level (default 400)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { QueueService } from '../electron/host/queue/queueService';
import { businessDay } from '../shared/businessDay';
import { machine } from './stats';

const LEVELS = (process.env.OPS_LEVELS ?? '1000,10000,100000,200000').split(',').map(Number);
const SAMPLES = Number(process.env.OPS_SAMPLES ?? 400);
const COUNTERS = 4;
const staff = (c: number) => ({ counterId: c, officerId: c, admin: false });

/** The median: other agents on the machine make a few samples slow, not the operation. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Counts every run/get/all/iterate of the statements prepared on `db` from now on. */
function countStatements(db: Database.Database): { n: number } {
  const counter = { n: 0 };
  const prepare = db.prepare.bind(db);
  (db as { prepare: typeof db.prepare }).prepare = ((source: string) => {
    const st = prepare(source);
    for (const m of ['run', 'get', 'all', 'iterate'] as const) {
      const f = st[m].bind(st) as (...a: unknown[]) => unknown;
      (st as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        counter.n++;
        return f(...a);
      };
    }
    return st;
  }) as typeof db.prepare;
  return counter;
}

/** `n` served tickets of today, straight into the table (the running counters' triggers keep up). */
function fillDay(db: Database.Database, day: string, n: number, now: number): void {
  const services = (db.prepare('SELECT id, prefix FROM services WHERE active = 1 ORDER BY id').all() as { id: number; prefix: string }[]).slice(0, 6);
  const ins = db.prepare(`INSERT INTO tickets (id, service_id, business_day, seq, number, state, issued_at, queued_at, called_at, serving_at, finished_at, counter_id, officer_id, issue_order)
    VALUES (?, ?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?, ?, ?)`);
  let order = (db.prepare('SELECT max(issue_order) AS m FROM tickets').get() as { m: number | null }).m ?? 0;
  const seqs = new Map<number, number>();
  db.pragma('synchronous = OFF');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const s = services[i % services.length] as { id: number; prefix: string };
      const seq = (seqs.get(s.id) ?? 0) + 1;
      seqs.set(s.id, seq);
      // Spread over the 8 hours before now, served 5 minutes after issue for 5 minutes.
      const at = now - 8 * 3_600_000 + Math.floor((i / n) * 8 * 3_600_000) - 600_000;
      ins.run(`F${String(++order).padStart(10, '0')}`, s.id, day, seq, `${s.prefix}${seq}`, at, at, at + 300_000, at + 300_000, at + 600_000, 1 + (i % COUNTERS), 1 + (i % COUNTERS), order);
    }
  })();
  db.pragma('synchronous = FULL');
}

interface Level {
  size: number;
  cpuUs: { issue: number; next: number; finish: number };
  perLifecycle: { commits: number; statements: number; walPages: number };
}

/**
 * One day of `size` tickets, ready to run lifecycles. The levels are measured interleaved (one
 * lifecycle of each in turn), so whatever else the shared machine does falls on all of them alike.
 */
function prepareLevel(size: number): { run: (i: number) => void; startCounting: () => void; result: () => Level } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-ops-'));
  const file = path.join(dir, 'motcua.sqlite');
  const db = openDatabase({ file, backupDir: path.join(dir, 'b') });
  if (process.env.OPS_CACHE_KB) db.pragma(`cache_size = -${process.env.OPS_CACHE_KB}`);
  seedIfEmpty(db, { adminPassword: 'bench-admin-password', alwaysOpen: true });
  db.prepare('UPDATE services SET range_end = 999999').run();
  let clock = Date.now();
  const now = () => clock;
  const day = businessDay(clock, 'Asia/Ho_Chi_Minh', 0);
  fillDay(db, day, size, clock);
  const statements = countStatements(db);
  const q = new QueueService({ db, now });
  for (let c = 1; c <= COUNTERS; c++) q.counters.open(c, c);
  const services = [1, 2, 3, 4];
  // A short line, as a day that is keeping up has.
  for (let i = 0; i < 20; i++) q.issuer.issue({ serviceId: services[i % services.length] as number });
  let commits = 0;
  q.onEvent(() => undefined);
  const tx = q.ctx.tx.bind(q.ctx);
  let depth = 0;
  q.ctx.tx = <T>(fn: () => T): T => {
    if (depth === 0) commits++;
    depth++;
    try {
      return tx(fn);
    } finally {
      depth--;
    }
  };
  const cpu = { issue: [] as number[], next: [] as number[], finish: [] as number[] };
  const timed = <T>(k: keyof typeof cpu, fn: () => T): T => {
    const c0 = process.cpuUsage();
    const r = fn();
    const d = process.cpuUsage(c0);
    cpu[k].push(d.user + d.system);
    return r;
  };
  // Warm-up: statements prepared, JIT done.
  const lifecycle = (i: number, measured: boolean) => {
    clock += 1000;
    const c = 1 + (i % COUNTERS);
    const run = measured ? timed : <T>(_k: keyof typeof cpu, fn: () => T) => fn();
    run('issue', () => q.issuer.issue({ serviceId: services[i % services.length] as number }));
    const t = run('next', () => q.calling.callNext(c, staff(c)));
    q.lifecycle.start(t.id, staff(c));
    run('finish', () => q.lifecycle.finish(t.id, staff(c)));
    q.ratings.rate({ ticketId: t.id, score: 4 });
  };
  for (let i = 0; i < 200; i++) lifecycle(i, false);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  let s0 = 0;
  let n = 0;
  return {
    startCounting: () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('wal_autocheckpoint = 0');
      s0 = statements.n;
      commits = 0;
    },
    run: (i) => {
      lifecycle(i, true);
      n++;
    },
    result: () => {
      const walPages = fs.statSync(`${file}-wal`).size / (pageSize + 24);
      const out: Level = {
        size,
        cpuUs: { issue: median(cpu.issue), next: median(cpu.next), finish: median(cpu.finish) },
        perLifecycle: { commits: commits / n, statements: (statements.n - s0) / n, walPages: walPages / n },
      };
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
      return out;
    },
  };
}

console.log(`motcua per-operation cost — ${new Date().toISOString()} — ${machine()} — load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const prepared = LEVELS.map(prepareLevel);
for (const p of prepared) p.startCounting();
for (let i = 0; i < SAMPLES; i++) for (const p of prepared) p.run(i);
const levels: Level[] = prepared.map((p) => p.result());
for (const l of levels) {
  console.log(
    `  ${String(l.size.toLocaleString('en')).padStart(8)} in the day: CPU per op (median) issue ${l.cpuUs.issue.toFixed(0).padStart(5)} µs · call next ${l.cpuUs.next.toFixed(0).padStart(5)} µs · finish ${l.cpuUs.finish.toFixed(0).padStart(5)} µs` +
      ` | per lifecycle ${l.perLifecycle.commits.toFixed(1)} commits, ${l.perLifecycle.statements.toFixed(1)} statements, ${l.perLifecycle.walPages.toFixed(1)} WAL pages`,
  );
}
for (const k of ['issue', 'next', 'finish'] as const) {
  const xs = levels.map((l) => l.cpuUs[k]);
  console.log(`  ${k.padEnd(6)} largest / smallest: ${(Math.max(...xs) / Math.min(...xs)).toFixed(2)}×`);
}
