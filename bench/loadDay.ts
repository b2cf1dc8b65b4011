// `npm run bench:load`: a provincial centre's day against a real `serve` process — 3,000 tickets,
// 40 counters, 300 phones following their ticket, 4 displays — at LOAD_SPEED× (default 60×: the
// 07:30–17:00 day takes 9.5 minutes). Prints call → event latency at every client (displays: the
// call event; phones: their service's "now calling" or their own call), refetches per phone, host
// CPU and RSS.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { prng } from '../test/helpers/prng';
import { startServe } from '../test/helpers/serveProcess';
import { BENCH_PIN, benchDevices, benchOffice } from './benchOffice';
import { machine, ms, summary } from './stats';

const SPEED = Number(process.env.LOAD_SPEED ?? 60);
const TICKETS = Number(process.env.LOAD_TICKETS ?? 3000);
const COUNTERS = 40;
const PHONES = 300;
const DISPLAYS = 4;
const DAY_MIN = 9.5 * 60;
const rnd = prng(99);
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const sleep = (simMinutes: number) => new Promise((r) => setTimeout(r, (simMinutes * 60_000) / SPEED));

function procStat(pid: number): { cpuTicks: number; rssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return { cpuTicks: Number(stat[11]) + Number(stat[12]), rssMb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 };
}

const dir = benchOffice(COUNTERS, 2, 'motcua-load-');

