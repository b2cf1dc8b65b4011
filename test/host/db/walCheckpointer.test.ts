import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKSTOP_PAGES, startWalCheckpointer } from '../../../electron/host/db/walCheckpointer';
import { deviceClient } from '../../helpers/devices';
import { tempHost, tempQueue } from '../../helpers/tempHost';

const until = async (ok: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return ok();
};
const pages = (file: string) => fs.statSync(file).size / 4096;

describe('WAL checkpoints run between requests, not inside a counter’s commit', () => {
  it('a burst of commits copies nothing into the file; the timer does it after; stopped, SQLite’s default is back', async () => {
    const { db, queue, file } = tempQueue();
    const logs: Record<string, unknown>[] = [];
    const cp = startWalCheckpointer(db, { intervalMs: 50, log: (e) => logs.push(e) });
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
      db.pragma('wal_checkpoint(TRUNCATE)');
      const before = pages(file);
      const services = queue.views.listServices().map((s) => s.id);
      // Well past SQLite's 1,000 pages, below the backstop: under the default one of these commits would checkpoint.
      for (let i = 0; i < 150; i++) queue.issuer.issue({ serviceId: services[i % services.length] as number });
      expect(pages(`${file}-wal`)).toBeGreaterThan(1000);
      expect(pages(`${file}-wal`)).toBeLessThan(BACKSTOP_PAGES);
      expect(pages(file)).toBe(before);
      const written = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
      expect(await until(() => pages(file) > before, 5000)).toBe(true);
      cp.stop();
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      db.close();
      // A plain second connection, as a restarted host would open the file: every ticket, a sound file.
      const again = new Database(file, { readonly: true });
      expect((again.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(written);
      expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
      again.close();
      expect(logs).toEqual([]);
    } finally {
      cp.stop();
      if (db.open) db.close();
    }
  }, 30_000);

  it('a host stops its checkpoints before it closes the database: the WAL is folded in and removed, and the folder reopens', async () => {
    const host = await tempHost();
    const kiosk = deviceClient(host, 'kiosk');
    for (let i = 0; i < 20; i++) expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    expect(host.db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
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
