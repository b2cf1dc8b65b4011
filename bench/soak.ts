// `npm run bench:soak`: many lifecycles (issue → call → finish → rate) on a real file, sampling
// the process's resident memory, to show there is no growth trend (the "white screen after days
// of uptime" failure of other systems). SOAK_LIFECYCLES sets the count (default 1,000,000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { QueueService } from '../electron/host/queue/queueService';
import { machine } from './stats';

const total = Number(process.env.SOAK_LIFECYCLES ?? 1_000_000);
const samples = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-soak-'));
const db = openDatabase({ file: path.join(dir, 'soak.sqlite'), backupDir: path.join(dir, 'b'), skipIntegrityCheck: true });
seedIfEmpty(db, { adminPassword: 'x', alwaysOpen: true });
db.prepare('UPDATE services SET range_end = 999999').run();
let now = Date.UTC(2026, 0, 5, 1, 0);
const queue = new QueueService({ db, now: () => now });
const counters = [1, 2, 3, 4];
counters.forEach((c) => queue.counters.open(c, c));
const serviceOf = [1, 2, 3, 5];
let events = 0;
queue.onEvent(() => events++);

console.log(`motcua soak — ${new Date().toISOString()} — ${machine()} — ${total.toLocaleString('en')} lifecycles`);
console.log('  lifecycles   RSS MB   heap MB   lifecycles/s');
const points: [number, number][] = [];
let last = performance.now();
for (let i = 1; i <= total; i++) {
  const c = counters[i % 4] as number;
  const actor = { counterId: c, officerId: c, admin: false };
  const t = queue.issuer.issue({ serviceId: serviceOf[i % 4] as number });
  now += 1000;
  queue.calling.callSpecific(t.id, c, actor);
  now += 1000;
  queue.lifecycle.finish(t.id, actor);
  queue.ratings.rate({ ticketId: t.id, score: 1 + (i % 4) });
  // A new business day every 100,000 tickets keeps numbers in range, as real days would.
  if (i % 100_000 === 0) now += 86_400_000;
  if (i % Math.floor(total / samples) === 0) {
    if (global.gc) global.gc();
    const rss = process.memoryUsage().rss / 1048576;
    const heap = process.memoryUsage().heapUsed / 1048576;
    const t1 = performance.now();
    console.log(`  ${String(i).padStart(10)}   ${rss.toFixed(1).padStart(6)}   ${heap.toFixed(1).padStart(7)}   ${((total / samples / (t1 - last)) * 1000).toFixed(0).padStart(12)}`);
    last = t1;
    points.push([i, rss]);
  }
}
// Least-squares slope of RSS over the second half (after caches have filled), MB per 100k.
const tail = points.slice(Math.floor(points.length / 2));
const mx = tail.reduce((s, p) => s + p[0], 0) / tail.length;
const my = tail.reduce((s, p) => s + p[1], 0) / tail.length;
const slope = tail.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / tail.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
console.log(`  RSS trend over the second half: ${(slope * 100_000).toFixed(2)} MB per 100,000 lifecycles; events published: ${events.toLocaleString('en')}`);
console.log(`  verdict: ${Math.abs(slope * 100_000) < 1 ? 'no growth trend' : 'GROWTH — investigate'}`);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
