// Issue #29, the live board's query on a real PostgreSQL: each office's line now (waiting, longest
// wait, open counters, served and satisfaction today, last push, health) from what offices pushed
// over the real protocol, and when an office rises to the top.
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { boardDay, boardRows } from '../../hub/board/boardQuery';
import { officePage } from '../../hub/board/officePage';
import { boardAlerts, HUB_STALE_MS } from '../../shared/hubBoard';
import { HubClient, PushingOffice, counterEvent, health, ticketEvent } from '../helpers/hubClient';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { eventually } from '../helpers/tempHost';

const pg = hubPostgresPerFile();
const TZ = 'Asia/Ho_Chi_Minh';
const open: Hub[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

describe('board query', () => {
  it('gives each live office its figures for today, and its reasons to rise', async () => {
    const h = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined });
    open.push(h);
    const real = Date.now();
    // The board's "today" is Vietnam's calendar day. In the first hours after its midnight an hour
    // ago was yesterday, so the board is read as of three hours ago then (a test must pass at 00:05).
    const now = new Date(real + 7 * 3600_000).getUTCHours() < 2 ? real - 3 * 3600_000 : real;
    const { day } = boardDay(now, TZ);
    const yesterday = boardDay(now - 86_400_000, TZ).day;
    const min = 60_000;
    const busy = await PushingOffice.join(h, 'UBND phường Hòa Bình');
    await PushingOffice.join(h, 'UBND xã Tân Lập');
    const gone = await PushingOffice.join(h, 'UBND xã Cũ');
    expect(await gone.push([ticketEvent('ticket.issued', { id: 'g1', businessDay: day, issuedAt: now - min })])).toBe(200);
    await h.offices.revoke(gone.officeId);

    const events = [
      // Waiting: three today (the oldest 70 minutes), one left over from yesterday that does not count.
      ticketEvent('ticket.issued', { id: 'w1', businessDay: day, issuedAt: now - 70 * min }),
      ticketEvent('ticket.issued', { id: 'w2', businessDay: day, issuedAt: now - 20 * min }),
      ticketEvent('ticket.issued', { id: 'w3', businessDay: day, issuedAt: now - 5 * min }),
      ticketEvent('ticket.issued', { id: 'y1', businessDay: yesterday, issuedAt: now - 26 * 3600_000 }),
      // Served: two done (rated 5 of 5 and 2 of 5), one done yesterday; one serving at counter 2 now.
      ticketEvent('ticket.finished', { id: 'd1', businessDay: day, issuedAt: now - 50 * min, state: 'done', counterId: 1, calledAt: now - 40 * min, finishedAt: now - 30 * min, rating: { score: 5, levels: 5 } }),
      ticketEvent('ticket.finished', { id: 'd2', businessDay: day, issuedAt: now - 45 * min, state: 'done', counterId: 2, calledAt: now - 35 * min, finishedAt: now - 25 * min, rating: { score: 2, levels: 5 } }),
      ticketEvent('ticket.finished', { id: 'd0', businessDay: yesterday, issuedAt: now - 25 * 3600_000, state: 'done', counterId: 1 }),
      ticketEvent('ticket.serving', { id: 's1', businessDay: day, issuedAt: now - 30 * min, state: 'serving', number: 'B007', counterId: 2, officerId: 4, calledAt: now - 3 * min, servingAt: now - 2 * min }),
      // Counters: 1 opened then paused, 2 opened, 3 opened then closed, 4 paused then resumed.
      counterEvent('counter.opened', 1, now - 60 * min),
      counterEvent('counter.opened', 2, now - 60 * min),
      counterEvent('counter.opened', 3, now - 60 * min),
      counterEvent('counter.paused', 1, now - 10 * min),
      counterEvent('counter.closed', 3, now - 9 * min),
      counterEvent('counter.paused', 4, now - 8 * min),
      counterEvent('counter.resumed', 4, now - 7 * min),
    ];
    expect(await busy.push(events, health({ ok: false, printers: 'down' }, 'Máy in hết giấy'))).toBe(200);

    const rows = await boardRows(h.db.pool, { now, timeZone: TZ, offices: null });
    expect(rows.map((r) => r.name)).toEqual(['UBND phường Hòa Bình', 'UBND xã Tân Lập']);
    const b = rows[0]!;
    expect(b).toMatchObject({ officeId: busy.officeId, joined: true, waiting: 3, openCounters: 2, servedToday: 2, ratedToday: 2, satisfiedPct: 50, alertWaiting: 30, alertWaitMinutes: 60 });
    expect(Math.abs((b.longestWaitMs ?? 0) - 70 * min)).toBeLessThan(5000);
    expect(Math.abs((b.lastPushAt ?? 0) - real)).toBeLessThan(10_000);
    expect(b.health).toMatchObject({ ok: false, printers: 'down', paperOut: true, database: 'ok', disk: 'ok' });
    expect(boardAlerts(b, now)).toEqual(['paper', 'longWait']);
    // Quiet: joined, nothing sent yet.
    expect(rows[1]).toMatchObject({ waiting: 0, longestWaitMs: null, openCounters: 0, servedToday: 0, satisfiedPct: null, lastPushAt: null, health: null });
    expect(boardAlerts(rows[1]!, now)).toEqual(['never']);

    // Stale once no push came for longer than 2.5 minutes, by the hub's clock.
    expect(boardAlerts(b, (b.lastPushAt ?? 0) + HUB_STALE_MS + 1000)).toContain('stale');
    // A threshold the admin lowers brings the line itself up.
    const admin = await h.db.pool.query('UPDATE offices SET alert_waiting = 3 WHERE id = $1', [busy.officeId]);
    expect(admin.rowCount).toBe(1);
    const lowered = (await boardRows(h.db.pool, { now, timeZone: TZ, offices: [busy.officeId] }))[0]!;
    expect(boardAlerts(lowered, now)).toEqual(['paper', 'waiting', 'longWait']);

    // A later push moves the figures: w1 called at counter 1, the board's line follows.
    expect(await busy.push([ticketEvent('ticket.called', { id: 'w1', number: 'A001', businessDay: day, issuedAt: now - 70 * min, state: 'called', counterId: 1, calledAt: now })], health())).toBe(200);
    const after = (await boardRows(h.db.pool, { now, timeZone: TZ, offices: [busy.officeId] }))[0]!;
    expect(after).toMatchObject({ waiting: 2, health: { ok: true, paperOut: false } });
    expect(Math.abs((after.longestWaitMs ?? 0) - 20 * min)).toBeLessThan(5000);

    // The office's page: who serves which number, today's hours, its health history.
    const page = await officePage(h.db.pool, { officeId: busy.officeId, now, timeZone: TZ });
    expect(page?.counters.map((c) => [c.counterId, c.number, c.state, c.officerId])).toEqual([
      [1, 'A001', 'called', null],
      [2, 'B007', 'serving', 4],
    ]);
    expect(page?.hours.reduce((s, x) => s + x.arrivals, 0)).toBe(6);
    expect(page?.healthLog.map((l) => l.ok)).toEqual([true, false]);
    expect(await officePage(h.db.pool, { officeId: gone.officeId, now, timeZone: TZ })).toBeNull();
  }, 60_000);
});

