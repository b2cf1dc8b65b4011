// Issue #29, the province's people: no default account, a one-time setup link, scrypt passwords,
// sessions in HttpOnly SameSite=Strict cookies kept hashed in PostgreSQL, guesses paid for before
// they are checked, and an office viewer who sees one office by every route and on the socket.
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/hub';
import type { Hub, HubOptions } from '../../hub/hub';
import { HUB_CSP } from '../../hub/server/hubStatic';
import type { BoardMessage } from '../../shared/hubBoard';
import { HubClient, PushingOffice, health, provinceAdmin, ticketEvent } from '../helpers/hubClient';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { eventually } from '../helpers/tempHost';

const pg = hubPostgresPerFile();
const open: Hub[] = [];
afterEach(async () => {
  for (const h of open.splice(0).reverse()) await h.close();
});
async function hub(o: Partial<HubOptions> = {}): Promise<Hub> {
  const h = await startHub({ port: 0, databaseUrl: o.databaseUrl ?? (await pg.database()), log: () => undefined, ...o });
  open.push(h);
  return h;
}
const tokenOf = (h: Hub) => new URL(h.setupUrl ?? 'http://x/').searchParams.get('token') ?? '';
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

describe('hub setup link', () => {
  it('makes exactly one province admin, once, and is printed no more', async () => {
    const url = await pg.database();
    const lines: Record<string, unknown>[] = [];
    const h = await hub({ databaseUrl: url, log: (e) => lines.push(e) });
    expect(h.setupUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hub\/setup\?token=[A-Za-z0-9_-]{32}$/);
    // Logged for whoever runs the hub; stored only as a hash.
    expect(lines.some((l) => l.setupUrl === h.setupUrl)).toBe(true);
    const stored = await h.db.pool.query<{ token_hash: string }>('SELECT token_hash FROM hub_setup');
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.token_hash).not.toContain(tokenOf(h));

    // The screens come from the hub itself, under a strict policy; the API stays JSON.
    const page = await fetch(`http://127.0.0.1:${h.port}/hub/setup?token=x`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toBe(HUB_CSP);
    expect(HUB_CSP).toContain("default-src 'self'");
    expect(HUB_CSP).toContain("frame-ancestors 'none'");
    expect((await fetch(`http://127.0.0.1:${h.port}/hub/api/nothing`)).status).toBe(404);

    // No account exists: nothing but the link gets in.
    const stranger = new HubClient(h.port);
    expect((await stranger.get('/hub/api/board')).status).toBe(401);
    expect((await stranger.post('/hub/api/sign-in', { name: 'admin', password: 'admin' })).status).toBe(401);
    expect((await stranger.post('/hub/api/setup', { token: 'x'.repeat(32), name: 'ke.gian', password: 'Mat-khau-rat-dai-2026' })).body.error?.code).toBe('SETUP_TOKEN_INVALID');

    // Two browsers race with the same link: one admin.
    const a = new HubClient(h.port);
    const b = new HubClient(h.port);
    const [ra, rb] = await Promise.all([
      a.post('/hub/api/setup', { token: tokenOf(h), name: 'quantri.tinh', password: 'Hue-tinh-2026-an-toan' }),
      b.post('/hub/api/setup', { token: tokenOf(h), name: 'nguoi.khac', password: 'Hue-tinh-2026-an-toan' }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([201, 403]);
    const winner = ra.status === 201 ? a : b;
    expect((await winner.get('/hub/api/me')).body).toMatchObject({ role: 'province_admin', officeId: null });
    const users = await h.db.pool.query<{ name: string; password_hash: string }>('SELECT name, password_hash FROM hub_users');
    expect(users.rows).toHaveLength(1);
    expect(users.rows[0]?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect((await h.db.pool.query('SELECT 1 FROM hub_setup')).rowCount).toBe(0);
    // The same link again: refused.
    expect((await new HubClient(h.port).post('/hub/api/setup/check', { token: tokenOf(h) })).status).toBe(403);

    // A restart prints no link: the hub has its admin.
    const again = await hub({ databaseUrl: url });
    expect(again.setupUrl).toBeNull();
  }, 60_000);

  it('expires after 24 hours, and a weak password is refused without spending the link', async () => {
    let now = Date.now();
    const h = await hub({ now: () => now });
    const c = new HubClient(h.port);
    const weak = await c.post('/hub/api/setup', { token: tokenOf(h), name: 'quantri', password: '12345678' });
    expect(weak.body.error?.code).toBe('WEAK_PASSWORD');
    expect((await c.post('/hub/api/setup/check', { token: tokenOf(h) })).status).toBe(200);
    now += 24 * 3600_000 + 1000;
    const late = await c.post('/hub/api/setup', { token: tokenOf(h), name: 'quantri', password: 'Hue-tinh-2026-an-toan' });
    expect(late.body.error?.code).toBe('SETUP_TOKEN_INVALID');
    expect(Number((await h.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM hub_users')).rows[0]?.n)).toBe(0);
  }, 60_000);
});

describe('hub sessions', () => {
  it('sets an HttpOnly SameSite=Strict cookie kept only as a hash; sign-out ends it', async () => {
    const h = await hub();
    const admin = await provinceAdmin(h);
    const c = new HubClient(h.port);
    const r = await c.post('/hub/api/sign-in', { name: 'QuanTri.Tinh', password: 'Hue-tinh-2026-an-toan' });
    expect(r.status).toBe(200);
    const cookie = r.setCookie[0] ?? '';
    expect(cookie).toMatch(/^motcua_hub=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/hub');
    const token = (c.cookie ?? '').split('=')[1] ?? '';
    const rows = await h.db.pool.query<{ token_hash: string }>('SELECT token_hash FROM hub_sessions');
    expect(rows.rows).toHaveLength(2);
    expect(rows.rows.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash) && s.token_hash !== token)).toBe(true);

    // Another hub process on the same database knows the session.
    const second = await hub({ databaseUrl: (h.db.url) });
    const there = new HubClient(second.port);
    there.cookie = c.cookie;
    expect((await there.get('/hub/api/me')).status).toBe(200);

    // A page of another site cannot act with the cookie, even if a browser sent it.
    const foreign = await c.request('POST', '/hub/api/offices', { name: 'UBND xã Giả' }, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    // Nor post a form (not JSON).
    expect((await c.request('POST', '/hub/api/offices', undefined, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await h.offices.list())).toHaveLength(0);

    const socket = await c.board();
    const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
    const out = await c.post('/hub/api/sign-out');
    expect(out.setCookie[0]).toContain('Max-Age=0');
    expect(await closed).toBe(4001);
    c.cookie = `motcua_hub=${token}`;
    expect((await c.get('/hub/api/me')).status).toBe(401);
    await expect(c.board()).rejects.toThrow(/401/);
    // The other session is untouched.
    expect((await admin.get('/hub/api/me')).status).toBe(200);
  }, 60_000);

  it('charges wrong passwords in parallel before checking them, per address and per user name, across hub processes', async () => {
    const url = await pg.database();
    const h = await hub({ databaseUrl: url });
    await provinceAdmin(h);
    const other = await hub({ databaseUrl: url });
    const checked = () => h.signIn.checked + other.signIn.checked;
    // 40 wrong passwords at once from one address, half to each hub process: only its burst (10) is ever hashed.
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => new HubClient(i % 2 ? other.port : h.port, '127.0.0.2').post('/hub/api/sign-in', { name: 'quantri.tinh', password: `doan-sai-${i}-mat-khau` })));
    const codes = answers.map((a) => a.body.error?.code);
    expect(codes.filter((c) => c === 'INVALID_PASSWORD')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(30);
    expect(checked()).toBe(10);
    // The same name from three fresh addresses: the name's own budget is spent, so none is checked.
    const spread = await Promise.all(['127.0.0.3', '127.0.0.4', '127.0.0.5'].flatMap((from) => Array.from({ length: 5 }, (_, i) => new HubClient(h.port, from).post('/hub/api/sign-in', { name: 'QUANTRI.TINH', password: `khac-${from}-${i}` }))));
    expect(spread.every((a) => a.body.error?.code === 'RATE_LIMITED')).toBe(true);
    expect(checked()).toBe(10);
    // Another name from a fresh address is still checked: one account's lock is not everyone's.
    expect((await new HubClient(h.port, '127.0.0.6').post('/hub/api/sign-in', { name: 'khong.ai', password: 'sai-nhung-duoc-kiem' })).body.error?.code).toBe('INVALID_PASSWORD');
    expect(checked()).toBe(11);
  }, 60_000);
});

describe('office viewer', () => {
  it('sees its own office and nothing of another, by any route or on the socket', async () => {
    const h = await hub();
    const admin = await provinceAdmin(h);
    const mine = await PushingOffice.join(h, 'UBND phường Hòa Bình');
    const other = await PushingOffice.join(h, 'UBND xã Tân Lập');
    const day = today();
    expect(await mine.push([ticketEvent('ticket.issued', { id: 'm1', businessDay: day, issuedAt: Date.now() - 60_000 })], health())).toBe(200);
    expect(await other.push([ticketEvent('ticket.issued', { id: 'o1', businessDay: day, issuedAt: Date.now() - 60_000 })], health())).toBe(200);

    const added = await admin.post('/hub/api/users', { name: 'xem.hoabinh', password: 'Theo-doi-phuong-88', role: 'office_viewer', officeId: mine.officeId });
    expect(added.status).toBe(201);
    // A viewer must name exactly one office; an admin none.
    expect((await admin.post('/hub/api/users', { name: 'xem.khong', password: 'Theo-doi-phuong-88', role: 'office_viewer', officeId: null })).status).toBe(400);
    const viewer = new HubClient(h.port, '127.0.0.7');
    await viewer.signIn('xem.hoabinh', 'Theo-doi-phuong-88');

    const board = await viewer.get('/hub/api/board');
    expect((board.body.rows as { officeId: string }[]).map((r) => r.officeId)).toEqual([mine.officeId]);
    expect((await viewer.get(`/hub/api/office?id=${mine.officeId}`)).status).toBe(200);
    const peek = await viewer.get(`/hub/api/office?id=${other.officeId}`);
    expect(peek.status).toBe(404);
    expect(JSON.stringify(peek.body)).not.toContain('Tân Lập');
    // Everything a province admin does is refused, for the other office and its own alike.
    for (const [method, path, body] of [
      ['GET', '/hub/api/users', undefined],
      ['GET', '/hub/api/offices', undefined],
      ['POST', '/hub/api/users', { name: 'xem.tanlap', password: 'Xem-tan-lap-2026', role: 'office_viewer', officeId: other.officeId }],
      ['POST', '/hub/api/users/password', { userId: 1, password: 'Chiem-quyen-2026-x' }],
      ['POST', '/hub/api/offices', { name: 'UBND xã Mới' }],
      ['POST', '/hub/api/offices/code', { officeId: other.officeId }],
      ['POST', '/hub/api/offices/revoke', { officeId: other.officeId }],
      ['POST', '/hub/api/offices/threshold', { officeId: mine.officeId, waiting: 1, waitMinutes: 1 }],
    ] as const) {
      const r = await viewer.request(method, path, body);
      expect({ path, status: r.status }).toEqual({ path, status: 403 });
    }
    // What it was refused did not happen.
    expect((await h.offices.list()).map((o) => [o.name, o.revoked_at])).toEqual([['UBND phường Hòa Bình', null], ['UBND xã Tân Lập', null]]);
    expect(Number((await h.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM hub_users')).rows[0]?.n)).toBe(2);
    expect((await h.db.pool.query('SELECT alert_waiting FROM offices WHERE id = $1', [mine.officeId])).rows[0]).toEqual({ alert_waiting: 30 });

    // The socket: its office on connect, and only its office's fresh rows afterwards.
    const live = await viewer.board();
    await eventually(() => live.messages.length > 0);
    expect(live.messages[0]).toMatchObject({ type: 'rows' });
    expect((live.messages[0] as Extract<BoardMessage, { type: 'rows' }>).rows.map((r) => r.officeId)).toEqual([mine.officeId]);
    expect(await other.push([ticketEvent('ticket.issued', { id: 'o2', businessDay: day, issuedAt: Date.now() })])).toBe(200);
    expect(await mine.push([ticketEvent('ticket.issued', { id: 'm2', businessDay: day, issuedAt: Date.now() })])).toBe(200);
    const fresh = await eventually(() => live.messages.find((m) => m.type === 'row'), 5000);
    expect(fresh).toMatchObject({ type: 'row', row: { officeId: mine.officeId, waiting: 2 } });
    // The other office's push (sent first) has had its debounce; nothing of it reached this socket.
    await new Promise((r) => setTimeout(r, 600));
    expect(JSON.stringify(live.messages)).not.toContain(other.officeId);
    // The admin's socket does see both.
    const all = await admin.board();
    await eventually(() => all.messages.length > 0);
    expect((all.messages[0] as Extract<BoardMessage, { type: 'rows' }>).rows.map((r) => r.name)).toEqual(['UBND phường Hòa Bình', 'UBND xã Tân Lập']);
    live.ws.close();
    all.ws.close();

    // The reports route: the viewer's office only, even when it names the other; the admin both.
    const period = `from=${day}&to=${day}`;
    const mineOnly = await viewer.get(`/hub/api/reports?${period}`);
    expect((mineOnly.body.byOffice as { officeId: string; name: string; tickets: number }[]).map((o) => [o.officeId, o.name, o.tickets])).toEqual([[mine.officeId, 'UBND phường Hòa Bình', 2]]);
    const asked = await viewer.get(`/hub/api/reports?${period}&office=${other.officeId}`);
    expect([asked.body.byOffice, asked.body.byService, asked.body.byOfficer]).toEqual([[], [], []]);
    expect(JSON.stringify(asked.body)).not.toContain(other.officeId);
    expect(((await admin.get(`/hub/api/reports?${period}`)).body.byOffice as { tickets: number }[]).map((r) => r.tickets)).toEqual([2, 2]);
    const backwards = await admin.get(`/hub/api/reports?from=${day}&to=2024-01-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error?.message).toContain('Ngày bắt đầu phải trước ngày kết thúc');

    // Without a session: every province route and the socket answer 401.
    const nobody = new HubClient(h.port);
    for (const path of ['/hub/api/me', '/hub/api/board', `/hub/api/office?id=${mine.officeId}`, '/hub/api/users', '/hub/api/offices', `/hub/api/reports?from=${day}&to=${day}`, `/hub/api/reports.xlsx?from=${day}&to=${day}`]) expect((await nobody.get(path)).status).toBe(401);
    await expect(nobody.board()).rejects.toThrow(/401/);
  }, 60_000);

  it('loses its sessions and socket when its password is reset', async () => {
    const h = await hub();
    const admin = await provinceAdmin(h);
    const office = await PushingOffice.join(h, 'UBND phường Hòa Bình');
    const added = await admin.post('/hub/api/users', { name: 'xem.hoabinh', password: 'Theo-doi-phuong-88', role: 'office_viewer', officeId: office.officeId });
    expect(added.status).toBe(201);
    const viewer = new HubClient(h.port, '127.0.0.8');
    await viewer.signIn('xem.hoabinh', 'Theo-doi-phuong-88');
    const live = await viewer.board();
    const closed = new Promise((resolve) => live.ws.once('close', resolve));
    expect((await admin.post('/hub/api/users/password', { userId: added.body.id, password: 'Mat-khau-moi-2026-hb' })).status).toBe(200);
    await closed;
    expect((await viewer.get('/hub/api/me')).status).toBe(401);
    await viewer.signIn('xem.hoabinh', 'Mat-khau-moi-2026-hb');
    expect((await viewer.get('/hub/api/me')).body).toMatchObject({ name: 'xem.hoabinh', role: 'office_viewer', officeId: office.officeId });
  }, 60_000);
});
