import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKSTOP_PAGES, startWalCheckpointer } from '../../../electron/host/db/walCheckpointer';
import Database from 'better-sqlite3';
import { tempHost, tempQueue } from '../../helpers/tempHost';
import { deviceClient } from '../../helpers/devices';

const until = async (ok: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return ok();
};
const pages = (file: string) => fs.statSync(file).size / 4096;

describe('WAL checkpoints run on a worker thread, not inside a counter’s commit', () => {
  it('the database file catches up with the WAL by itself while the host’s connection leaves it alone; stopped, SQLite’s default is back', async () => {
    const { db, queue, file } = tempQueue();
    const logs: Record<string, unknown>[] = [];
    const cp = startWalCheckpointer(db, { file, intervalMs: 50, log: (e) => logs.push(e) });
    try {
      expect(await until(() => db.pragma('wal_autocheckpoint', { simple: true }) === BACKSTOP_PAGES, 10_000)).toBe(true);
      const before = pages(file);
      const services = queue.views.listServices().map((s) => s.id);
      // Far below the backstop: only the worker can have copied these pages into the file.
      for (let i = 0; i < 300; i++) queue.issuer.issue({ serviceId: services[i % services.length] as number });
      expect(pages(`${file}-wal`)).toBeLessThan(BACKSTOP_PAGES);
      const written = db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
      expect(await until(() => pages(file) > before, 5000)).toBe(true);
      // A fresh connection reading the file sees every ticket, and nothing else changed.
      await cp.stop();
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      db.close();
      // A plain second connection, as a restarted host would open the file.
      const again = new Database(file, { readonly: true });
      expect((again.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(written.n);
      expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
      again.close();
      expect(logs.filter((l) => l.level === 'warn')).toEqual([]);
    } finally {
      await cp.stop();
      if (db.open) db.close();
    }
  }, 30_000);

  it('a host closes its worker before its database: the WAL is folded in and removed, and the folder reopens', async () => {
    const host = await tempHost();
    const kiosk = deviceClient(host, 'kiosk');
    for (let i = 0; i < 20; i++) expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    const dir = host.dataDir;
    await host.close();
    expect(fs.existsSync(path.join(dir, 'motcua.sqlite-wal'))).toBe(false);
    const next = await tempHost({ dir });
    try {
      expect((next.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(20);
    } finally {
      await next.close();
    }
  }, 30_000);
});
