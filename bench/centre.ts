// `npx tsx bench/centre.ts`: the sample provincial centre (MOTCUA_SEED=centre) under a full line —
// 40 counters open, 2,000 tickets waiting across 100 procedures — issue and call-next latency
// in-process on a durable file, and the size of the display's answer (whole centre and one floor).
// Issue #15 asks p99 ≤ 5 ms and ≤ 20 KB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { QueueService } from '../electron/host/queue/queueService';
import { machine, ms, summary } from './stats';

export function runCentre(waiting = 2000, samples = 400): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-centre-'));
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups') });
  seedIfEmpty(db, { adminPassword: 'bench', alwaysOpen: true, sample: 'centre' });
  const queue = new QueueService({ db });
  const services = queue.views.listServices().map((s) => s.id);
  const counters = queue.views.listCounters().map((c) => c.id);
  counters.forEach((c, i) => queue.counters.open(c, i + 1));
  for (let i = 0; i < waiting; i++) queue.issuer.issue({ serviceId: services[i % services.length] as number });

  const issueMs: number[] = [];
  const nextMs: number[] = [];
  for (let i = 0; i < samples; i++) {
    let a = performance.now();
    queue.issuer.issue({ serviceId: services[(i * 7) % services.length] as number });
    issueMs.push(performance.now() - a);
    const counter = counters[i % counters.length] as number;
    const current = queue.calling.current(counter);
    const actor = { counterId: counter, officerId: (i % counters.length) + 1, admin: false };
    if (current) queue.lifecycle.finish(current.id, actor);
    a = performance.now();
    queue.calling.callNext(counter, actor);
    nextMs.push(performance.now() - a);
  }
  const issue = summary(issueMs);
  const next = summary(nextMs);
  const kb = (o: unknown) => `${(Buffer.byteLength(JSON.stringify(o)) / 1024).toFixed(1)} KB`;
  const out = {
    machine: machine(),
    line: `${waiting} waiting, 40 counters, 100 procedures`,
    'issue p50 / p99': `${ms(issue.p50)} / ${ms(issue.p99)}`,
    'call-next p50 / p99': `${ms(next.p50)} / ${ms(next.p99)}`,
    'display, whole centre': kb(queue.views.display()),
    'display, floor 2': kb(queue.views.display(2)),
    'kiosk service list': kb(queue.views.listServices()),
  };
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

if (process.argv[1]?.endsWith('centre.ts')) console.log(runCentre());
