// Issue #29 in Chromium: the province admin's own tab. An office is added on the screen and joins
// with the code the screen showed; its alert threshold, set on the screen, re-ranks it on an open
// board without a reload; an office viewer made on the screen signs in and sees that office only;
// cutting the office off takes it off the viewer's board.
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { OutboxReader } from '../../electron/host/province/outboxReader';
import { joinProvince } from '../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../electron/host/province/provinceLinkFile';
import { startHub } from '../../hub/hub';
import { deviceClient } from '../helpers/devices';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { tempHost } from '../helpers/tempHost';

const pg = hubPostgresPerFile();
const { browser } = browserWithHostPerTest();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

describe('province admin tab', () => {
  it('adds an office and a viewer on the screen; the viewer sees that office only; thresholds re-rank live', async () => {
    const hub = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined });
    open.push(hub);
    const base = `http://127.0.0.1:${hub.port}`;
    const ctx = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const admin = await ctx.newPage();
    await admin.goto(hub.setupUrl as string);
    await admin.waitForSelector('[data-screen="province-setup"]');
    await admin.fill('input[name="name"]', 'quantri.tinh');
    await admin.fill('input[name="password"]', 'Hue-tinh-2026-an-toan');
    await admin.fill('input[name="again"]', 'Hue-tinh-2026-an-toan');
    await admin.click('button[type="submit"]');
    await admin.waitForSelector('[data-page="board"] [data-testid="board"]');
    await admin.click('[data-tab="admin"]');
    await admin.waitForSelector('[data-page="admin"] [data-testid="admin"]');

    // The office, added on the screen: its join code is shown once.
    await admin.fill('[data-field="office-name"]', 'UBND xã Tân Lập');
    await admin.click('[data-form="add-office"] button[type="submit"]');
    const note = (await admin.textContent('[data-testid="note"]')) ?? '';
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(note)?.[1];
    expect(note).toContain('Mã kết nối của UBND xã Tân Lập');
    expect(code).toBeTruthy();
    const officeRow = admin.locator('[data-testid="admin"] tr[data-office]');
    await expect.poll(() => officeRow.count()).toBe(1);
    const officeId = (await officeRow.getAttribute('data-office')) as string;

    // The office's host joins with that code through the real join flow, and takes two numbers.
    const o: Host = await tempHost({ provinceIdleMs: 200, provinceHeartbeatMs: 1000 });
    open.push(o);
    const link = await joinProvince({ hubUrl: base, code: code as string, links: new ProvinceLinkFile(o.dataDir), outbox: new OutboxReader(o.db) });
    expect(link.officeId).toBe(officeId);
    for (let i = 0; i < 2; i++) expect((await deviceClient(o, 'kiosk').post('/api/tickets', { serviceId: 1 })).status).toBe(201);

    // A board open beside the admin tab: the office is there, not yet over its threshold.
    const board = await ctx.newPage();
    await board.goto(`${base}/hub/`);
    const row = `tr[data-office="${officeId}"]`;
    await board.waitForSelector(`${row} td[data-col="waiting"]:text-is("2")`);
    expect(await board.getAttribute(row, 'data-alert')).toBe('no');
    // The threshold set on the admin tab re-ranks it on that board, no reload.
    const line = admin.locator(`[data-testid="admin"] tr[data-office="${officeId}"]`);
    await line.locator('input[type="number"]').first().fill('2');
    await line.locator('button[type="submit"]').click();
    await admin.waitForSelector('[data-testid="note"]:text-is("Đã lưu.")');
    await board.waitForSelector(`${row}[data-alert="yes"] [data-testid="reasons"]:has-text("Hàng chờ vượt ngưỡng (2 người)")`, { timeout: 5000 });
    expect((await hub.db.pool.query('SELECT alert_waiting, alert_wait_minutes FROM offices WHERE id = $1', [officeId])).rows[0]).toEqual({ alert_waiting: 2, alert_wait_minutes: 60 });

    // A viewer for that office, made on the screen.
    await admin.fill('[data-field="user-name"]', 'xem.tanlap');
    await admin.fill('[data-field="user-password"]', 'Theo-doi-xa-2026-tl');
    await admin.selectOption('[data-field="user-role"]', 'office_viewer');
    await admin.selectOption('[data-field="user-office"]', officeId);
    await admin.click('[data-form="add-user"] button[type="submit"]');
    await admin.waitForSelector('[data-testid="note"]:has-text("Đã thêm người dùng xem.tanlap")');
    await admin.waitForSelector('tr[data-user="xem.tanlap"]');

    // A second office the viewer must never see.
    const { office: other } = await hub.offices.add('UBND phường Hòa Bình');
    const vctx = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const viewer = await vctx.newPage();
    await viewer.goto(`${base}/hub/`);
    await viewer.waitForSelector('[data-screen="province-sign-in"]');
    await viewer.fill('input[name="name"]', 'xem.tanlap');
    await viewer.fill('input[name="password"]', 'sai-mat-khau-roi');
    await viewer.click('button[type="submit"]');
    await viewer.waitForSelector('[data-testid="error"]:text-is("Tên đăng nhập hoặc mật khẩu không đúng")');
    await viewer.fill('input[name="password"]', 'Theo-doi-xa-2026-tl');
    await viewer.click('button[type="submit"]');
    await viewer.waitForSelector('[data-page="board"] [data-testid="board"] tr[data-office]');
    expect(await viewer.textContent('[data-testid="signed-in"]')).toContain('xem.tanlap · Xem một đơn vị');
    expect(await viewer.locator('tr[data-office]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-office')))).toEqual([officeId]);
    expect(await viewer.locator('[data-tab="admin"]').count()).toBe(0);
    const peeks = await viewer.evaluate(async (id) => Promise.all(['/hub/api/users', '/hub/api/offices', `/hub/api/office?id=${id}`].map(async (u) => (await fetch(u)).status)), other.id);
    expect(peeks).toEqual([403, 403, 404]);

    // Cut off on the admin tab: the office leaves the viewer's board without a reload.
    admin.once('dialog', (d) => void d.accept());
    await line.locator('[data-action="revoke"]').click();
    await admin.waitForSelector(`[data-testid="admin"] tr[data-office="${officeId}"] td:text-is("Đã ngắt")`);
    await viewer.waitForSelector(`tr[data-office="${officeId}"]`, { state: 'detached', timeout: 5000 });
    expect((await hub.offices.list()).find((x) => x.id === officeId)?.revoked_at).toBeTruthy();
    expect((await hub.offices.list()).find((x) => x.id === other.id)?.revoked_at).toBeNull();
    await vctx.close();
    await ctx.close();
  }, 120_000);
});
