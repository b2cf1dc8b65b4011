// Issue #29, first slice: an office joins its province hub through the real join flow and pushes
// its events over HTTP into a real PostgreSQL, exactly once by (office, generation, sequence),
// whatever is replayed, refused, cut off or restored. Offices are real hosts on real SQLite files.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { OutboxReader } from '../../electron/host/province/outboxReader';
import { joinProvince } from '../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../electron/host/province/provinceLinkFile';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { deviceClient, signedInCounter } from '../helpers/devices';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { eventually, tempDir, tempHost } from '../helpers/tempHost';

const pg = hubPostgresPerFile();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function hub(databaseUrl?: string, port = 0): Promise<Hub> {
  const h = await startHub({ port, databaseUrl: databaseUrl ?? (await pg.database()), log: () => undefined });
  open.push(h);
  return h;
}
async function office(dir = tempDir(), opts: Parameters<typeof tempHost>[0] = {}): Promise<Host> {
  const h = await tempHost({ dir, provinceIdleMs: 100, ...opts });
  open.push(h);
  return h;
}
const base = (h: Hub) => `http://127.0.0.1:${h.port}`;
const links = (o: Host) => new ProvinceLinkFile(o.dataDir);

async function joined(h: Hub, o: Host, name = 'UBND phường Hòa Bình') {
  const { office: row, code } = await h.offices.add(name);
  const link = await joinProvince({ hubUrl: base(h), code, links: links(o), outbox: new OutboxReader(o.db) });
  expect(link.officeId).toBe(row.id);
  return link;
}

/** A morning's work at an office: numbers taken, called, served, rated. */
async function morning(o: Host, tickets = 12) {
  const kiosk = deviceClient(o, 'kiosk');
  const desk = await signedInCounter(o, 1);
  for (let i = 0; i < tickets; i++) expect((await kiosk.post('/api/tickets', { serviceId: i % 2 === 0 ? 1 : 2 })).status).toBe(201);
  for (let i = 0; i < tickets / 2; i++) {
    const t = await desk.post('/api/counters/1/next', {});
    expect(t.status).toBe(200);
    expect((await desk.post(`/api/tickets/${t.body.id}/finish`, {})).status).toBe(200);
    expect((await kiosk.post(`/api/tickets/${t.body.id}/rating`, { score: 3 + (i % 2), source: 'kiosk' })).status).toBe(201);
  }
}

const officeSeqs = (o: Host, after: number) => (o.db.prepare('SELECT id FROM events WHERE id > ? ORDER BY id').all(after) as { id: number }[]).map((r) => r.id);
async function hubSeqs(h: Hub, officeId: string, generation?: string): Promise<number[]> {
  const r = await h.db.pool.query<{ seq: string }>('SELECT seq FROM events WHERE office_id = $1 AND ($2::text IS NULL OR generation = $2) ORDER BY seq', [officeId, generation ?? null]);
  return r.rows.map((x) => Number(x.seq));
}
async function caughtUp(o: Host, ms = 15_000) {
  const last = new OutboxReader(o.db).lastSeq();
  await eventually(() => (links(o).read()?.ackedSeq ?? -1) >= last, ms);
}

