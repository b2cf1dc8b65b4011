// The write-ahead log judged before SQLite replays it (#27): a real SQLite file written by a real
// process that is SIGKILLed, then the log damaged the way a bad sector or a half-finished copy
// would, or left as a crash leaves it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkWal, frameSlots, parseWalHeader, walChecksum, WAL_HEADER, FRAME_HEADER } from '../../../electron/host/db/walCheck';
import { quarantineWal, readThroughWal } from '../../../electron/host/db/walQuarantine';
import { tempDir } from '../../helpers/tempHost';

/**
 * A writer in its own process, durable like the host (WAL, synchronous=FULL) and never
 * checkpointing, so the rows live only in the log. It prints each row's id once committed; with
 * `big`, it then starts a transaction of many pages it never finishes (killed mid-write).
 */
async function killedWriter(file: string, rows: number, opts: { big?: boolean; checkpoint?: boolean } = {}): Promise<number[]> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, pad TEXT)');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const ins = db.prepare('INSERT INTO t (pad) VALUES (?)');
    for (let i = 0; i < ${rows}; i++) console.log(ins.run('x'.repeat(900)).lastInsertRowid);
    if (${opts.checkpoint ? 'true' : 'false'}) db.pragma('wal_checkpoint(PASSIVE)');
    console.log('done');
    if (${opts.big ? 'true' : 'false'}) { db.exec('BEGIN'); for (;;) ins.run('y'.repeat(3000)); }
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() });
  const acked: number[] = [];
  await new Promise<void>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    rl.on('line', (l) => (l === 'done' ? resolve() : acked.push(Number(l))));
    child.on('exit', (c) => reject(new Error(`writer exited ${c}`)));
  });
  if (opts.big) await new Promise((r) => setTimeout(r, 150));
  await new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
  return acked;
}

