import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PinHasher } from '../electron/host/auth/pinHasher';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { enrollInDataDir } from '../test/helpers/devices';

/** Every bench officer's PIN (six digits, as an office's are). */
export const BENCH_PIN = '246813';

/**
 * A data dir with the sample ward grown to `counters` counters, each with its own officer (PIN
 * BENCH_PIN) and `servicesPerCounter` services, ready for a `serve` process to open.
 */
export function benchOffice(counters: number, servicesPerCounter: number, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups') });
  seedIfEmpty(db, { adminPassword: 'bench-admin-password', alwaysOpen: true });
  db.prepare('UPDATE services SET range_end = 99999').run();
  // Keyed with the office's PIN secret in the data folder, as the host checks them.
  const pin = PinHasher.forDataDir(dir).hashSync(BENCH_PIN);
  db.transaction(() => {
    db.prepare('UPDATE officers SET pin_hash = ?').run(pin);
    for (let n = 5; n <= counters; n++) {
      db.prepare('INSERT INTO officers (name, title, pin_hash) VALUES (?, ?, ?)').run(`Cán bộ ${n}`, 'Công chức', pin);
      const cid = Number(db.prepare('INSERT INTO counters (number, name) VALUES (?, ?)').run(n, `Quầy ${n}`).lastInsertRowid);
      for (let k = 0; k < servicesPerCounter; k++) db.prepare('INSERT INTO counter_services (counter_id, service_id, position) VALUES (?, ?, ?)').run(cid, ((n + k) % 6) + 1, k);
    }
  })();
  db.close();
  return dir;
}

export interface BenchDevices {
  kiosk: string;
  displays: string[];
  /** Index = counter number. */
  counters: string[];
}

/** The office's paired devices (issue #13): a kiosk, `displays` TVs and one PC per counter. */
export function benchDevices(dir: string, counters: number, displays: number): BenchDevices {
  const tokens = enrollInDataDir(dir, [
    { role: 'kiosk' },
    ...Array.from({ length: displays }, () => ({ role: 'display' as const })),
    ...Array.from({ length: counters }, (_, i) => ({ role: 'counter' as const, counter: i + 1 })),
  ]);
  return { kiosk: tokens[0] as string, displays: tokens.slice(1, 1 + displays), counters: ['', ...tokens.slice(1 + displays)] };
}

export interface BenchAnswer {
  status: number;
  cookie: string;
  body: Record<string, unknown>;
}

/** One HTTP call to a bench host as an enrolled device (and, for staff, with its session cookie). */
export function benchSender(base: string) {
  return async (method: string, p: string, device: string, body?: unknown, cookie?: string): Promise<BenchAnswer> => {
    const r = await fetch(base + p, { method, headers: { 'x-device-token': device, ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    return { status: r.status, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '', body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
}

/** Signs every bench counter's officer in at its counter; the session cookies, indexed by counter. */
export async function signInBenchCounters(send: ReturnType<typeof benchSender>, devices: BenchDevices, counters: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let c = 1; c <= counters; c++) {
    const login = await send('POST', '/api/auth/login', devices.counters[c] as string, { counterId: c, officerId: c, pin: BENCH_PIN });
    if (login.status !== 200) throw new Error(`sign-in at counter ${c}: ${JSON.stringify(login.body)}`);
    cookies[c] = login.cookie;
  }
  return cookies;
}