async function push(h: Hub, credential: string, body: unknown, gz = true) {
  const raw = Buffer.from(JSON.stringify(body));
  const res = await fetch(`${base(h)}/hub/api/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json', ...(gz ? { 'content-encoding': 'gzip' } : {}) },
    body: gz ? zlib.gzipSync(raw) : raw,
  });
  return { status: res.status, body: (await res.json()) as { ackedSeq?: number; error?: { code: string } } };
}

describe('an office joins its province and pushes its events', () => {
  it('join code → credential (hub keeps a hash); every event after joining arrives once, in its generation', async () => {
    const h = await hub();
    const o = await office();
    await morning(o, 4); // before joining: stays at the office
    const link = await joined(h, o);
    await morning(o, 12);
    await caughtUp(o);
    expect(await hubSeqs(h, link.officeId)).toEqual(officeSeqs(o, link.baseSeq));
    expect(officeSeqs(o, link.baseSeq).length).toBeGreaterThan(30);
    // What arrived is the office's own record: types, tickets, services, ratings' scores.
    const rows = (await h.db.pool.query('SELECT type, count(*)::int AS n FROM events WHERE office_id = $1 GROUP BY type ORDER BY type', [link.officeId])).rows;
    const local = o.db.prepare('SELECT type, count(*) AS n FROM events WHERE id > ? GROUP BY type ORDER BY type').all(link.baseSeq);
    expect(rows).toEqual(local);
    const rated = (await h.db.pool.query("SELECT service_id, payload->>'score' AS score FROM events WHERE office_id = $1 AND type = 'ticket.rated' ORDER BY seq", [link.officeId])).rows;
    expect(rated).toHaveLength(6);
    for (const r of rated) expect([1, 2]).toContain(r.service_id);
    // The credential is not stored at the hub; the code is spent.
    const stored = JSON.stringify((await h.db.pool.query('SELECT * FROM offices')).rows);
    expect(stored).not.toContain(link.credential);
    expect(fs.statSync(links(o).file).mode & 0o077).toBe(0);
  }, 60_000);

  it('a join code works once; wrong codes are budgeted per address before they are checked', async () => {
    const h = await hub();
    const { code } = await h.offices.add('UBND xã Nghĩa Hưng');
    const a = await office();
    const first = await joinProvince({ hubUrl: base(h), code, links: links(a), outbox: new OutboxReader(a.db) });
    expect(first.credential.length).toBeGreaterThan(30);
    const b = await office();
    await expect(joinProvince({ hubUrl: base(h), code, links: links(b), outbox: new OutboxReader(b.db) })).rejects.toMatchObject({ code: 'JOIN_CODE_INVALID' });
    const { code: live } = await h.offices.add('UBND xã Bình Sơn');
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${base(h)}/hub/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `WRONG-CODE-${String(i).padStart(3, '0')}` }) }).then(async (r) => ((await r.json()) as { error: { code: string } }).error.code),
      ),
    );
    // Nine more wrong ones were charged here (the reused code above was the first), the rest refused.
    expect(answers.filter((c) => c === 'JOIN_CODE_INVALID').length).toBeLessThanOrEqual(10);
    expect(answers.filter((c) => c === 'JOIN_CODE_LOCKED').length).toBeGreaterThanOrEqual(20);
    // Even the live code is refused to this address now: it is a guess like the others.
    const locked = await fetch(`${base(h)}/hub/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: live }) });
    expect(locked.status).toBe(429);
    expect((await h.db.pool.query('SELECT count(*)::int AS n FROM offices WHERE joined_at IS NOT NULL')).rows[0].n).toBe(1);
  }, 60_000);
});

