// p99 from a counter pressing "next" (HTTP POST sent) to the ticket.called event arriving on each
// of 200 WebSocket clients (half paired displays hearing the full event, half phones hearing the
// public view), with 50 counters calling, against a real `serve` child process.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startServe } from '../test/helpers/serveProcess';
import { BENCH_PIN, benchDevices, benchOffice } from './benchOffice';
import { ms, summary } from './stats';

const COUNTERS = 50;
const CLIENTS = 200;
const ROUNDS = 10;

export async function runEventLatency(): Promise<Record<string, string>> {
  const dir = benchOffice(COUNTERS, 1, 'motcua-bench-ws-');
  const srv = await startServe(dir);
  try {
    const devices = benchDevices(dir, COUNTERS, CLIENTS / 2);
    const post = async (p: string, device: string, body?: unknown, cookie?: string) => {
      const r = await fetch(srv.base + p, {
        method: 'POST',
        headers: { 'x-device-token': device, ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: r.status, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '', json: await r.json() };
    };
    const cookies: string[] = [];
    for (let c = 1; c <= COUNTERS; c++) {
      const login = await post('/api/auth/login', devices.counters[c] as string, { counterId: c, officerId: c, pin: BENCH_PIN });
      if (login.status !== 200) throw new Error(`sign-in at counter ${c}: ${JSON.stringify(login.json)}`);
      cookies[c] = login.cookie;
    }
    const counterServices = [1, 2, 3, 4].map((c) => [[1, 2], [2, 1, 4], [3, 6], [5, 4, 6]][c - 1]![0]!);
    for (let i = 0; i < COUNTERS * (ROUNDS + 1); i++) {
      const sid = i < 4 * (ROUNDS + 1) ? counterServices[i % 4]! : ((i % COUNTERS) % 6) + 1;
      await post('/api/tickets', devices.kiosk, { serviceId: sid });
    }

    const sentAt = new Map<number, number>();
    const samples: number[] = [];
    const sockets = await Promise.all(
      Array.from(
        { length: CLIENTS },
        (_, i) =>
          new Promise<WebSocket>((resolve, reject) => {
            const display = i % 2 === 0 ? devices.displays[i / 2] : undefined;
            // Phones each from an address of their own, as on the Wi-Fi (the host caps one address's streams).
            const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/api/events`, display ? { headers: { 'x-device-token': display } } : { localAddress: `127.0.0.${10 + i}` });
            ws.on('message', (data) => {
              const m = JSON.parse(String(data)) as { type: string; counter?: { number: number } };
              if (m.type !== 'ticket.called' || !m.counter) return;
              const t = sentAt.get(m.counter.number);
              if (t !== undefined) samples.push(performance.now() - t);
            });
            ws.on('open', () => resolve(ws));
            ws.on('error', reject);
          }),
      ),
    );

    const start = performance.now();
    let calls = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        Array.from({ length: COUNTERS }, async (_, i) => {
          const c = i + 1;
          sentAt.set(c, performance.now());
          const r = await post(`/api/counters/${c}/next`, devices.counters[c] as string, undefined, cookies[c]);
          if (r.status === 200) calls++;
        }),
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - start) / 1000;
    for (const ws of sockets) ws.close();
    const s = summary(samples);
    return {
      'counters / WebSocket clients (displays + phones)': `${COUNTERS} / ${CLIENTS} (${CLIENTS / 2} + ${CLIENTS / 2})`,
      'calls made': String(calls),
      'events delivered': String(s.n),
      'call → event p50 / p99 / max': `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)}`,
      'calls per second (50 counters at once)': (calls / seconds).toFixed(0),
    };
  } finally {
    srv.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
