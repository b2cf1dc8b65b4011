// `npx tsx bench/centre.ts`: the sample provincial centre (MOTCUA_SEED=centre) under a full line —
// 40 counters open, 2,000 tickets waiting across 100 procedures — issue and call-next latency
// in-process on a durable file, and the size of the display's answer (whole centre and one floor).
// Issue #15 asks p99 ≤ 5 ms and ≤ 20 KB. The WAL is checkpointed on a timer between operations, as
// the host does (electron/host/db/walCheckpointer.ts); CENTRE_INLINE_CHECKPOINTS=1 leaves it to SQLite's
// default, inside the commits, for comparison. CENTRE_SAMPLES sets the number of issues and calls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { startWalCheckpointer } from '../electron/host/db/walCheckpointer';
import { QueueService } from '../electron/host/queue/queueService';
import { machine, ms, summary } from './stats';

export async function runCentre(waiting = 2000, samples = Number(process.env.CENTRE_SAMPLES ?? 1000)): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-centre-'));
  const file = path.join(dir, 'motcua.sqlite');
  const db = openDatabase({ file, backupDir: path.join(dir, 'backups') });
  const inline = process.env.CENTRE_INLINE_CHECKPOINTS === '1';
  const checkpoints = inline ? null : startWalCheckpointer(db, { log: (e) => console.error(e) });
  seedIfEmpty(db, { adminPassword: 'bench', alwaysOpen: true, sample: 'centre' });
  const queue = new QueueService({ db });
  const services = queue.views.listServices().map((s) => s.id);
  const counters = queue.views.listCounters().map((c) => c.id);
  counters.forEach((c, i) => queue.counters.open(c, i + 1));
  for (let i = 0; i < waiting; i++) queue.issuer.issue({ serviceId: services[i % services.length] as number });
  // The line formed over the morning: let the checkpoints of that catch up before timing.
  await new Promise((r) => setTimeout(r, 1500));

  const issueMs: number[] = [];
  const nextMs: number[] = [];
  // An office's counters do not call back to back: a few ms apart at the busiest.
  const pause = () => new Promise((r) => setTimeout(r, 2));
  for (let i = 0; i < samples; i++) {
    await pause();
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
    line: `${waiting} waiting, 40 counters, 100 procedures; ${samples} issues and calls; WAL checkpoints ${inline ? 'inside the commits (SQLite default)' : 'on a timer between operations (as the host)'}`,
    'issue p50 / p99': `${ms(issue.p50)} / ${ms(issue.p99)}`,
    'call-next p50 / p99': `${ms(next.p50)} / ${ms(next.p99)}`,
    'display, whole centre': kb(queue.views.display()),
    'display, floor 2': kb(queue.views.display(2)),
    'kiosk service list': kb(queue.views.listServices()),
  };
  checkpoints?.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

if (process.argv[1]?.endsWith('centre.ts')) console.log(await runCentre());
