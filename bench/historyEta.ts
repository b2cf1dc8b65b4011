// `npm run bench:history`: the kiosk's two requests against a real `serve` process on a database
// with a long history and a long morning line — POST /api/tickets (take a number: its answer
// carries people ahead and the estimate) and GET /api/services (every tile's estimate), p50/p99
// over HTTP. Also the forecast alone (shared/etaForecast.ts) on 1,000 and 10,000 waiting tickets.
//
//   BENCH_HISTORY   tickets of history asked for (default 200,000 so the run stays short); the
//                   generator closes Sundays and half of Saturdays, so ≈ 0.8 of it is written:
//                   1240000 gives the ≈ 1,000,000 of a busy centre's year the issue talks about
//   BENCH_WAITING   tickets waiting this morning (default 1,000), across 40 open counters
//   BENCH_REQUESTS  requests per measurement (default 200)
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/host/db/openDatabase';
import { businessDay } from '../shared/businessDay';
import { forecastQueue } from '../shared/etaForecast';
import type { ForecastCounter, ForecastTicket } from '../shared/etaForecast';
import { generateHistory } from '../test/helpers/reportDataset';
import { prng } from '../test/helpers/prng';
import { startServe } from '../test/helpers/serveProcess';
import { BENCH_PIN, benchDevices, benchOffice } from './benchOffice';
import { machine, ms, summary } from './stats';

const HISTORY = Number(process.env.BENCH_HISTORY ?? 200_000);
const WAITING = Number(process.env.BENCH_WAITING ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const COUNTERS = 40;
const PER_DAY = 2900; // ≈ 1,000,000 a year with half Saturdays and closed Sundays

/** The play of the counters alone, on a synthetic line of `n` tickets over 6 services and 40 counters. */
function forecastAlone(n: number): { ms: number; placed: number } {
  const rnd = prng(n);
  const now = Date.now();
  const counters: ForecastCounter[] = Array.from({ length: COUNTERS }, (_, i) => ({ id: i + 1, serviceIds: [1 + (i % 6), 1 + ((i + 1) % 6)], freeInMinutes: rnd() * 10 }));
  const waiting: ForecastTicket[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    serviceId: 1 + Math.floor(rnd() * 6),
    priority: rnd() < 0.1,
    queuedAt: now - (n - i) * 2000,
    issueOrder: i,
    targetCounterId: null,
  }));
  const input = {
    now,
    counters,
    waiting,
    meanMinutes: (sid: number) => 5 + sid,
    arrivalsPerMinute: new Map([1, 2, 3, 4, 5, 6].map((s) => [s, 0.5] as [number, number])),
    strategy: { kind: 'alternate' as const, priorityRun: 3 },
    serviceAgingMinutes: 30,
    newTicketServices: [1, 2, 3, 4, 5, 6],
  };
  const placed = forecastQueue(input).tickets.size;
  // A host that has run a while has the play compiled: warm it up as such.
  for (let i = 0; i < 10; i++) forecastQueue(input);
  const runs = [0, 1, 2, 3, 4].map(() => {
    const t0 = performance.now();
    forecastQueue(input);
    return performance.now() - t0;
  });
  // Beyond the 10-hour horizon the capacity model takes over: those are not played.
  return { ms: runs.sort((a, b) => a - b)[2] as number, placed };
}

