// Issue #29, the office's side in Chromium: Quản trị → Kết nối tỉnh joins the province's hub (a real
// hub on a real PostgreSQL) with the code the province gave, then says what has been sent and what
// has not — in plain Vietnamese when the hub is gone — and catches up when it is back.
import { describe, expect, it } from 'vitest';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { openSignedInAdmin } from '../helpers/adminPage';
import { deviceClient } from '../helpers/devices';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';

const pg = hubPostgresPerFile();
const { browser, host: startHost } = browserWithHostPerTest();

describe('Quản trị → Kết nối tỉnh', () => {
  it('joins with the province’s code, shows sends and pending events, names a dead hub, catches up', async () => {
    const url = await pg.database();
    let hub: Hub = await startHub({ port: 0, databaseUrl: url, log: () => undefined });
    const hubPort = hub.port;
    try {
      const { office, code } = await hub.offices.add('UBND phường Hòa Bình');
      const h = await startHost({ provinceIdleMs: 200 });
      const admin = await openSignedInAdmin(browser(), h);
      await admin.click('[data-tab="province"]');
      await admin.waitForSelector('[data-testid="province-status"] [data-state="not-joined"]');
      expect(await admin.textContent('[data-testid="province-status"]')).toContain('Chưa kết nối với tỉnh');

      // Both fields are said to be needed at once; nothing is sent to the hub.
      await admin.click('[data-form="province-join"] button[type="submit"]');
      const needed = (await admin.textContent('[data-testid="save-errors"]')) ?? '';
      expect(needed).toContain('Cần địa chỉ hub');
      expect(needed).toContain('Cần mã kết nối');

      await admin.fill('[data-field="hubUrl"]', `http://127.0.0.1:${hubPort}`);
      await admin.fill('[data-field="code"]', code.toLowerCase());
      await admin.click('[data-form="province-join"] button[type="submit"]');
      await admin.waitForSelector('[data-testid="province-status"] [data-state="ok"]');
      expect(await admin.textContent('[data-fact="office"]')).toBe('UBND phường Hòa Bình');
      // The same code a second time is refused by the hub, in Vietnamese.
      await admin.fill('[data-field="hubUrl"]', `http://127.0.0.1:${hubPort}`);
      await admin.fill('[data-field="code"]', code);
      await admin.click('[data-form="province-join"] button[type="submit"]');
      await admin.waitForSelector('[data-testid="save-errors"]:has-text("Mã kết nối tỉnh không đúng, đã dùng hoặc đã hết hạn")');

      // Numbers taken at the kiosk reach the hub; the tab says when, and that nothing waits.
      const kiosk = deviceClient(h, 'kiosk');
      for (let i = 0; i < 3; i++) expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
      await expect.poll(() => admin.textContent('[data-fact="last-push"]'), { timeout: 10_000 }).not.toBe('chưa gửi lần nào');
      await expect.poll(() => admin.textContent('[data-fact="pending"]'), { timeout: 10_000 }).toBe('0');
      const held = async () => Number((await hub.db.pool.query("SELECT count(*) AS n FROM events WHERE office_id = $1 AND type = 'ticket.issued'", [office.id])).rows[0].n);
      expect(await held()).toBe(3);

      // The hub goes away: numbers are still issued, the tab counts what waits and says why.
      await hub.close();
      for (let i = 0; i < 2; i++) expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
      await admin.waitForSelector('[data-testid="province-status"] [data-state="failing"]', { timeout: 15_000 });
      expect(Number(await admin.textContent('[data-fact="pending"]'))).toBeGreaterThanOrEqual(2);
      expect(await admin.textContent('[data-fact="error"]')).toContain('Không kết nối được tới hub tỉnh');
      await admin.screenshot({ path: shotFile('admin-province-failing-1366x768.png') });

      // Back on the same database: "Gửi ngay" sends at once, without a reload.
      hub = await startHub({ port: hubPort, databaseUrl: url, log: () => undefined });
      await admin.click('[data-action="push-now"]');
      await admin.waitForSelector('[data-testid="province-status"] [data-state="ok"]', { timeout: 15_000 });
      await expect.poll(() => admin.textContent('[data-fact="pending"]'), { timeout: 10_000 }).toBe('0');
      expect(await held()).toBe(5);
      await admin.screenshot({ path: shotFile('admin-province-1366x768.png') });
      await admin.context().close();
    } finally {
      await hub.close();
    }
  }, 90_000);
});
