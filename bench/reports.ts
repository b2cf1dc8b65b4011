// `npm run bench:reports`: a year of a busy provincial centre (≈ 1,000,000 tickets) and the time of
// the first report and of every report query on it, (a) right after the upgrade that builds the
// rollups from tickets written without them, (b) after restoring a backup of that database; then
// what keeping the rollups costs each ticket change (rows written, WAL pages, CPU).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { migrate } from '../electron/host/db/migrate';
import { migrations } from '../electron/host/db/migrations/index';
import { m008IncrementalRollups } from '../electron/host/db/migrations/m008_incremental_rollups';
import { openDatabase } from '../electron/host/db/openDatabase';
import { prepareRestore } from '../electron/host/db/restoreCheck';
import { seedIfEmpty } from '../electron/host/db/seed';
import { OfficeSettings } from '../electron/host/config/officeSettings';
import { QueueService } from '../electron/host/queue/queueService';
import { ReportQueries } from '../electron/host/reports/reportQuery';
import { reportXlsx } from '../electron/host/reports/reportExport';
import { verifyRecentRollups } from '../electron/host/reports/rollupCheck';
import { generateHistory } from '../test/helpers/reportDataset';
import { machine } from './stats';

const BEFORE_ROLLUPS = migrations.indexOf(m008IncrementalRollups);
const YEAR = { from: '2025-11-24', to: '2026-11-23' };
/** The clock of the office in the bench: the morning after the year of history. */
const NOW = Date.parse('2026-11-24T01:00:00Z');

const time = (fn: () => unknown) => {
  const a = performance.now();
  fn();
  return performance.now() - a;
};
const fmt = (msValue: number) => `${msValue.toFixed(0)} ms`;

function warmCases(reports: ReportQueries, rows: Record<string, string>, prefix: string): void {
  const cases: [string, Parameters<ReportQueries['summary']>[0]][] = [
    ['summary, whole year', YEAR],
    ['summary, one month', { from: '2026-10-01', to: '2026-10-31' }],
    ['summary, 30 days across two months', { from: '2026-10-15', to: '2026-11-13' }],
    ['summary, one week', { from: '2026-11-16', to: '2026-11-22' }],
    ['summary, one day', { from: '2026-11-20', to: '2026-11-20' }],
    ['summary, year, one service', { ...YEAR, serviceId: 3 }],
    ['summary, year, one counter', { ...YEAR, counterId: 2 }],
    ['summary, year, one officer', { ...YEAR, officerId: 4 }],
  ];
  for (const [label, q] of cases) {
    reports.summary(q);
    const runs = [0, 1, 2].map(() => time(() => reports.summary(q))).sort((a, b) => a - b);
    rows[`${prefix}${label}`] = `${runs[1]?.toFixed(1)} ms (median of 3)`;
  }
}

/** Rows written, WAL pages and CPU per lifecycle (issue → call → serve → finish → rate), with and without the rollup triggers. */
export function upkeep(lifecycles: number): Record<string, string> {
  const run = (withRollups: boolean) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-upkeep-'));
    const file = path.join(dir, 'motcua.sqlite');
    const db = openDatabase({ file, backupDir: path.join(dir, 'backups'), skipIntegrityCheck: true });
    seedIfEmpty(db, { adminPassword: 'bench', alwaysOpen: true });
    if (!withRollups) for (const t of ['report_on_ticket_insert', 'report_on_ticket_update', 'report_on_ticket_move', 'report_on_ticket_delete', 'report_on_rating_insert', 'report_on_rating_delete']) db.exec(`DROP TRIGGER ${t}`);
    // CPU, not the disk: fsync would drown the difference; the WAL still receives every page.
    db.pragma('synchronous = OFF');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('UPDATE services SET range_end = 999999').run();
    const queue = new QueueService({ db, now: () => NOW });
    queue.counters.open(1, 1);
    const actor = { counterId: 1, officerId: 1, admin: false };
    const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const c0 = changes.get()?.n ?? 0;
    const op = { issue: 0, call: 0, serve: 0, finish: 0, rate: 0 };
    // CPU time of this process (user + system), not wall time: the machine is shared, and a wait for
    // a core is not the cost of the operation.
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const timed = (k: keyof typeof op, fn: () => unknown) => {
      const a = cpu();
      const r = fn();
      op[k] += cpu() - a;
      return r;
    };
    for (let i = 0; i < lifecycles; i++) {
      timed('issue', () => queue.issuer.issue({ serviceId: 1 }));
      const called = timed('call', () => queue.calling.callNext(1, actor)) as { id: string };
      timed('serve', () => queue.lifecycle.start(called.id, actor));
      timed('finish', () => queue.lifecycle.finish(called.id, actor));
      timed('rate', () => queue.ratings.rate({ ticketId: called.id, score: 1 + (i % 4), reasons: i % 2 ? ['fast'] : [] }));
    }
    const rows = ((changes.get()?.n ?? 0) - c0) / lifecycles;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const walBytes = fs.statSync(`${file}-wal`).size;
    const pages = (walBytes - 32) / (pageSize + 24) / lifecycles;
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    const us = Object.fromEntries(Object.entries(op).map(([k, v]) => [k, (v * 1000) / lifecycles])) as typeof op;
    return { rows, pages, us };
  };
  run(true); // warm the JIT and the file cache
  // Alternating runs, the median of three each, so a burst of load elsewhere hits both sides.
  const pairs = [0, 1, 2].map(() => [run(false), run(true)] as const);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
  const side = (k: 0 | 1) => ({
    rows: median(pairs.map((p) => p[k].rows)),
    pages: median(pairs.map((p) => p[k].pages)),
    us: Object.fromEntries((['issue', 'call', 'serve', 'finish', 'rate'] as const).map((op) => [op, median(pairs.map((p) => p[k].us[op]))])) as Record<'issue' | 'call' | 'serve' | 'finish' | 'rate', number>,
  });
  const without = side(0);
  const withR = side(1);
  const per = (k: keyof typeof withR.us) => `${withR.us[k].toFixed(0)} µs vs ${without.us[k].toFixed(0)} µs (+${(withR.us[k] - without.us[k]).toFixed(0)})`;
  return {
    'upkeep: lifecycles per run (issue→call→serve→finish→rate, synchronous=OFF; CPU time, median of 3 runs)': String(lifecycles),
    'upkeep: rows written per lifecycle, with / without rollups': `${withR.rows.toFixed(1)} / ${without.rows.toFixed(1)}`,
    'upkeep: WAL pages per lifecycle (5 commits), with / without rollups': `${withR.pages.toFixed(1)} / ${without.pages.toFixed(1)}`,
    'upkeep: issue, with vs without': per('issue'),
    'upkeep: call-next, with vs without': per('call'),
    'upkeep: serve, with vs without': per('serve'),
    'upkeep: finish, with vs without': per('finish'),
    'upkeep: rate, with vs without': per('rate'),
  };
}