describe('board flags what an office cannot see for itself', () => {
  it('a display that cannot be heard and a backup older than two days rise with the reason; a fresh backup and heard displays do not', async () => {
    const h = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined });
    open.push(h);
    const now = Date.now();
    const { day } = boardDay(now, TZ);
    const min = 60_000;
    const silent = await PushingOffice.join(h, 'UBND phường An Cựu');
    const fine = await PushingOffice.join(h, 'UBND phường Vỹ Dạ');
    const speaker = (name: string, state: 'playing' | 'blocked', deviceId: number) => ({ deviceId, name, zoneId: null, state, since: now - 5 * min, clipFailures: 0, lastClipFailure: null });
    const withSpeakers = (speakers: ReturnType<typeof speaker>[], state: 'ok' | 'silent') => {
      const base = health({ ok: state === 'ok' });
      return { ...base, speakers: state, details: { ...base.details!, speakers } };
    };
    // The office lists its speaking displays; one of two has its sound blocked. Its last backup: 3 days ago.
    expect(await silent.push([], withSpeakers([speaker('Màn hình sảnh chính', 'blocked', 7), speaker('Màn hình tầng 2', 'playing', 8)], 'silent'), { lastBackupAt: now - 3 * 86_400_000 - 5 * min })).toBe(200);
    // The other: heard, backed up last night.
    expect(await fine.push([], withSpeakers([speaker('Màn hình sảnh', 'playing', 3)], 'ok'), { lastBackupAt: now - 20 * 3600_000 })).toBe(200);

    const [a, b] = await boardRows(h.db.pool, { now, timeZone: TZ, offices: null });
    expect(a).toMatchObject({ officeId: silent.officeId, health: { speakers: 'silent', silentDisplays: ['Màn hình sảnh chính'] } });
    expect(Math.abs((a!.lastBackupAt ?? 0) - (now - 3 * 86_400_000 - 5 * min))).toBeLessThan(1000);
    expect(boardAlerts(a!, now)).toEqual(['silent', 'backup']);
    expect(b).toMatchObject({ officeId: fine.officeId, health: { speakers: 'ok', silentDisplays: [] } });
    expect(boardAlerts(b!, now)).toEqual([]);
    // Two days is the line: the fine office's backup (20 hours old) crosses it 28 hours from now. (No
    // push comes meanwhile here, so staleness is left out of this look ahead.)
    expect(boardAlerts(b!, now + 28 * 3600_000 - 2 * min, Infinity)).toEqual([]);
    expect(boardAlerts(b!, now + 28 * 3600_000 + 2 * min, Infinity)).toEqual(['backup']);

    // The sound comes back and a backup runs: the reasons go.
    expect(await silent.push([], withSpeakers([speaker('Màn hình sảnh chính', 'playing', 7)], 'ok'), { lastBackupAt: now - min })).toBe(200);
    const healed = (await boardRows(h.db.pool, { now, timeZone: TZ, offices: [silent.officeId] }))[0]!;
    expect(boardAlerts(healed, now)).toEqual([]);
    // An office too old to report its displays is not flagged for them.
    const old = health();
    expect(await fine.push([], old)).toBe(200);
    const older = (await boardRows(h.db.pool, { now, timeZone: TZ, offices: [fine.officeId] }))[0]!;
    expect(older.health).toMatchObject({ speakers: 'unknown', silentDisplays: [] });
    expect(boardAlerts(older, now)).toEqual([]);

    // The office's page names who serves at which counter from the office's directory, and its hours come from the rollups.
    const directory = { services: [{ id: 1, code: '1.001', nameVi: 'Hộ tịch', nameEn: 'Civil status' }], counters: [{ id: 2, number: 2, name: 'Quầy Hộ tịch' }], officers: [{ id: 4, name: 'Nguyễn Thị Hoa' }], timeZone: TZ };
    const events = [
      ticketEvent('ticket.serving', { id: 's1', businessDay: day, issuedAt: now - 30 * min, state: 'serving', number: 'B007', counterId: 2, officerId: 4, calledAt: now - 10 * min, servingAt: now - 9 * min }),
      ticketEvent('ticket.called', { id: 's2', businessDay: day, issuedAt: now - 20 * min, state: 'called', number: 'B008', counterId: 3, officerId: 9, calledAt: now - min }),
    ];
    expect(await silent.push(events, undefined, undefined, directory)).toBe(200);
    const page = (await officePage(h.db.pool, { officeId: silent.officeId, now, timeZone: TZ }))!;
    expect(page.counters.map((c) => [c.counterId, c.counterName, c.officerId, c.officerName])).toEqual([
      [2, 'Quầy Hộ tịch', 4, 'Nguyễn Thị Hoa'],
      // Not in the directory: the page falls back to ids rather than guessing.
      [3, null, 9, null],
    ]);
    const rollup = (await h.db.pool.query<{ hour: number; arrivals: string }>('SELECT hour, sum(arrivals) AS arrivals FROM rollup_hour WHERE office_id = $1 AND business_day = $2::date GROUP BY hour', [silent.officeId, day])).rows;
    expect(page.hours.filter((x) => x.arrivals > 0).map((x) => [x.hour, x.arrivals])).toEqual(rollup.sort((x, y) => x.hour - y.hour).map((r) => [r.hour, Number(r.arrivals)]));
    expect(page.hours.reduce((s, x) => s + x.arrivals, 0)).toBe(2);
  }, 60_000);
});

