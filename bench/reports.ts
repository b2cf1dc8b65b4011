// `npm run bench:reports`: a year of a busy provincial centre (≈ 1,000,000 tickets) and the time of
// every report query on it. Rollups are built once per day (cold) and then read (warm).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { OfficeSettings } from '../electron/host/config/officeSettings';
import { ReportQueries } from '../electron/host/reports/reportQuery';
import { reportXlsx } from '../electron/host/reports/reportExport';
import { generateHistory } from '../test/helpers/reportDataset';
import { machine } from './stats';

export async function runReportsBench(ticketsPerDay = Number(process.env.BENCH_TICKETS_PER_DAY ?? 3400)): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-reports-'));
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups'), skipIntegrityCheck: true });
  seedIfEmpty(db, { adminPassword: 'bench', alwaysOpen: true });
  const settings = new OfficeSettings(db);
  const t0 = performance.now();
  const { tickets } = generateHistory(db, { days: 365, ticketsPerDay, firstDay: '2025-11-24' });
  const genMs = performance.now() - t0;
  const reports = new ReportQueries(db, () => settings.get(), Date.now);
  const time = (fn: () => unknown) => {
    const a = performance.now();
    fn();
    return performance.now() - a;
  };
  const year = { from: '2025-11-24', to: '2026-11-23' };
  const rows: Record<string, string> = {
    'tickets generated': `${tickets.toLocaleString('en')} in ${(genMs / 1000).toFixed(1)} s`,
    'cold: build rollups for 365 days (once; then nightly per day)': `${time(() => reports.refresh(year.from, year.to)).toFixed(0)} ms`,
  };
  const cases: [string, Parameters<ReportQueries['summary']>[0]][] = [
    ['summary, whole year', year],
    ['summary, one month', { from: '2026-10-01', to: '2026-10-31' }],
    ['summary, one week', { from: '2026-11-16', to: '2026-11-22' }],
    ['summary, one day', { from: '2026-11-20', to: '2026-11-20' }],
    ['summary, year, one service', { ...year, serviceId: 3 }],
    ['summary, year, one counter', { ...year, counterId: 2 }],
    ['summary, year, one officer', { ...year, officerId: 4 }],
  ];
  for (const [label, q] of cases) {
    reports.summary(q);
    const runs = [0, 1, 2].map(() => time(() => reports.summary(q))).sort((a, b) => a - b);
    rows[label] = `${runs[1]?.toFixed(0)} ms (median of 3)`;
  }
  // A day that changes (today's tickets) is rebuilt on the next report.
  db.prepare("UPDATE tickets SET state = state WHERE business_day = '2026-11-20' AND rowid IN (SELECT rowid FROM tickets WHERE business_day = '2026-11-20' LIMIT 1)").run();
  rows['summary, year, after one day changed (rebuild that day)'] = `${time(() => reports.summary(year)).toFixed(0)} ms`;
  const s = reports.summary(year);
  const xa = performance.now();
  const xlsx = await reportXlsx(s, { timeZone: 'Asia/Ho_Chi_Minh' });
  rows['XLSX export of the year summary'] = `${(performance.now() - xa).toFixed(0)} ms, ${(xlsx.length / 1024).toFixed(0)} KB`;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`motcua reports bench — ${new Date().toISOString()} — ${machine()}`);
  for (const [k, v] of Object.entries(await runReportsBench())) console.log(`  ${k.padEnd(62)} ${v}`);
}
