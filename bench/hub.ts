// `npm run bench:hub`: the province hub on its embedded PostgreSQL, on this machine (issue #29).
//
// 1. eventsPerSecond: 100 offices joined through the real join flow, each pushing a busy centre's
//    day of queue events (each with its ticket's copy) over HTTP in gzip batches (HUB_BENCH_EVENTS per office, 16 pushes in flight),
//    applied by the real hub: events applied per second, sustained over the whole run.
// 2. catchUpSeconds: a real office host (SQLite, its own sync worker) cut off from the hub for a
//    whole day — 3,000 tickets issued, called and finished — then the hub comes back: seconds until
//    the hub holds every event.
// 3. officeIssueRatio: issuing p99 at a real office whose sync worker points at an unreachable hub,
//    over the same office with no hub, measured alternately in the same run (goal ≤ 1.1).
// 4–5. boardP99Ms and syncLagP99Ms: the live board's query and an office's commit reaching a board
//    socket (bench/hubBoard.ts).
// 6. yearReportMs: a province's year (HUB_BENCH_YEAR_OFFICES × HUB_BENCH_YEAR_DAYS × 240 tickets, 5
//    events each: 100 × 250 ≈ 30 M events) made once in HUB_BENCH_DATA (default data/bench-hub,
//    reused by later runs), then the cross-office report over the whole year, 5 runs: the median
//    is yearReportMs, the worst is printed beside it; the hub process's memory before and after; and
//    the board's query on one of the year's days with the whole year in the database (boardP99Ms; the
//    live board's figure on a fresh database is boardP99TodayMs).
//
// The last line is one JSON object with the keys the issue names, for comparing runs.
import os from 'node:os';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { OutboxReader } from '../electron/host/province/outboxReader';
import { ProvinceLinkFile } from '../electron/host/province/provinceLinkFile';
import { startHost } from '../electron/host/host';
import type { Host } from '../electron/host/host';
import { startEmbeddedPostgres } from '../hub/db/embeddedPostgres';
import { startHub } from '../hub/hub';
import type { HubEvent, PushBatch } from '../shared/hubProtocol';
import { crossOfficeReport } from '../hub/reports/crossOfficeReport';
import { reportWorkbook } from '../hub/reports/reportWorkbook';
import { YEAR_FROM, YEAR_TO, ensureYear, prepareYearFolder } from './hubYear';
import { boardBench } from './hubBoard';
import { boardRows } from '../hub/board/boardQuery';
import { machine, summary } from './stats';
import fs from 'node:fs';
import path from 'node:path';

