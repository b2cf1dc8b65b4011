// Issue #29, the office's side of the province catalogue in Chromium: Quản trị → Kết nối tỉnh says
// which version the province published and which this office runs, lists what applying would add,
// change and leave, shows a procedure both sides changed with both values, and applies only what the
// admin picked. A real hub on a real PostgreSQL; the office joined through the real join flow.
import { describe, expect, it } from 'vitest';
import { OutboxReader } from '../../electron/host/province/outboxReader';
import { joinProvince } from '../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../electron/host/province/provinceLinkFile';
import { startHub } from '../../hub/hub';
import type { CatalogueProcedure } from '../../shared/provinceCatalogue';
import { openSignedInAdmin } from '../helpers/adminPage';
import { signedInAdmin } from '../helpers/devices';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';

const pg = hubPostgresPerFile();
const { browser, host: startHost } = browserWithHostPerTest();

const KHAI_SINH: CatalogueProcedure = { code: '1.001193', nameVi: 'Đăng ký khai sinh', nameEn: 'Birth registration', field: 'Hộ tịch', documents: ['Giấy chứng sinh', 'Căn cước của cha hoặc mẹ'] };
const CHUNG_THUC: CatalogueProcedure = { code: '2.000815', nameVi: 'Chứng thực', nameEn: 'Certification of copies and signatures', field: 'Chứng thực', documents: ['Bản chính giấy tờ cần chứng thực'] };
const KET_HON: CatalogueProcedure = { code: '1.000894', nameVi: 'Đăng ký kết hôn', nameEn: 'Marriage registration', field: 'Hộ tịch', documents: ['Tờ khai đăng ký kết hôn'] };

describe('Quản trị → Kết nối tỉnh → Danh mục thủ tục của tỉnh', () => {
  it('shows published and applied versions, the diff and a conflict with both values; applies only what the admin picked', async () => {
    const hub = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined });
    try {
      const h = await startHost({ provinceIdleMs: 200 });
      const { code } = await hub.offices.add('UBND phường Hòa Bình');
      await joinProvince({ hubUrl: `http://127.0.0.1:${hub.port}`, code, links: new ProvinceLinkFile(h.dataDir), outbox: new OutboxReader(h.db) });
      await hub.catalogue.publish([KHAI_SINH, CHUNG_THUC], 'danh-muc.json');

      const admin = await openSignedInAdmin(browser(), h);
      await admin.click('[data-tab="province"]');
      await admin.waitForSelector('[data-testid="province-status"] [data-state="ok"]');
      // "Gửi ngay": the push's answer names version 1, the office pulls it.
      await admin.click('[data-action="push-now"]');
      const panel = '[data-testid="province-catalogue"]';
      await admin.waitForSelector(`${panel} [data-fact="published"]:has-text("Tỉnh đã công bố phiên bản 1")`, { timeout: 15_000 });
      expect(await admin.textContent(`${panel} [data-fact="applied"]`)).toBe('Chưa áp dụng phiên bản nào');
      expect(await admin.textContent(`${panel} [data-fact="summary"]`)).toBe('Áp dụng sẽ: thêm 1 thủ tục · cập nhật 0 dịch vụ · 1 xung đột cần chọn · 0 thủ tục tỉnh đã bỏ');
      expect(await admin.textContent(`${panel} [data-list="added"]`)).toContain('1.001193 Đăng ký khai sinh');

      // Applying with a conflict not settled is refused in Vietnamese; nothing changes.
      const servicesBefore = h.db.prepare('SELECT * FROM services ORDER BY id').all();
      await admin.click('[data-action="apply-catalogue"]');
      await admin.waitForSelector(`${panel} [data-testid="save-errors"]:has-text("Còn 1 mục xung đột chưa chọn")`);
      expect(h.db.prepare('SELECT * FROM services ORDER BY id').all()).toEqual(servicesBefore);
      await admin.click(`${panel} [data-code="2.000815"] [data-choice="province"]`);
      await admin.click('[data-action="apply-catalogue"]');
      await admin.waitForSelector(`${panel} [data-state="up-to-date"]`);
      expect(await admin.textContent(`${panel} [data-fact="applied"]`)).toBe('Đang áp dụng phiên bản 1');
      expect(await admin.textContent(`${panel} [data-testid="save-message"]`)).toBe('Đã áp dụng phiên bản 1 của tỉnh');

      // The office renames its birth registration; the province then renames it and adds a procedure.
      const khaiSinh = (h.db.prepare("SELECT service_id FROM service_procedures WHERE procedure_code = '1.001193'").get() as { service_id: number }).service_id;
      const api = await signedInAdmin(h);
      expect((await api.post('/api/admin/services', { id: khaiSinh, nameVi: 'Đăng ký khai sinh (tại phường)' })).status).toBe(200);
      await hub.catalogue.publish([{ ...KHAI_SINH, nameVi: 'Đăng ký khai sinh cho trẻ em', documents: [...KHAI_SINH.documents, 'Giấy chứng nhận kết hôn của cha mẹ'] }, CHUNG_THUC, KET_HON], 'danh-muc-2.json');
      await admin.click('[data-action="push-now"]');
      await admin.waitForSelector(`${panel} [data-fact="published"]:has-text("Tỉnh đã công bố phiên bản 2")`, { timeout: 15_000 });
      expect(await admin.textContent(`${panel} [data-fact="applied"]`)).toBe('Đang áp dụng phiên bản 1');
      const conflict = `${panel} [data-code="1.001193"]`;
      const conflictText = (await admin.textContent(conflict)) ?? '';
      expect(conflictText).toContain('Bản của bộ phận');
      expect(conflictText).toContain('Đăng ký khai sinh (tại phường)');
      expect(conflictText).toContain('Bản của tỉnh');
      expect(conflictText).toContain('Đăng ký khai sinh cho trẻ em');
      // The documents only the province changed are taken, and the admin is told.
      expect(conflictText).toContain('Tỉnh còn thay đổi (bộ phận chưa sửa, sẽ cập nhật): Giấy tờ cần mang');
      await admin.locator(panel).scrollIntoViewIfNeeded();
      await admin.screenshot({ path: shotFile('admin-province-catalogue-1366x768.png') });

      await admin.click(`${conflict} [data-choice="local"]`);
      await admin.click('[data-action="apply-catalogue"]');
      await admin.waitForSelector(`${panel} [data-state="up-to-date"]`);
      const row = h.db.prepare('SELECT name_vi, documents, active FROM services WHERE id = ?').get(khaiSinh);
      expect(row).toEqual({ name_vi: 'Đăng ký khai sinh (tại phường)', documents: JSON.stringify([...KHAI_SINH.documents, 'Giấy chứng nhận kết hôn của cha mẹ']), active: 0 });
      expect(h.db.prepare("SELECT s.name_vi FROM service_procedures p JOIN services s ON s.id = p.service_id WHERE p.procedure_code = '1.000894'").get()).toEqual({ name_vi: 'Đăng ký kết hôn' });
      await admin.context().close();
    } finally {
      await hub.close();
    }
  }, 120_000);
});
