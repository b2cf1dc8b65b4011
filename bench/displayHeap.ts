// `npm run bench:display`: a call display left open through DISPLAY_CALLS calls (default 5,000) on a
// real `serve` process, in Chromium with sound allowed (as the desktop app's windows are), its JS
// heap measured after a forced GC as it goes. Goal (#31): flat — the player keeps a bounded history,
// and calls it could not speak in time are dropped, not queued. DISPLAY_CALL_MS is the pace (default
// one call every 100 ms: far faster than any hall, so the queue's drop rules are exercised too).
import os from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/browser';
import { startServe } from '../test/helpers/serveProcess';
import { benchDevices, benchOffice, benchSender, signInBenchCounters } from './benchOffice';
import { machine } from './stats';

const CALLS = Number(process.env.DISPLAY_CALLS ?? 5000);
const CALL_MS = Number(process.env.DISPLAY_CALL_MS ?? 100);
const COUNTERS = 8;
const SAMPLE_EVERY = Math.max(1, Math.round(CALLS / 10));

const dir = benchOffice(COUNTERS, 2, 'motcua-bench-display-');
const srv = await startServe(dir);
const devices = benchDevices(dir, COUNTERS, 1);
const send = benchSender(srv.base);
const cookies = await signInBenchCounters(send, devices, COUNTERS);
const services = (await send('GET', '/api/services', devices.kiosk)).body as unknown as { id: number }[];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
await ctx.addCookies([{ name: 'motcua_device', value: devices.displays[0] as string, url: srv.base }]);
const page = await ctx.newPage();
await page.goto(srv.base + '/display');
await page.waitForSelector('.display header .clock');
const cdp = await ctx.newCDPSession(page);
const heapMb = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return h.usedSize / 1048576;
};

console.log(`motcua display heap — ${new Date().toISOString()} — ${machine()} — load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  ${CALLS.toLocaleString('en')} calls over ${COUNTERS} counters, one every ${CALL_MS} ms, on one speaker display (Chromium, sound allowed)`);
const samples: { calls: number; mb: number }[] = [{ calls: 0, mb: await heapMb() }];
console.log(`  calls      0: heap ${samples[0]?.mb.toFixed(2)} MB`);
for (let i = 1; i <= CALLS; i++) {
  const counter = 1 + (i % COUNTERS);
  const issued = await send('POST', '/api/tickets', devices.kiosk, { serviceId: services[i % services.length]?.id });
  if (issued.status !== 201) throw new Error(`issue ${i}: ${JSON.stringify(issued.body)}`);
  // Call whatever this counter is given (finishing its last one first): one announcement each time.
  const next = await send('POST', `/api/counters/${counter}/next`, devices.counters[counter] as string, {}, cookies[counter]);
  if (next.status === 200) await send('POST', `/api/tickets/${String(next.body.id)}/finish`, devices.counters[counter] as string, {}, cookies[counter]);
  await new Promise((r) => setTimeout(r, CALL_MS));
  if (i % SAMPLE_EVERY === 0) {
    samples.push({ calls: i, mb: await heapMb() });
    const played = (await page.evaluate(() => (window as unknown as { __announcements: unknown[] }).__announcements.length)) as number;
    console.log(`  calls ${String(i).padStart(6)}: heap ${samples.at(-1)?.mb.toFixed(2)} MB, player history ${played} entries`);
  }
}
// Least-squares slope over the second half, MB per 1,000 calls.
const half = samples.slice(Math.floor(samples.length / 2));
const mx = half.reduce((s, p) => s + p.calls, 0) / half.length;
const my = half.reduce((s, p) => s + p.mb, 0) / half.length;
const slope = (half.reduce((s, p) => s + (p.calls - mx) * (p.mb - my), 0) / half.reduce((s, p) => s + (p.calls - mx) ** 2, 0)) * 1000;
await browser.close();
srv.child.kill();
const first = samples[0]?.mb ?? 0;
const last = samples.at(-1)?.mb ?? 0;
console.log(`  heap after GC: ${first.toFixed(2)} MB at start, ${last.toFixed(2)} MB after ${CALLS} calls; second-half slope ${slope.toFixed(3)} MB per 1,000 calls`);
console.log(JSON.stringify({ calls: CALLS, callMs: CALL_MS, heapStartMb: Number(first.toFixed(2)), heapEndMb: Number(last.toFixed(2)), slopeMbPer1000Calls: Number(slope.toFixed(3)) }));