const srv = await startServe(dir);
const pid = srv.child.pid as number;
// The kiosk, the TVs and the counter PCs are paired devices; the phones are anonymous (issue #13).
const devices = benchDevices(dir, COUNTERS, DISPLAYS);
const json = async (method: string, p: string, device: string, body?: unknown, cookie?: string) => {
  const r = await fetch(srv.base + p, { method, headers: { 'x-device-token': device, ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '', body: (await r.json()) as Record<string, unknown> };
};
const cookies: string[] = [];
for (let c = 1; c <= COUNTERS; c++) {
  const login = await json('POST', '/api/auth/login', devices.counters[c] as string, { counterId: c, officerId: c, pin: BENCH_PIN });
  if (login.status !== 200) throw new Error(`sign-in at counter ${c}: ${JSON.stringify(login.body)}`);
  cookies[c] = login.cookie;
}

// Displays: WebSocket + the refetch of /api/display the real screen does on each change.
// Keyed by counter: the event can arrive before the HTTP answer that says which ticket was called.
const sentAt = new Map<number, number>();
const latencies: number[] = [];
const phoneLatencies: number[] = [];
let displayFetches = 0;
let phoneFetches = 0;
const sockets: WebSocket[] = [];
interface Msg {
  type: string;
  ticket?: { serviceId: number };
  counter?: { number: number };
  nowCalling?: { counterNumber: number } | null;
  status?: { state: string; counter: { number: number } | null };
}
// Each phone from an address of its own (127.0.x.y), as on the Wi-Fi: the host caps what one address may hold.
const phoneAddress = (p: number) => `127.0.${1 + Math.floor(p / 200)}.${10 + (p % 200)}`;
const open = (onMsg: (m: Msg) => void, device?: string, query = '', localAddress?: string) =>
  new Promise<WebSocket>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/api/events${query}`, { ...(device ? { headers: { 'x-device-token': device } } : {}), ...(localAddress ? { localAddress } : {}) });
    ws.on('message', (d) => onMsg(JSON.parse(String(d))));
    ws.on('open', () => resolve(ws));
    sockets.push(ws);
  });
for (let d = 0; d < DISPLAYS; d++) {
  let pending = false;
  const device = devices.displays[d] as string;
  await open((m) => {
    if (m.type === 'ticket.called' && m.counter) {
      const t0 = sentAt.get(m.counter.number);
      if (t0 !== undefined) latencies.push(performance.now() - t0);
    }
    if (m.type.startsWith('ticket.') && !pending) {
      pending = true;
      setTimeout(() => {
        pending = false;
        displayFetches++;
        void fetch(`${srv.base}/api/display`, { headers: { 'x-device-token': device } }).then((r) => r.text());
      }, 60);
    }
  }, device);
}

// Phones: each follows its own ticket from the moment it is issued, as /t/:id does — a socket
// that hears only that ticket and its service's "now calling", and a fetch of the ticket on each
// (re)connect (the hello).
const phoneFetchesOf: number[] = [];
const phoneSockets: Promise<WebSocket>[] = [];
let phonePushes = 0;
const followTicket = (id: string) => {
  const p = phoneFetchesOf.length;
  phoneFetchesOf.push(0);
  phoneSockets.push(
    open(
      (m) => {
        if (m.type === 'hello') {
          phoneFetches++;
          phoneFetchesOf[p]!++;
          void fetch(`${srv.base}/api/tickets/${id}`).then((r) => r.text());
          return;
        }
        phonePushes++;
        const counter = m.type === 'track.calling' ? m.nowCalling?.counterNumber : m.type === 'track.status' && m.status?.state === 'called' ? m.status.counter?.number : undefined;
        const t0 = counter === undefined ? undefined : sentAt.get(counter);
        if (t0 !== undefined) phoneLatencies.push(performance.now() - t0);
      },
      undefined,
      `?track=${id}`,
      phoneAddress(p),
    ),
  );
};

const cpu0 = procStat(pid);
const wall0 = performance.now();
const rss: number[] = [];
const sampler = setInterval(() => rss.push(procStat(pid).rssMb), 2000);

// Arrivals: 3,000 over the day with peaks after 07:30 and 13:30, none at lunch.
const weight = (min: number) => (min >= 240 && min < 360 ? 0 : min < 90 || (min >= 360 && min < 420) ? 1.8 : 1);
const times: number[] = [];
while (times.length < TICKETS) {
  const t = rnd() * DAY_MIN;
  if (rnd() * 1.8 < weight(t)) times.push(t);
}
times.sort((a, b) => a - b);
let issued = 0;
const arrivals = (async () => {
  let simNow = 0;
  for (const t of times) {
    await sleep(t - simNow);
    simNow = t;
    const r = await json('POST', '/api/tickets', devices.kiosk, { serviceId: 1 + Math.floor(rnd() * 6) });
    if (r.status !== 201) continue;
    issued++;
    // Every tenth citizen scans the QR (300 of 3,000).
    if (issued % Math.max(1, Math.floor(TICKETS / PHONES)) === 0 && phoneFetchesOf.length < PHONES) followTicket(String(r.body.id));
  }
})();
let calls = 0;
let stop = false;
const counterLoop = async (c: number) => {
  while (!stop) {
    sentAt.set(c, performance.now());
    // The call event can arrive before the answer: the stamp stays until the next call of this counter.
    const r = await fetch(`${srv.base}/api/counters/${c}/next`, { method: 'POST', headers: { 'x-device-token': devices.counters[c] as string, cookie: cookies[c] as string } });
    const body = (await r.json()) as { id?: string };
    if (r.status !== 200 || !body.id) {
      await sleep(1);
      continue;
    }
    calls++;
    await sleep(Math.exp(Math.log(12) + 0.5 * normal()));
  }
};
const loops = Array.from({ length: COUNTERS }, (_, i) => counterLoop(i + 1));
await arrivals;
await sleep(60); // an hour after the last arrival for the queue to drain
stop = true;
await Promise.all(loops);
clearInterval(sampler);
const cpu1 = procStat(pid);
const wallS = (performance.now() - wall0) / 1000;
const ticksPerS = 100;
await Promise.all(phoneSockets);
const s = summary(latencies);
const sp = summary(phoneLatencies);
const all = summary([...latencies, ...phoneLatencies]);
const perPhone = [...phoneFetchesOf].sort((a, b) => a - b);
console.log(`motcua load day — ${new Date().toISOString()} — ${machine()} — ${SPEED}× speed`);
console.log(`  tickets issued / calls / WebSocket clients            ${issued} / ${calls} / ${DISPLAYS + phoneFetchesOf.length}`);
console.log(`  call → display event p50 / p99 / max                  ${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)} (${s.n} samples, ${DISPLAYS} displays)`);
console.log(`  call → phone event p50 / p99 / max                    ${ms(sp.p50)} / ${ms(sp.p99)} / ${ms(sp.max)} (${sp.n} samples)`);
console.log(`  call → event at every client p50 / p99 / max          ${ms(all.p50)} / ${ms(all.p99)} / ${ms(all.max)}`);
console.log(`  host CPU over the run                                 ${(((cpu1.cpuTicks - cpu0.cpuTicks) / ticksPerS / wallS) * 100).toFixed(1)} % of one core`);
console.log(`  host RSS min / max                                    ${Math.min(...rss).toFixed(0)} / ${Math.max(...rss).toFixed(0)} MB`);
console.log(`  display refetches / phone refetches                   ${displayFetches} / ${phoneFetches} (pushed to phones: ${phonePushes})`);
console.log(`  refetches per phone: median / max                     ${perPhone[Math.floor(perPhone.length / 2)] ?? 0} / ${perPhone.at(-1) ?? 0} over ${perPhone.length} phones`);
for (const ws of sockets) ws.close();
for (const ws of await Promise.all(phoneSockets)) ws.close();
// The host writes its last log lines as it stops: remove its folder after it has exited.
const exited = new Promise((r) => srv.child.once('exit', r));
srv.child.kill('SIGTERM');
await exited;
fs.rmSync(dir, { recursive: true, force: true });
