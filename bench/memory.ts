// `npm run bench:memory`: a real `serve` process (what `npm run serve` runs) through MEM_TICKETS
// tickets (default 100,000), each issued by a paired kiosk, called and finished over HTTP by
// signed-in counters, with the host's resident memory sampled as it goes. Goal (#14): RSS at the
// end ≤ 130 MB and flat over the last half (least-squares slope). MEM_COUNTERS sets how many
// counters work at once (default 4); MOTCUA_SERVE_FROM_SOURCE=1 runs the sources through tsx instead.
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { startServe } from '../test/helpers/serveProcess';
import { benchDevices, benchOffice, benchSender, signInBenchCounters } from './benchOffice';
import { machine } from './stats';

const TICKETS = Number(process.env.MEM_TICKETS ?? 100_000);
const COUNTERS = Number(process.env.MEM_COUNTERS ?? 4);
const SAMPLES = 20;
const GOAL_MB = 130;

function statusMb(pid: number, field: string): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}
const rssMb = (pid: number) => statusMb(pid, 'VmRSS');
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(stat[11]) + Number(stat[12])) / 100;
}

const dir = benchOffice(COUNTERS, 2, 'motcua-bench-mem-');
const srv = await startServe(dir, process.env.MEM_NODE_OPTIONS ? { NODE_OPTIONS: process.env.MEM_NODE_OPTIONS } : {});
const pid = srv.child.pid as number;
// MEM_HOST_LOG=file keeps the host's own output (e.g. with MEM_NODE_OPTIONS=--trace-gc) for a look afterwards.
if (process.env.MEM_HOST_LOG) srv.child.stdout?.on('data', (d) => fs.appendFileSync(process.env.MEM_HOST_LOG as string, d));
const devices = benchDevices(dir, COUNTERS, 0);
const send = benchSender(srv.base);
const cookies = await signInBenchCounters(send, devices, COUNTERS);
// A service each counter serves (its first in order), so its own call finds the ticket it issued or another.
const served = new Map<number, number>();
const services = (await send('GET', '/api/services', devices.kiosk)).body as unknown as { id: number }[];
const serviceIds = (Array.isArray(services) ? services : ((services as { services?: { id: number }[] }).services ?? [])).map((s) => s.id);
const idle = rssMb(pid);
console.log(`motcua memory — ${new Date().toISOString()} — ${machine()} — load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  ${TICKETS.toLocaleString('en')} tickets issue → call → finish over HTTP, ${COUNTERS} signed-in counters; ${process.env.MOTCUA_SERVE_FROM_SOURCE === '1' ? 'sources through tsx' : 'host bundle (dist/host)'}`);
console.log(`  RSS idle after start: ${idle.toFixed(1)} MB`);
// RssFile is mostly the Node binary's code pages (shared with every other Node process); RssAnon is
// what the host itself holds: the JS heap, SQLite's page cache, malloc's arenas.
console.log('     tickets   RSS MB   anon MB   file MB   lifecycles/s');

let done = 0;
let issuedCount = 0;
const points: [number, number][] = [];
const every = Math.max(1, Math.floor(TICKETS / SAMPLES));
let lastT = performance.now();
const cpu0 = cpuSeconds(pid);
const t0 = performance.now();
const sample = () => {
  const r = rssMb(pid);
  const now = performance.now();
  points.push([done, r]);
  const anon = statusMb(pid, 'RssAnon').toFixed(1).padStart(7);
  const file = statusMb(pid, 'RssFile').toFixed(1).padStart(7);
  console.log(`  ${String(done).padStart(10)}   ${r.toFixed(1).padStart(6)}   ${anon}   ${file}   ${((every / (now - lastT)) * 1000).toFixed(0).padStart(12)}`);
  lastT = now;
};

const loop = async (c: number) => {
  let k = 0;
  while (issuedCount < TICKETS) {
    issuedCount++;
    const sid = served.get(c) ?? (serviceIds[(c + k++) % serviceIds.length] as number);
    const issued = await send('POST', '/api/tickets', devices.kiosk, { serviceId: sid });
    if (issued.status !== 201) throw new Error(`issue: ${issued.status} ${JSON.stringify(issued.body)}`);
    const called = await send('POST', `/api/counters/${c}/next`, devices.counters[c] as string, undefined, cookies[c]);
    const id = called.body.id as string | undefined;
    if (called.status !== 200 || !id) {
      // This counter does not serve that service: remember one it does (any ticket it called).
      continue;
    }
    served.set(c, Number(called.body.serviceId));
    const fin = await send('POST', `/api/tickets/${id}/finish`, devices.counters[c] as string, {}, cookies[c]);
    if (fin.status !== 200) throw new Error(`finish: ${fin.status} ${JSON.stringify(fin.body)}`);
    done++;
    if (done % every === 0) sample();
  }
};
await Promise.all(Array.from({ length: COUNTERS }, (_, i) => loop(i + 1)));
// What is still waiting (a call that found nothing of its own services) is called by whoever serves it.
for (let c = 1; c <= COUNTERS; c++) {
  for (;;) {
    const called = await send('POST', `/api/counters/${c}/next`, devices.counters[c] as string, undefined, cookies[c]);
    if (called.status !== 200 || !called.body.id) break;
    await send('POST', `/api/tickets/${String(called.body.id)}/finish`, devices.counters[c] as string, {}, cookies[c]);
    done++;
  }
}
const wall = (performance.now() - t0) / 1000;
const cpu = cpuSeconds(pid) - cpu0;
const final = rssMb(pid);
const tail = points.slice(Math.floor(points.length / 2));
const mx = tail.reduce((s, p) => s + p[0], 0) / tail.length;
const my = tail.reduce((s, p) => s + p[1], 0) / tail.length;
const slope = tail.length > 1 ? tail.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / tail.reduce((s, p) => s + (p[0] - mx) ** 2, 0) : NaN;
const perHundredK = slope * 100_000;
console.log(`  lifecycles finished ${done.toLocaleString('en')} in ${wall.toFixed(0)} s; host CPU ${cpu.toFixed(0)} s (${((cpu / done) * 1000).toFixed(2)} ms per lifecycle)`);
console.log(`  RSS at the end ${final.toFixed(1)} MB (goal ≤ ${GOAL_MB}); max ${Math.max(final, ...points.map((p) => p[1])).toFixed(1)} MB; last-half trend ${perHundredK.toFixed(1)} MB per 100,000 tickets`);
console.log(`  verdict: ${final <= GOAL_MB ? 'within the goal' : 'OVER THE GOAL'}, ${perHundredK > 5 ? 'GROWING' : perHundredK < -5 ? 'falling' : 'flat'} over the last half`);
srv.child.kill('SIGTERM');
await new Promise((r) => srv.child.once('exit', r));
fs.rmSync(dir, { recursive: true, force: true });