describe('board socket across hub processes', () => {
  it('a push landing at one hub process reaches a board socket held by another within 2 s', async () => {
    const url = await pg.database();
    const first = await startHub({ port: 0, databaseUrl: url, log: () => undefined });
    open.push(first);
    const second = await startHub({ port: 0, databaseUrl: url, log: () => undefined });
    open.push(second);
    // Each start makes a fresh link; the newest is the one that works.
    const token = new URL(second.setupUrl ?? '').searchParams.get('token');
    const admin = new HubClient(second.port);
    expect((await admin.post('/hub/api/setup', { token, name: 'quantri.tinh', password: 'Hue-tinh-2026-an-toan' })).status).toBe(201);
    const office = await PushingOffice.join(first, 'UBND phường Hòa Bình');
    const { ws, messages } = await admin.board();
    await eventually(() => messages.length > 0);
    const { day } = boardDay(Date.now(), TZ);
    const sent = Date.now();
    expect(await office.push([ticketEvent('ticket.issued', { id: 'x1', businessDay: day, issuedAt: sent })])).toBe(200);
    const row = await eventually(() => messages.find((m) => m.type === 'row' && m.row.officeId === office.officeId && m.row.waiting === 1), 2000);
    expect(row).toBeTruthy();
    expect(Date.now() - sent).toBeLessThan(2000);
    ws.close();
  }, 60_000);
});

describe('board socket caps', () => {
  it('holds at most its cap of sockets, counted while they sign in; one freed lets the next in', async () => {
    const h = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined, boardLimits: { sockets: 3 } });
    open.push(h);
    const admin = new HubClient(h.port);
    expect((await admin.post('/hub/api/setup', { token: new URL(h.setupUrl ?? '').searchParams.get('token'), name: 'quantri.tinh', password: 'Hue-tinh-2026-an-toan' })).status).toBe(201);
    // Six at once: three held, three refused, whatever order their sign-in checks finish in.
    const tries = await Promise.allSettled(Array.from({ length: 6 }, () => admin.board()));
    const held = tries.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
    expect(held).toHaveLength(3);
    expect(tries.filter((t) => t.status === 'rejected').map((t) => String((t as PromiseRejectedResult).reason))).toEqual(Array(3).fill('Error: board socket refused: 503'));
    expect(h.board.count).toBe(3);
    const gone = new Promise((r) => held[0]?.ws.once('close', r));
    held[0]?.ws.close();
    await gone;
    await eventually(() => h.board.count === 2);
    const next = await admin.board();
    expect(h.board.count).toBe(3);
    for (const s of [...held.slice(1), next]) s.ws.close();
  }, 60_000);
});