console.log(`motcua history bench — ${new Date().toISOString()} — ${machine()}`);
for (const n of [1000, 10_000]) {
  const f = forecastAlone(n);
  console.log(`  forecast alone, ${String(n).padStart(6)} waiting, 40 counters (median of 5): ${ms(f.ms)}, ${f.placed} placed within 10 h`);
}
const dir = benchOffice(COUNTERS, 2, 'motcua-history-');
const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups'), skipIntegrityCheck: true });
const days = Math.max(1, Math.ceil(HISTORY / PER_DAY));
const today = businessDay(Date.now(), 'Asia/Ho_Chi_Minh', 0);
const firstDay = new Date(Date.parse(`${today}T00:00:00Z`) - (days + 1) * 86_400_000).toISOString().slice(0, 10);
const g0 = performance.now();
const { tickets } = generateHistory(db, { days, ticketsPerDay: PER_DAY, firstDay });
// Past days are closed: nobody from them is still waiting.
db.prepare("UPDATE tickets SET state = 'cancelled', finished_at = issued_at + 60000 WHERE state = 'waiting'").run();
// This morning's line, straight into the table (the counters' triggers keep the day counts).
const rnd = prng(3);
const now = Date.now();
const seqs = new Map<number, number>();
let order = (db.prepare('SELECT max(issue_order) AS m FROM tickets').get() as { m: number }).m;
const prefix = new Map((db.prepare('SELECT id, prefix FROM services').all() as { id: number; prefix: string }[]).map((r) => [r.id, r.prefix]));
const ins = db.prepare(
  "INSERT INTO tickets (id, service_id, business_day, seq, number, priority, state, issued_at, queued_at, issue_order) VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)",
);
db.transaction(() => {
  for (let i = 0; i < WAITING; i++) {
    const sid = 1 + Math.floor(rnd() * 6);
    const seq = (seqs.get(sid) ?? 0) + 1;
    seqs.set(sid, seq);
    const at = now - (WAITING - i) * Math.floor((2 * 3_600_000) / WAITING);
    ins.run(`W${String(++order).padStart(12, '0')}`, sid, today, seq, `${prefix.get(sid)}${String(seq).padStart(5, '0')}`, rnd() < 0.1 ? 'elderly' : null, at, at, order);
  }
})();
const total = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
db.close();
console.log(`  history: ${tickets.toLocaleString('en')} tickets over ${days} days + ${WAITING} waiting = ${total.toLocaleString('en')} rows (${((performance.now() - g0) / 1000).toFixed(0)} s to generate)`);

const srv = await startServe(dir);
// The kiosk and the counter PCs are paired devices (issue #13).
const devices = benchDevices(dir, COUNTERS, 0);
const send = async (method: string, p: string, body?: unknown, device = devices.kiosk) => {
  const t0 = performance.now();
  const r = await fetch(srv.base + p, { method, headers: { 'x-device-token': device, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = (await r.json()) as Record<string, unknown>;
  if (r.status >= 400) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(json)}`);
  return { ms: performance.now() - t0, json };
};
for (let c = 1; c <= COUNTERS; c++) await send('POST', '/api/auth/login', { counterId: c, officerId: c, pin: BENCH_PIN }, devices.counters[c]);
await send('GET', '/api/services');

const issue = () => send('POST', '/api/tickets', { serviceId: 1 + Math.floor(rnd() * 6), priority: rnd() < 0.1 ? 'elderly' : null });
const row = (label: string, samples: number[]) => {
  const s = summary(samples);
  console.log(`  ${label.padEnd(58)} p50 ${ms(s.p50).padStart(9)}   p99 ${ms(s.p99).padStart(9)}   max ${ms(s.max).padStart(9)}`);
};
const posts: number[] = [];
for (let i = 0; i < REQUESTS; i++) posts.push((await issue()).ms);
row(`POST /api/tickets (${REQUESTS} in a row)`, posts);
const gets: number[] = [];
for (let i = 0; i < REQUESTS; i++) gets.push((await send('GET', '/api/services')).ms);
row(`GET /api/services (${REQUESTS} in a row, no change between)`, gets);
const mixedPost: number[] = [];
const mixedGet: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  mixedPost.push((await issue()).ms);
  // What a kiosk does on the event of that issue: refetch its tiles.
  mixedGet.push((await send('GET', '/api/services')).ms);
}
row('POST /api/tickets, each followed by the kiosk refetch', mixedPost);
row('GET /api/services right after each issue', mixedGet);
srv.child.kill('SIGTERM');


