// Lifecycle throughput on a durable database (WAL + synchronous=FULL, one transaction per step),
// beside raw single-row insert throughput with the same PRAGMAs, and per-operation latency.
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { QueueService } from '../electron/host/queue/queueService';
import { ms, summary } from './stats';

export function runQueueThroughput(lifecycles = 2000): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups') });
  seedIfEmpty(db, { adminPassword: 'bench', alwaysOpen: true });
  const queue = new QueueService({ db });
  queue.settings.set({ ...queue.settings.get(), ratingLevels: 4 });
  db.prepare('UPDATE services SET range_end = 999999').run();
  queue.counters.open(1, 1);
  const actor = { counterId: 1, officerId: 1, admin: false };

  const issueMs: number[] = [];
  const nextMs: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < lifecycles; i++) {
    let a = performance.now();
    const t = queue.issuer.issue({ serviceId: 1 });
    issueMs.push(performance.now() - a);
    a = performance.now();
    queue.calling.callNext(1, actor);
    nextMs.push(performance.now() - a);
    queue.lifecycle.finish(t.id, actor);
    queue.ratings.rate({ ticketId: t.id, score: 1 + (i % 4) });
  }
  const lifeSeconds = (performance.now() - t0) / 1000;
  const lifePerSec = lifecycles / lifeSeconds;

  // Raw: one durable single-row INSERT transaction at a time, the floor our operations sit on.
  db.exec('CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)');
  const ins = db.prepare('INSERT INTO bench_raw (a, b) VALUES (?, ?)');
  const rawN = lifecycles * 4;
  const r0 = performance.now();
  for (let i = 0; i < rawN; i++) db.transaction(() => ins.run('x', i)).immediate();
  const rawPerSec = rawN / ((performance.now() - r0) / 1000);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const issue = summary(issueMs);
  const next = summary(nextMs);
  return {
    'lifecycles (issue→call→finish→rate)': String(lifecycles),
    'lifecycle throughput': `${lifePerSec.toFixed(0)} /s`,
    'raw durable insert transactions': `${rawPerSec.toFixed(0)} /s`,
    'lifecycle ÷ raw insert (4 commits per lifecycle)': (lifePerSec / rawPerSec).toFixed(3),
    'issue p50 / p99': `${ms(issue.p50)} / ${ms(issue.p99)}`,
    'call-next p50 / p99': `${ms(next.p50)} / ${ms(next.p99)}`,
  };
}
