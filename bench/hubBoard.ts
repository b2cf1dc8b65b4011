// The live board's figures for `npm run bench:hub` (issue #29), kept apart from bench/hub.ts:
// - boardP99Ms: the board's query (every office's line now) over all the hub's offices, many runs.
// - syncLagP99Ms: a number issued at a real office host (SQLite commit, its real sync worker at its
//   default pace) until a signed-in board socket receives that office's fresh row, while a hundred
//   other offices push their own numbers about once a second each.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startHost } from '../electron/host/host';
import { OutboxReader } from '../electron/host/province/outboxReader';
import { joinProvince } from '../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../electron/host/province/provinceLinkFile';
import { boardDay, boardRows } from '../hub/board/boardQuery';
import type { Hub } from '../hub/hub';
import { HubClient, PushingOffice, health, ticketEvent } from '../test/helpers/hubClient';
import { summary } from './stats';

const BOARD_RUNS = Number(process.env.HUB_BENCH_BOARD_RUNS ?? 300);
const LAG_SAMPLES = Number(process.env.HUB_BENCH_LAG_SAMPLES ?? 100);
const LOAD_OFFICES = Number(process.env.HUB_BENCH_LAG_OFFICES ?? 100);
const TZ = 'Asia/Ho_Chi_Minh';

export async function boardBench(o: { hub: Hub; work: string; log: (line: string) => void }): Promise<{ boardP99Ms: number; syncLagP99Ms: number }> {
  const { hub, log } = o;
  // 1. The board's query, as the socket and GET /hub/api/board run it.
  const offices = (await boardRows(hub.db.pool, { now: Date.now(), timeZone: TZ, offices: null })).length;
  const times: number[] = [];
  for (let i = 0; i < BOARD_RUNS; i++) {
    const t = performance.now();
    await boardRows(hub.db.pool, { now: Date.now(), timeZone: TZ, offices: null });
    times.push(performance.now() - t);
  }
  const board = summary(times);
  const boardP99Ms = Number(board.p99.toFixed(2));
  log(`4. board query over ${offices} offices, ${BOARD_RUNS} runs: p50 ${board.p50.toFixed(2)} ms, p99 ${boardP99Ms} ms`);

  // 2. Sync lag: a province admin's board socket, a real office, and a hundred pushing beside it.
  if (!hub.setupUrl) throw new Error('bench hub already has an admin');
  const admin = new HubClient(hub.port);
  const setup = await admin.post('/hub/api/setup', { token: new URL(hub.setupUrl).searchParams.get('token'), name: 'bench.admin', password: 'Bench-tinh-2026-an-toan' });
  if (setup.status !== 201) throw new Error(`setup ${setup.status}`);
  const dir = path.join(o.work, 'lag-office');
  const office = await startHost({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => undefined, version: 'bench', staticDir: path.join(dir, 'none'), resourcesDir: path.resolve('resources'), adminPassword: 'bench-admin-password', officerPins: ['481516', '234223', '358132', '427183'], seedAlwaysOpen: true, backups: false, issueRatePerMinute: 0 });
  const { office: row, code } = await hub.offices.add('Văn phòng đo độ trễ');
  await joinProvince({ hubUrl: `http://127.0.0.1:${hub.port}`, code, links: new ProvinceLinkFile(dir), outbox: new OutboxReader(office.db) });
  const others: PushingOffice[] = [];
  for (let i = 0; i < LOAD_OFFICES; i++) others.push(await PushingOffice.join(hub, `Văn phòng tải ${i + 1}`, `127.0.1.${i + 1}`));
  const { ws, messages } = await admin.board();
  let stop = false;
  const { day } = boardDay(Date.now(), TZ);
  const load = others.map(async (p, i) => {
    await new Promise((r) => setTimeout(r, (i * 1000) / others.length));
    let n = 0;
    while (!stop) {
      const t = Date.now();
      await p.push([ticketEvent('ticket.issued', { id: `L${i}-${n++}`, businessDay: day, issuedAt: t }, t)], health());
      await new Promise((r) => setTimeout(r, 800 + Math.random() * 400));
    }
  });
  let waiting = 0;
  const seen = () => messages.some((m) => m.type === 'row' && m.row.officeId === row.id && m.row.waiting >= waiting);
  const lags: number[] = [];
  for (let i = 0; i < LAG_SAMPLES; i++) {
    // At a random moment of the office's push rhythm, as citizens arrive.
    await new Promise((r) => setTimeout(r, Math.random() * 1000));
    messages.length = 0;
    const t = performance.now();
    office.queue.issuer.issue({ serviceId: 1 + (i % 6) });
    waiting++;
    while (!seen()) {
      if (performance.now() - t > 15_000) throw new Error(`no board row for issue ${i} within 15 s`);
      await new Promise((r) => setTimeout(r, 2));
    }
    lags.push(performance.now() - t);
  }
  stop = true;
  await Promise.all(load);
  ws.close();
  await office.close();
  const lag = summary(lags);
  const syncLagP99Ms = Math.round(lag.p99);
  log(`5. sync lag, office commit → board socket (office pushes every ${1000} ms when idle; ${LOAD_OFFICES} others pushing): p50 ${Math.round(lag.p50)} ms, p99 ${syncLagP99Ms} ms, max ${Math.round(lag.max)} ms over ${LAG_SAMPLES}`);
  return { boardP99Ms, syncLagP99Ms };
}