const rowsAfterOpen = (file: string) => {
  const db = new Database(file);
  try {
    return (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('write-ahead log check', () => {
  it('a killed writer leaves a log that checks ok and replays every acknowledged row', async () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const acked = await killedWriter(file, 20);
    expect(checkWal(file)).toMatchObject({ state: 'ok' });
    expect(rowsAfterOpen(file)).toBe(acked.length);
  });

  it('a transaction torn by the kill (frames written, no commit) is not damage', async () => {
    const file = path.join(tempDir(), 'b.sqlite');
    const acked = await killedWriter(file, 20, { big: true });
    const v = checkWal(file);
    expect(v).toMatchObject({ state: 'ok' });
    expect(rowsAfterOpen(file)).toBe(acked.length);
  });

  it('a power cut tearing the last frame (no index left) is not damage', async () => {
    const file = path.join(tempDir(), 'c.sqlite');
    await killedWriter(file, 20);
    fs.rmSync(`${file}-shm`);
    const size = fs.statSync(`${file}-wal`).size;
    fs.truncateSync(`${file}-wal`, size - 1000);
    expect(checkWal(file)).toMatchObject({ state: 'ok' });
  });

  it('a zeroed header is damage: SQLite alone would replay none of the acknowledged rows', async () => {
    const file = path.join(tempDir(), 'd.sqlite');
    const acked = await killedWriter(file, 20);
    const fd = fs.openSync(`${file}-wal`, 'r+');
    fs.writeSync(fd, Buffer.alloc(WAL_HEADER), 0, WAL_HEADER, 0);
    fs.closeSync(fd);
    const wal = fs.readFileSync(`${file}-wal`);
    expect(checkWal(file)).toMatchObject({ state: 'damaged', reason: 'header' });
    // What the frames still say, read by SQLite from a rebuilt copy of the log.
    expect(evidenceRows(file, wal)).toBe(acked.length);
    // The silent loss this check exists for.
    expect(rowsAfterOpen(file)).toBe(0);
  });

  it('a log cut to a third is damage (the index recorded more committed frames); without the index too, when commits follow a break', async () => {
    const file = path.join(tempDir(), 'e.sqlite');
    const acked = await killedWriter(file, 20);
    const size = fs.statSync(`${file}-wal`).size;
    fs.copyFileSync(`${file}-wal`, `${file}-wal.full`);
    fs.truncateSync(`${file}-wal`, Math.floor(size / 3));
    expect(checkWal(file)).toMatchObject({ state: 'damaged', reason: 'index' });

    // A bad sector in the middle instead (index lost too, as after a power cut): the chain breaks
    // and committed transactions follow the break.
    fs.copyFileSync(`${file}-wal.full`, `${file}-wal`);
    fs.rmSync(`${file}-shm`);
    const ps = (parseWalHeader(fs.readFileSync(`${file}-wal`)) as { pageSize: number }).pageSize;
    const fd = fs.openSync(`${file}-wal`, 'r+');
    fs.writeSync(fd, Buffer.alloc(512), 0, 512, WAL_HEADER + 5 * (FRAME_HEADER + ps) + 100);
    fs.closeSync(fd);
    expect(checkWal(file)).toMatchObject({ state: 'damaged', reason: 'chain' });
    expect(rowsAfterOpen(file)).toBeLessThan(acked.length);
  });

  it('a checkpointed log cut short is damage too, and is moved aside: replaying its older frames would take pages back in time', async () => {
    const file = path.join(tempDir(), 'f.sqlite');
    const acked = await killedWriter(file, 20, { checkpoint: true });
    fs.truncateSync(`${file}-wal`, Math.floor(fs.statSync(`${file}-wal`).size / 3));
    const v = checkWal(file);
    expect(v).toMatchObject({ state: 'damaged', reason: 'index', discardWal: true });
    const kept = quarantineWal(file, v as Extract<typeof v, { state: 'damaged' }>, Date.UTC(2026, 11, 7));
    expect(fs.existsSync(kept.copy)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(rowsAfterOpen(file)).toBe(acked.length);
    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

/**
 * The same log with big-endian checksums (magic 0x377f0683), as a big-endian machine writes it:
 * every checksum recomputed in that byte order. SQLite reads either, by the magic.
 */
function asBigEndian(wal: Buffer): Buffer {
  const out = Buffer.from(wal);
  const hdr = parseWalHeader(out) as { pageSize: number };
  out.writeUInt32BE(0x377f0683, 0);
  let sum = walChecksum(out, 0, 24, true, [0, 0]);
  out.writeUInt32BE(sum[0], 24);
  out.writeUInt32BE(sum[1], 28);
  for (const f of frameSlots(out, hdr.pageSize)) {
    sum = walChecksum(out, f.offset, f.offset + 8, true, sum);
    sum = walChecksum(out, f.offset + FRAME_HEADER, f.offset + FRAME_HEADER + hdr.pageSize, true, sum);
    out.writeUInt32BE(sum[0], f.offset + 16);
    out.writeUInt32BE(sum[1], f.offset + 20);
  }
  return out;
}

describe('checksums in the byte order the magic names', () => {
  it('a big-endian log checks ok and SQLite replays it; zeroed header or a broken frame mid-log is damage; its frames still read', async () => {
    const file = path.join(tempDir(), 'g.sqlite');
    const acked = await killedWriter(file, 20);
    fs.rmSync(`${file}-shm`);
    const be = asBigEndian(fs.readFileSync(`${file}-wal`));
    fs.writeFileSync(`${file}-wal`, be);
    const ps = (parseWalHeader(be) as { pageSize: number }).pageSize;
    expect(checkWal(file)).toMatchObject({ state: 'ok', committedFrames: frameSlots(be, ps).length });
    // Read by a copy, so the log under test stays as it is.
    expect(evidenceRows(file, be)).toBe(acked.length);
    const broken = Buffer.from(be);
    broken.fill(0, WAL_HEADER + 3 * (FRAME_HEADER + ps) + 200, WAL_HEADER + 3 * (FRAME_HEADER + ps) + 700);
    fs.writeFileSync(`${file}-wal`, broken);
    expect(checkWal(file)).toMatchObject({ state: 'damaged', reason: 'chain' });
    const headless = Buffer.from(be);
    headless.fill(0, 0, WAL_HEADER);
    fs.writeFileSync(`${file}-wal`, headless);
    expect(checkWal(file)).toMatchObject({ state: 'damaged', reason: 'header' });
    expect(evidenceRows(file, headless)).toBe(acked.length);
    fs.writeFileSync(`${file}-wal`, be);
    expect(rowsAfterOpen(file)).toBe(acked.length);
  });
});

function evidenceRows(file: string, wal: Buffer): number | null {
  return readThroughWal(file, wal, (db) => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n);
}