describe('bad batches change nothing', () => {
  it('replayed, gapped, from the future, malformed, a gzip bomb, a wrong or revoked credential: a clear 4xx and the cursor stays', async () => {
    const h = await hub();
    const o = await office();
    const link = await joined(h, o);
    await morning(o, 6);
    await caughtUp(o);
    const held = await hubSeqs(h, link.officeId);
    const cursor = async () => Number((await h.db.pool.query('SELECT acked_seq FROM office_generations WHERE office_id = $1', [link.officeId])).rows[0].acked_seq);
    const acked = await cursor();
    const events = new OutboxReader(o.db).after(link.baseSeq, 1000);
    const batch = (evs: typeof events, extra: Record<string, unknown> = {}) => ({ generation: link.generation, baseSeq: link.baseSeq, sentAt: Date.now(), events: evs, ...extra });

    // A week-old batch sent again: accepted, nothing added.
    const replay = await push(h, link.credential, batch(events.slice(0, 5)));
    expect(replay).toMatchObject({ status: 200, body: { ackedSeq: acked } });
    // Events past a hole.
    const gap = await push(h, link.credential, batch([{ ...(events.at(-1) as (typeof events)[number]), seq: acked + 5 }]));
    expect(gap).toMatchObject({ status: 409, body: { error: { code: 'SEQUENCE_GAP' } } });
    // Stamped an hour ahead of the hub (the office's clock is wrong).
    const future = await push(h, link.credential, batch([{ ...(events.at(-1) as (typeof events)[number]), seq: acked + 1, at: Date.now() + 3600_000 }]));
    expect(future).toMatchObject({ status: 422, body: { error: { code: 'EVENT_FROM_FUTURE' } } });
    // Not the protocol.
    expect(await push(h, link.credential, { generation: link.generation, events: 'lots' })).toMatchObject({ status: 400, body: { error: { code: 'BATCH_MALFORMED' } } });
    // 200 MB of zeros in well under a megabyte of gzip.
    const bomb = zlib.gzipSync(Buffer.alloc(200 << 20, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(1 << 20);
    const bombed = await fetch(`${base(h)}/hub/api/push`, { method: 'POST', headers: { authorization: `Bearer ${link.credential}`, 'content-encoding': 'gzip' }, body: bomb });
    expect(bombed.status).toBe(413);
    // Someone else's credential.
    expect(await push(h, 'x'.repeat(43), batch(events.slice(0, 1)))).toMatchObject({ status: 401, body: { error: { code: 'HUB_CREDENTIAL_INVALID' } } });

    expect(await hubSeqs(h, link.officeId)).toEqual(held);
    expect(await cursor()).toBe(acked);

    // Revoked by the province: the next push is refused, and the office's admin sees why.
    await h.offices.revoke(link.officeId);
    expect(await push(h, link.credential, batch(events.slice(0, 1)))).toMatchObject({ status: 403, body: { error: { code: 'OFFICE_REVOKED' } } });
    expect((await deviceClient(o, 'kiosk').post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    await eventually(() => links(o).read()?.lastError?.includes('OFFICE_REVOKED'), 10_000);
    expect(await hubSeqs(h, link.officeId)).toEqual(held);
  }, 60_000);
});

describe('the office never waits for the hub', () => {
  it('hub down: numbers are taken as usual; back up on the same database: the office catches up, each event once', async () => {
    const url = await pg.database();
    let h = await hub(url);
    const port = h.port;
    const o = await office();
    const link = await joined(h, o);
    await morning(o, 4);
    await caughtUp(o);
    await h.close();
    open.splice(open.indexOf(h), 1);

    await morning(o, 10);
    await eventually(() => links(o).read()?.lastError, 10_000);
    expect(links(o).read()?.ackedSeq).toBeLessThan(new OutboxReader(o.db).lastSeq());

    h = await hub(url, port);
    // The link retries with backoff (at most a minute); nudge it as the admin's "send now" would.
    o.province.kick();
    await caughtUp(o);
    expect(await hubSeqs(h, link.officeId)).toEqual(officeSeqs(o, link.baseSeq));
    expect(links(o).read()?.lastError).toBeNull();
  }, 120_000);

  it('restored from last night’s backup: the database went back in time, so new events go as a new generation; none is lost or merged', async () => {
    const h = await hub();
    const dir = tempDir();
    let o = await office(dir);
    const link = await joined(h, o);
    await morning(o, 4);
    await caughtUp(o);
    const backup = path.join(tempDir(), 'last-night.sqlite');
    await o.db.backup(backup);
    const backedUpTo = new OutboxReader(o.db).lastSeq();
    await morning(o, 6); // lost by the restore, but already at the hub
    await caughtUp(o);
    const before = await hubSeqs(h, link.officeId, link.generation);
    await o.close();
    open.splice(open.indexOf(o), 1);
    for (const f of ['motcua.sqlite-wal', 'motcua.sqlite-shm']) fs.rmSync(path.join(dir, f), { force: true });
    fs.copyFileSync(backup, path.join(dir, 'motcua.sqlite'));

    o = await office(dir);
    await morning(o, 4);
    await caughtUp(o);
    const now = links(o).read();
    expect(now?.generation).not.toBe(link.generation);
    expect(now?.baseSeq).toBe(backedUpTo);
    expect(now?.generationReason).toContain('went back');
    // The old generation is kept whole; the new one holds exactly the events made after the restore.
    expect(await hubSeqs(h, link.officeId, link.generation)).toEqual(before);
    expect(await hubSeqs(h, link.officeId, now?.generation)).toEqual(officeSeqs(o, backedUpTo));
    const gens = (await h.db.pool.query('SELECT generation, base_seq FROM office_generations WHERE office_id = $1 ORDER BY first_push_at', [link.officeId])).rows;
    expect(gens.map((g) => g.generation)).toEqual([link.generation, now?.generation]);
  }, 120_000);
});

describe('the office’s health reaches the province', () => {
  it('rides on each push and on the idle heartbeat; a change of state is logged, a quiet office still reports', async () => {
    const h = await hub();
    // A data folder whose disk counts as low: the office's own health says so, and so must the hub.
    const o = await office(tempDir(), { provinceHeartbeatMs: 300, diskLowBytes: Number.MAX_SAFE_INTEGER });
    const link = await joined(h, o);
    await morning(o, 2);
    await caughtUp(o);
    const row = async () => (await h.db.pool.query('SELECT ok, summary, health, reported_at FROM office_health WHERE office_id = $1', [link.officeId])).rows[0];
    await expect.poll(async () => (await row())?.summary, { timeout: 10_000 }).toBe('database ok · disk low · printers none · boards none');
    const first = await row();
    expect(first.ok).toBe(false);
    expect(first.health.version).toBe('test');
    expect(first.health.details.disk.freeBytes).toBeGreaterThan(0);
    // Nothing happens at the office for a while: the heartbeat still brings a fresh report.
    await expect.poll(async () => (await row()).reported_at.getTime(), { timeout: 10_000 }).toBeGreaterThan(first.reported_at.getTime());
    const log = (await h.db.pool.query('SELECT summary FROM office_health_log WHERE office_id = $1', [link.officeId])).rows;
    // Unchanged state: one line in the office's health history, however many reports.
    expect(log).toEqual([{ summary: 'database ok · disk low · printers none · boards none' }]);
  }, 60_000);
});

describe('a stranger cannot hold the hub’s sockets', () => {
  it('400 sockets from one address: at most 32 held; another address and a pushing office still get through', async () => {
    const net = await import('node:net');
    const h = await hub();
    const o = await office();
    const link = await joined(h, o);
    const sockets = await Promise.all(
      Array.from({ length: 400 }, () => new Promise<import('node:net').Socket>((resolve) => {
        const s = net.connect({ host: '127.0.0.1', port: h.port, localAddress: '127.0.0.9' });
        s.on('error', () => resolve(s));
        s.on('connect', () => resolve(s));
      })),
    );
    try {
      // The hub closes what is over the share as each arrives; on a loaded machine the closes take a
      // moment to reach this side.
      await expect.poll(() => sockets.filter((s) => !s.destroyed && s.readyState === 'open').length, { timeout: 10_000, interval: 100 }).toBeLessThanOrEqual(32);
      const t0 = Date.now();
      const health = await fetch(`${base(h)}/hub/api/health`);
      expect(health.status).toBe(200);
      expect(Date.now() - t0).toBeLessThan(1000);
      await morning(o, 2);
      await caughtUp(o);
      expect((await hubSeqs(h, link.officeId)).length).toBeGreaterThan(0);
    } finally {
      for (const s of sockets) s.destroy();
    }
  }, 60_000);
});
