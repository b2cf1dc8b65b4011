// Acknowledged tickets, the host killed, its write-ahead log damaged (issue #27): shared by the
// reliability test and the admin screen's end-to-end test.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { expect } from 'vitest';
import { enrollInDataDir } from './devices';
import { HttpClient } from './httpClient';
import { startServe, waitExit } from './serveProcess';
import type { ServeProcess } from './serveProcess';
import { tempDir } from './tempHost';

const running: ChildProcess[] = [];
/** Kill every process these helpers started (a test file's afterEach/afterAll). */
export async function killStarted(): Promise<void> {
  for (const c of running.splice(0)) {
    c.kill('SIGKILL');
    await waitExit(c);
  }
}

/**
 * Another reader of the database holding one snapshot (a backup being taken, a report): the host's
 * checkpoints cannot fold later commits into the database file, so the tickets live only in the
 * log, as they do in the second after they were issued. Killed, never closed, so it checkpoints nothing.
 */
async function pinnedReader(file: string): Promise<ChildProcess> {
  const script = `
    const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
    db.exec('BEGIN'); db.prepare('SELECT count(*) FROM tickets').get();
    console.log('reading'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(child);
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => l === 'reading' && resolve());
    child.once('exit', (c) => reject(new Error(`reader exited ${c}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await waitExit(child);
}

export async function startedServe(dir: string): Promise<ServeProcess> {
  const srv = await startServe(dir);
  running.push(srv.child);
  return srv;
}

export const seqOf = (number: string) => Number(number.replace(/^\D+/, ''));

export type Damaged = Awaited<ReturnType<typeof acknowledgedThenDamaged>>;

export const zeroHeader = (wal: string) => {
  const fd = fs.openSync(wal, 'r+');
  fs.writeSync(fd, Buffer.alloc(32), 0, 32, 0);
  fs.closeSync(fd);
};

/** 20 acknowledged tickets over 6 services, the host killed, the log damaged by `damage`. */
export async function acknowledgedThenDamaged(damage: (wal: string) => void) {
  const dir = tempDir();
  const file = path.join(dir, 'motcua.sqlite');
  let srv = await startedServe(dir);
  const [kioskToken, adminToken] = enrollInDataDir(dir, [{ role: 'kiosk' }, { role: 'admin' }]) as [string, string];
  // The pairing and the seed reach the database file first (the host checkpoints every second).
  await new Promise((r) => setTimeout(r, 1500));
  const reader = await pinnedReader(file);
  const kiosk = new HttpClient(srv.base, kioskToken);
  const acked = new Map<number, number[]>();
  for (let i = 0; i < 20; i++) {
    const serviceId = 1 + (i % 6);
    const r = await kiosk.post('/api/tickets', { serviceId });
    expect(r.status).toBe(201);
    acked.set(serviceId, [...(acked.get(serviceId) ?? []), seqOf(r.body.number as string)]);
  }
  await kill(srv.child);
  await kill(reader);
  const wal = `${file}-wal`;
  expect(fs.statSync(wal).size).toBeGreaterThan(0);
  damage(wal);
  srv = await startedServe(dir);
  return { dir, srv, acked, adminToken, kiosk: new HttpClient(srv.base, kioskToken), admin: new HttpClient(srv.base, adminToken), phone: new HttpClient(srv.base) };
}

