// Issue #29 fault: the hub process killed with SIGKILL in the middle of batches, ten times, while
// three offices keep taking numbers and pushing. Afterwards every office event is in the hub exactly
// once (the sets of sequences compared, not counts), its rollups count each ticket once, and no office
// refused a ticket meanwhile.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { OutboxReader } from '../../electron/host/province/outboxReader';
import { joinProvince } from '../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../electron/host/province/provinceLinkFile';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { eventually, tempHost } from '../helpers/tempHost';

const pgServer = hubPostgresPerFile();
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** `npm run hub` as an office's province would run it, on the test's database. */
function startHubProcess(databaseUrl: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/hub.ts'), '--port', String(port), '--database-url', databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const m = JSON.parse(line) as { msg?: string; port?: number };
      if (m.msg === 'hub listening' && m.port) resolve({ child, port: m.port });
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code} before listening`)));
  });
}

async function addOffice(databaseUrl: string, name: string): Promise<string> {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/hub.ts'), 'office', 'add', '--database-url', databaseUrl, '--name', name], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`office add exited ${code}`))));
  });
  return (JSON.parse(out.trim()) as { code: string }).code;
}

describe('the hub killed in the middle of batches', () => {
  it('ten SIGKILLs while three offices push: every event arrives exactly once, no ticket refused', async () => {
    const url = await pgServer.database();
    let hub = await startHubProcess(url, 0);
    const port = hub.port;
    cleanup.push(() => {
      hub.child.kill('SIGKILL');
    });
    const offices: Host[] = [];
    for (const name of ['UBND phường A', 'UBND xã B', 'Trung tâm PVHCC']) {
      const o = await tempHost({ provinceIdleMs: 20 });
      cleanup.push(() => o.close());
      const code = await addOffice(url, name);
      await joinProvince({ hubUrl: `http://127.0.0.1:${port}`, code, links: new ProvinceLinkFile(o.dataDir), outbox: new OutboxReader(o.db) });
      offices.push(o);
    }

    // Small batches, so a kill lands between, inside and after many of them.
    let issuing = true;
    const refused: string[] = [];
    let issued = 0;
    const work = (async () => {
      while (issuing) {
        // A loaded machine restarts the hub slowly: stop at a day's worth, well inside every
        // service's number range, rather than run a range out (a refusal this test would count).
        if (issued >= 1500) {
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        for (const o of offices) {
          try {
            o.queue.issuer.issue({ serviceId: 1 + (issued % 3) });
            issued++;
          } catch (e) {
            refused.push(String(e));
          }
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    for (let kill = 0; kill < 10; kill++) {
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 250));
      hub.child.kill('SIGKILL');
      await new Promise((r) => hub.child.once('exit', r));
      hub = await startHubProcess(url, port);
      for (const o of offices) o.province.kick();
    }
    issuing = false;
    await work;
    expect(refused).toEqual([]);
    expect(issued).toBeGreaterThan(100);

    for (const o of offices) o.province.kick();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    cleanup.push(() => db.end());
    for (const o of offices) {
      const last = new OutboxReader(o.db).lastSeq();
      await eventually(() => (new ProvinceLinkFile(o.dataDir).read()?.ackedSeq ?? 0) >= last, 30_000);
      const link = new ProvinceLinkFile(o.dataDir).read();
      const local = (o.db.prepare('SELECT id FROM events WHERE id > ? ORDER BY id').all(link?.baseSeq ?? 0) as { id: number }[]).map((r) => r.id);
      const rows = (await db.query<{ seq: string; n: string }>('SELECT seq, count(*) AS n FROM events WHERE office_id = $1 GROUP BY seq ORDER BY seq', [link?.officeId])).rows;
      expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
      expect(rows.map((r) => Number(r.seq))).toEqual(local);
      // The rollups moved in the same transactions as the events: every ticket counted once, in day, month and hour.
      const tickets = (o.db.prepare('SELECT count(*) AS n FROM tickets WHERE transferred_from IS NULL').get() as { n: number }).n;
      const sums = (
        await db.query<{ d: string; m: string; h: string }>(
          'SELECT (SELECT sum(issued) FROM rollup_day WHERE office_id = $1) AS d, (SELECT sum(issued) FROM rollup_month WHERE office_id = $1) AS m, (SELECT sum(arrivals) FROM rollup_hour WHERE office_id = $1) AS h',
          [link?.officeId],
        )
      ).rows[0];
      expect({ day: Number(sums?.d), month: Number(sums?.m), hour: Number(sums?.h) }).toEqual({ day: tickets, month: tickets, hour: tickets });
    }
  }, 180_000);
});