const OFFICES = Number(process.env.HUB_BENCH_OFFICES ?? 100);
const EVENTS_PER_OFFICE = Number(process.env.HUB_BENCH_EVENTS ?? 3000);
const BATCH = 500;
const IN_FLIGHT = 16;
const CATCH_UP_TICKETS = Number(process.env.HUB_BENCH_CATCHUP_TICKETS ?? 3000);
const ISSUE_SAMPLES = Number(process.env.HUB_BENCH_ISSUES ?? 1500);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-hub-'));
// Run as root, the embedded PostgreSQL is the "postgres" user: it must be able to pass through.
fs.chmodSync(work, 0o711);
const log = (line: string) => process.stdout.write(`${line}\n`);
log(`bench:hub on ${machine()}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const pg = await startEmbeddedPostgres(path.join(work, 'hub'));
const hub = await startHub({ port: 0, databaseUrl: pg.url, log: () => undefined });
const hubUrl = `http://127.0.0.1:${hub.port}`;

/** One ticket's life as the office records it: issued, called, serving, finished, rated. */
function ticketEvents(seq: number, at: number, ticket: number): HubEvent[] {
  const id = `T${ticket.toString(36).padStart(13, '0')}`;
  const serviceId = 1 + (ticket % 12);
  const counterId = 1 + (ticket % 40);
  const types = ['ticket.issued', 'ticket.called', 'ticket.serving', 'ticket.finished', 'ticket.rated'];
  const states = ['waiting', 'called', 'serving', 'done', 'done'] as const;
  // Each event carries the ticket as the office holds it when the batch is read, as offices send it.
  const day = new Date(at + 7 * 3600_000).toISOString().slice(0, 10);
  return types.map((type, i) => ({
    seq: seq + i,
    at: at + i * 60_000,
    type,
    ticketId: id,
    counterId: i === 0 ? null : counterId,
    serviceId,
    actor: i === 0 ? 'kiosk:1' : `counter:${counterId}`,
    payload: type === 'ticket.rated' ? { score: 3 } : {},
    ticket: {
      businessDay: day,
      serviceId,
      counterId: i === 0 ? null : counterId,
      officerId: i === 0 ? null : counterId,
      state: states[i] as (typeof states)[number],
      number: `A${String(ticket % 1000).padStart(3, '0')}`,
      priority: null,
      transferredFrom: null,
      issuedAt: at,
      calledAt: i >= 1 ? at + 60_000 : null,
      servingAt: i >= 2 ? at + 120_000 : null,
      finishedAt: i >= 3 ? at + 180_000 : null,
      rating: i === 4 ? { score: 3, levels: 4 } : null,
    },
  }));
}

// 1. Throughput.
const credentials: string[] = [];
for (let i = 0; i < OFFICES; i++) {
  const { code } = await hub.offices.add(`Văn phòng ${i + 1}`);
  credentials.push((await hub.offices.join(code)).credential);
}
const dayStart = Date.now() - 10 * 3600_000;
const jobs: { office: number; batch: PushBatch }[] = [];
for (let o = 0; o < OFFICES; o++) {
  let seq = 1;
  let ticket = 0;
  const events: HubEvent[] = [];
  while (events.length < EVENTS_PER_OFFICE) {
    events.push(...ticketEvents(seq, dayStart + ticket * 12_000, o * 100_000 + ticket));
    seq += 5;
    ticket++;
  }
  for (let i = 0; i < events.length; i += BATCH) jobs.push({ office: o, batch: { generation: `bench-gen-${o}`, baseSeq: 0, sentAt: Date.now(), events: events.slice(i, i + BATCH) } });
}
// Each office's batches in order (a later one would be a gap), offices interleaved.
const queues = Array.from({ length: OFFICES }, (_, o) => jobs.filter((j) => j.office === o));
const bodies = new Map(jobs.map((j) => [j, zlib.gzipSync(JSON.stringify(j.batch))]));
let applied = 0;
const t0 = performance.now();
let next = 0;
async function worker() {
  for (;;) {
    const o = next++ % OFFICES;
    const q = queues[o];
    const job = q?.shift();
    if (!job) {
      if (queues.every((x) => x.length === 0)) return;
      continue;
    }
    const res = await fetch(`${hubUrl}/hub/api/push`, { method: 'POST', headers: { authorization: `Bearer ${credentials[job.office]}`, 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: bodies.get(job) });
    if (res.status === 409) {
      // Another worker's earlier batch of this office has not landed yet: put it back.
      q?.unshift(job);
      await res.arrayBuffer();
      continue;
    }
    if (!res.ok) throw new Error(`push ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    applied += job.batch.events.length;
  }
}
await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
const seconds = (performance.now() - t0) / 1000;
const eventsPerSecond = Math.round(applied / seconds);
const held = Number((await hub.db.pool.query('SELECT count(*) AS n FROM events')).rows[0].n);
log(`1. ${OFFICES} offices × ${EVENTS_PER_OFFICE} events: ${applied} applied in ${seconds.toFixed(1)} s = ${eventsPerSecond} events/s (hub holds ${held})`);

// 2. A day offline, then the link returns.
async function officeHost(dir: string): Promise<Host> {
  return startHost({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => undefined, version: 'bench', staticDir: path.join(dir, 'none'), resourcesDir: path.resolve('resources'), adminPassword: 'bench-admin-password', officerPins: ['481516', '234223', '358132', '427183'], seedAlwaysOpen: true, backups: false, issueRatePerMinute: 0, provinceIdleMs: 200 });
}
const offDir = path.join(work, 'offline-office');
const off = await officeHost(offDir);
const { code: offCode } = await hub.offices.add('Văn phòng mất mạng');
const joined = await hub.offices.join(offCode);
// Joined while the link worked; then cut off (an address where nothing answers).
const base = new OutboxReader(off.db).lastSeq();
new ProvinceLinkFile(offDir).write({ hubUrl: 'http://127.0.0.1:9', officeId: joined.officeId, officeName: joined.name, credential: joined.credential, generation: 'bench-offline', baseSeq: base, ackedSeq: base, highestSeq: base, joinedAt: Date.now(), lastPushAt: null, lastError: null, generationReason: null });
for (let i = 0; i < 4; i++) off.queue.counters.open(i + 1, i + 1);
for (let i = 0; i < CATCH_UP_TICKETS; i++) {
  off.queue.issuer.issue({ serviceId: 1 + (i % 6) });
  if (i % 2 === 1) {
    for (let c = 1; c <= 4; c++) {
      // A counter whose services have nobody waiting just waits, as at a real desk.
      let t: ReturnType<typeof off.queue.calling.callNext> | null = null;
      try {
        t = off.queue.calling.callNext(c, { counterId: c, officerId: c, admin: false });
      } catch (e) {
        if ((e as { code?: string }).code !== 'QUEUE_EMPTY') throw e;
      }
      if (t) off.queue.lifecycle.finish(t.id, { counterId: c, officerId: c, admin: false });
    }
  }
}
const pending = new OutboxReader(off.db).lastSeq() - base;
const link = new ProvinceLinkFile(offDir);
link.write({ ...(link.read() as NonNullable<ReturnType<typeof link.read>>), hubUrl });
const c0 = performance.now();
off.province.kick();
while ((link.read()?.ackedSeq ?? 0) < base + pending) await new Promise((r) => setTimeout(r, 20));
const catchUpSeconds = Number(((performance.now() - c0) / 1000).toFixed(2));
log(`2. a day offline (${CATCH_UP_TICKETS} tickets, ${pending} events): caught up in ${catchUpSeconds} s`);
await off.close();

// 3. Issuing with the hub unreachable vs no hub at all, alternated.
const plainDir = path.join(work, 'no-hub');
const cutDir = path.join(work, 'hub-unreachable');
const plain = await officeHost(plainDir);
const cut = await officeHost(cutDir);
new ProvinceLinkFile(cutDir).write({ hubUrl: 'http://127.0.0.1:9', officeId: 'o_bench', officeName: 'bench', credential: 'x'.repeat(43), generation: 'bench-cut', baseSeq: 0, ackedSeq: 0, highestSeq: 0, joinedAt: Date.now(), lastPushAt: null, lastError: null, generationReason: null });
const samples: Record<'plain' | 'cut', number[]> = { plain: [], cut: [] };
for (let i = 0; i < ISSUE_SAMPLES; i++) {
  for (const [name, h] of [['plain', plain], ['cut', cut]] as const) {
    const s = performance.now();
    h.queue.issuer.issue({ serviceId: 1 + (i % 6) });
    samples[name].push(performance.now() - s);
  }
  // Let the workers' timers run between issues, as a kiosk's pace would.
  if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
}
const p = summary(samples.plain);
const q = summary(samples.cut);
const officeIssueRatio = Number((q.p99 / p.p99).toFixed(3));
log(`3. issue p99: no hub ${p.p99.toFixed(3)} ms, hub unreachable ${q.p99.toFixed(3)} ms → ratio ${officeIssueRatio}`);
await plain.close();
await cut.close();

// 4–5. The live board.
const { boardP99Ms, syncLagP99Ms } = await boardBench({ hub, work, log });

await hub.close();
await pg.stop();
fs.rmSync(work, { recursive: true, force: true });

// 4. A province's year, read from rollups (HUB_BENCH_YEAR_OFFICES=0 leaves it out).
let yearReportMs: number | null = null;
let yearReportWorstMs: number | null = null;
let hubRssBeforeMb: number | null = null;
let hubRssAfterMb: number | null = null;
// The board's query with the year in the same database, on one of its days (the live one above reads a fresh database).
let boardYearP99Ms: number | null = null;
const yearShape = { offices: Number(process.env.HUB_BENCH_YEAR_OFFICES ?? 100), days: Number(process.env.HUB_BENCH_YEAR_DAYS ?? 250), ticketsPerDay: 240 };
if (yearShape.offices > 0) {
  const yearDir = path.resolve(process.env.HUB_BENCH_DATA ?? 'data/bench-hub', `year-${yearShape.offices}x${yearShape.days}`);
  const reused = prepareYearFolder(yearDir, yearShape);
  const yearPg = await startEmbeddedPostgres(path.join(yearDir, 'hub'));
  const yearHub = await startHub({ port: 0, databaseUrl: yearPg.url, log: () => undefined });
  const year = await ensureYear(yearHub, yearDir, yearShape, log);
  log(`4. the year: ${year.events} events, ${year.tickets} tickets, ${reused ? `reused from ${yearDir}` : `made in ${year.seconds.toFixed(0)} s (${yearDir})`}`);
  const mb = (n: number) => Math.round(n / 2 ** 20);
  const memBefore = process.memoryUsage();
  const yearRuns: number[] = [];
  let yearReport: Awaited<ReturnType<typeof crossOfficeReport>> | null = null;
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    yearReport = await crossOfficeReport(yearHub.db.pool, { from: YEAR_FROM, to: YEAR_TO });
    yearRuns.push(performance.now() - s);
  }
  const memAfter = process.memoryUsage();
  const yr = summary(yearRuns);
  yearReportMs = Math.round(yr.p50);
  yearReportWorstMs = Math.round(yr.max);
  hubRssBeforeMb = mb(memBefore.rss);
  hubRssAfterMb = mb(memAfter.rss);
  const x0 = performance.now();
  const xlsx = await reportWorkbook(yearReport as NonNullable<typeof yearReport>);
  const xlsxMs = Math.round(performance.now() - x0);
  const rows = await yearHub.db.pool.query("SELECT (SELECT count(*) FROM rollup_day) AS day, (SELECT count(*) FROM rollup_month) AS month, pg_size_pretty(pg_database_size(current_database())) AS size");
  log(
    `4. year report (${yearShape.offices} offices, ${YEAR_FROM}…${YEAR_TO}, ${yearReport?.totals.tickets} tickets; ${rows.rows[0].month} month and ${rows.rows[0].day} day rollup rows, database ${rows.rows[0].size}): ` +
      `p50 ${yearReportMs} ms, worst ${Math.round(yr.max)} ms of 5; XLSX ${xlsxMs} ms, ${Math.round(xlsx.length / 1024)} KB; ` +
      `hub process rss ${mb(memBefore.rss)} → ${mb(memAfter.rss)} MB, heap ${mb(memBefore.heapUsed)} → ${mb(memAfter.heapUsed)} MB`,
  );
  // A Monday of the year at 10:00 in Hà Nội: the board of that day, read from a database holding all 250 days.
  const boardAt = Date.parse('2025-06-16T03:00:00Z');
  const boardRuns: number[] = [];
  let boardOffices = 0;
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    boardOffices = (await boardRows(yearHub.db.pool, { now: boardAt, timeZone: 'Asia/Ho_Chi_Minh', offices: null })).length;
    boardRuns.push(performance.now() - s);
  }
  const br = summary(boardRuns);
  boardYearP99Ms = Math.round(br.p99);
  log(`6. the board with the year in the database (${boardOffices} offices, 2025-06-16 10:00): p50 ${Math.round(br.p50)} ms, p99 ${boardYearP99Ms} ms of 200 runs`);
  await yearHub.close();
  await yearPg.stop();
}

log(JSON.stringify({ offices: OFFICES, eventsPerSecond, syncLagP99Ms, catchUpSeconds, boardP99Ms: boardYearP99Ms ?? boardP99Ms, boardP99TodayMs: boardP99Ms, yearReportMs, yearReportWorstMs, hubRssBeforeMb, hubRssAfterMb, officeIssueRatio }));