export async function runReportsBench(ticketsPerDay = Number(process.env.BENCH_TICKETS_PER_DAY ?? 3400)): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-reports-'));
  const file = path.join(dir, 'motcua.sqlite');
  const rows: Record<string, string> = {};

  // A database as the version before m008 left it: tickets but no incremental rollups.
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  migrate(old, BEFORE_ROLLUPS);
  seedIfEmpty(old, { adminPassword: 'bench', alwaysOpen: true });
  const t0 = performance.now();
  const { tickets } = generateHistory(old, { days: 365, ticketsPerDay, firstDay: YEAR.from });
  rows['tickets generated (schema before m008)'] = `${tickets.toLocaleString('en')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  old.close();

  // (a) The upgrade: m008 builds the rollups in its grouped INSERT…SELECTs, inside the migration.
  let db!: Database.Database;
  rows['(a) upgrade: open + migrate (m008 builds the rollups)'] = fmt(time(() => (db = openDatabase({ file, backupDir: path.join(dir, 'backups'), skipIntegrityCheck: true }))));
  const settings = new OfficeSettings(db);
  const rollupRows = db.prepare("SELECT (SELECT count(*) FROM report_day) d, (SELECT count(*) FROM report_hist WHERE length(period) = 10) hd, (SELECT count(*) FROM report_hist WHERE length(period) = 7) hm").get() as { d: number; hd: number; hm: number };
  rows['rollup rows: day groups / day histograms / month histograms'] = `${rollupRows.d.toLocaleString('en')} / ${rollupRows.hd.toLocaleString('en')} / ${rollupRows.hm.toLocaleString('en')}`;
  rows['(a) start-up check (totals + 3 recent days)'] = fmt(time(() => verifyRecentRollups(db, NOW, settings.get())));
  let reports = new ReportQueries(db, () => settings.get());
  rows['(a) first report after the upgrade: whole year'] = fmt(time(() => reports.summary(YEAR)));
  warmCases(reports, rows, '(a) warm: ');
  const s = reports.summary(YEAR);
  const xa = performance.now();
  const xlsx = await reportXlsx(s, { timeZone: 'Asia/Ho_Chi_Minh' });
  rows['XLSX export of the year summary'] = `${(performance.now() - xa).toFixed(0)} ms, ${(xlsx.length / 1024).toFixed(0)} KB`;

  // (b) A restore of a backup of that database: the worker's check, copy and rollup rebuild, then
  // the restored file opened as the host does and its first report.
  const backup = path.join(dir, 'backup.sqlite');
  await db.backup(backup);
  db.close();
  const built = path.join(dir, 'restored.sqlite');
  let prepared!: ReturnType<typeof prepareRestore>;
  rows['(b) restore: check + copy + rollup rebuild (in the worker, before the swap)'] = fmt(time(() => (prepared = prepareRestore(backup, built, {}))));
  if (!prepared.ok) throw new Error(`restore failed: ${prepared.reason}`);
  rows['(b) restored: open + migrate'] = fmt(time(() => (db = openDatabase({ file: built, backupDir: path.join(dir, 'backups'), skipIntegrityCheck: true }))));
  const restoredSettings = new OfficeSettings(db);
  rows['(b) start-up check (totals + 3 recent days)'] = fmt(time(() => verifyRecentRollups(db, NOW, restoredSettings.get())));
  reports = new ReportQueries(db, () => restoredSettings.get());
  rows['(b) first report after the restore: whole year'] = fmt(time(() => reports.summary(YEAR)));
  warmCases(reports, rows, '(b) warm: ');
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  Object.assign(rows, upkeep(Number(process.env.BENCH_LIFECYCLES ?? 1000)));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`motcua reports bench — ${new Date().toISOString()} — ${machine()} — load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  // BENCH_PART=upkeep: only the upkeep figures (no year of history to generate).
  const rows = process.env.BENCH_PART === 'upkeep' ? upkeep(Number(process.env.BENCH_LIFECYCLES ?? 1000)) : await runReportsBench();
  for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(78)} ${v}`);
}
