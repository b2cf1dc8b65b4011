import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startServe, waitExit } from '../../helpers/serveProcess';
import { tempDir } from '../../helpers/tempHost';

describe('crash safety of the serve process', () => {
  it('SIGKILL during load: every acknowledged ticket survives, no number twice', async () => {
    const dir = tempDir();
    const acknowledged = new Map<string, string>();
    for (let round = 0; round < 3; round++) {
      const srv = await startServe(dir);
      let stop = false;
      const client = async (serviceId: number) => {
        while (!stop) {
          try {
            const r = await fetch(`${srv.base}/api/tickets`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ serviceId }),
            });
            if (r.status === 201) {
              const t = (await r.json()) as { id: string; number: string };
              acknowledged.set(t.id, t.number);
            }
          } catch {
            return; // the host died under us: only acknowledged tickets count
          }
        }
      };
      const clients = Array.from({ length: 8 }, (_, i) => client((i % 3) + 1));
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 500));
      srv.child.kill('SIGKILL');
      stop = true;
      await waitExit(srv.child);
      await Promise.all(clients);
    }
    expect(acknowledged.size).toBeGreaterThan(20);

    // A restart must open the same file cleanly, and the graceful path must exit 0 on SIGTERM.
    const srv = await startServe(dir);
    const health = (await (await fetch(`${srv.base}/api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    srv.child.kill('SIGTERM');
    expect(await waitExit(srv.child)).toBe(0);

    const db = new Database(path.join(dir, 'motcua.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT id, number FROM tickets').all() as { id: string; number: string }[];
    const byId = new Map(rows.map((r) => [r.id, r.number]));
    for (const [id, number] of acknowledged) expect(byId.get(id)).toBe(number);
    expect(db.prepare('SELECT service_id, business_day, seq FROM tickets GROUP BY 1, 2, 3 HAVING count(*) > 1').all()).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);
});
