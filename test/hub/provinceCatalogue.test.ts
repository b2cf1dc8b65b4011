// Issue #29: the province's service catalogue. The hub publishes numbered versions from the
// province admin's file (`npm run hub -- catalogue publish`), a real office host (`npm run serve`,
// joined through the real join flow) pulls them on its link, and its admin applies one deliberately:
// procedures tied to services by code, new ones added, a local edit never overwritten unasked.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { latestBackup } from '../../electron/host/db/backup';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import type { CatalogueProcedure } from '../../shared/provinceCatalogue';
import { enrollCli, TEST_ADMIN_PASSWORD } from '../helpers/devices';
import { HttpClient } from '../helpers/httpClient';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { startServe, waitExit } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';

const run = promisify(execFile);

/** Poll an asynchronous check (an HTTP round trip each time) until it holds. */
async function until<T>(check: () => Promise<T | undefined | null | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
const pg = hubPostgresPerFile();
const open: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function hub(): Promise<{ hub: Hub; url: string }> {
  const url = await pg.database();
  const h = await startHub({ port: 0, databaseUrl: url, log: () => undefined });
  open.push(() => h.close());
  return { hub: h, url };
}

/** `npm run hub -- catalogue …` as the province's admin types it. */
async function hubCli(url: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', path.resolve('scripts/hub.ts'), ...args, '--database-url', url], { encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function catalogueFile(procedures: unknown, name = 'catalogue.json'): string {
  const file = path.join(tempDir('motcua-cat-'), name);
  fs.writeFileSync(file, JSON.stringify({ procedures }));
  return file;
}

const KHAI_SINH: CatalogueProcedure = { code: '1.001193', nameVi: 'Đăng ký khai sinh', nameEn: 'Birth registration', field: 'Hộ tịch', documents: ['Giấy chứng sinh', 'Căn cước của cha hoặc mẹ'] };
const KET_HON: CatalogueProcedure = { code: '1.000894', nameVi: 'Đăng ký kết hôn', nameEn: 'Marriage registration', field: 'Hộ tịch', documents: ['Tờ khai đăng ký kết hôn'] };
// The sample ward already has a "Chứng thực" service: tied by name the first time.
const CHUNG_THUC: CatalogueProcedure = { code: '2.000815', nameVi: 'Chứng thực', nameEn: 'Certification of copies and signatures', field: 'Chứng thực', documents: ['Bản chính giấy tờ cần chứng thực'] };
const DAT_DAI: CatalogueProcedure = { code: '1.004227', nameVi: 'Đăng ký biến động đất đai', nameEn: 'Land change registration', field: 'Đất đai', documents: ['Đơn đăng ký biến động', 'Giấy chứng nhận đã cấp'] };

/** A real office: `serve` on its own data folder, joined to the hub with `npm run device -- hub-join`, and its admin signed in. */
async function office(h: Hub, name: string): Promise<{ srv: ServeProcess; dir: string; admin: HttpClient; officeId: string; db: Database.Database }> {
  const dir = tempDir();
  const srv = await startServe(dir);
  open.push(async () => {
    srv.child.kill('SIGTERM');
    await waitExit(srv.child);
  });
  const { office: row, code } = await h.offices.add(name);
  await run(process.execPath, ['--import', 'tsx', path.resolve('scripts/device.ts'), 'hub-join', '--data', dir, '--hub', `http://127.0.0.1:${h.port}`, '--code', code], { encoding: 'utf8' });
  const admin = new HttpClient(srv.base, enrollCli(dir, 'admin'));
  expect((await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200);
  const db = new Database(path.join(dir, 'motcua.sqlite'), { readonly: true });
  open.push(async () => db.close());
  return { srv, dir, admin, officeId: row.id, db };
}

/** "Gửi ngay": the push's answer names the hub's latest version; the office pulls it. */
async function pulled(admin: HttpClient, version: number) {
  return until(async () => {
    await admin.post('/api/admin/province/push');
    const v = (await admin.get('/api/admin/province/catalogue')).body;
    return v.published?.version === version ? v : undefined;
  }, 20_000);
}

const services = (db: Database.Database) => db.prepare('SELECT * FROM services ORDER BY id').all() as Record<string, unknown>[];
const byId = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [r.id as number, r]));
const otherTables = (db: Database.Database) => ({
  counters: db.prepare('SELECT * FROM counters ORDER BY id').all(),
  counterServices: db.prepare('SELECT * FROM counter_services ORDER BY counter_id, position').all(),
  officers: db.prepare('SELECT id, name, title, active FROM officers ORDER BY id').all(),
});

describe('the province catalogue: published at the hub, pulled and applied at an office', () => {
  it('v1 published → pulled → applied (services carry the codes); v2 over a local edit shows a conflict and overwrites nothing unasked', async () => {
    const { hub: h, url } = await hub();
    const o = await office(h, 'UBND phường Hòa Bình');

    const published = await hubCli(url, ['catalogue', 'publish', '--file', catalogueFile([KHAI_SINH, KET_HON, CHUNG_THUC])]);
    expect(published.code, published.stderr).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ published: 1, procedures: 3, added: 3, changed: 0, removed: 0 });

    const v1 = await pulled(o.admin, 1);
    expect(v1.applied).toBeNull();
    expect(v1.diff.added.map((i: { code: string }) => i.code)).toEqual([KHAI_SINH.code, KET_HON.code]);
    // Tied by name, never applied: the office's empty list and the province's differ, so the admin is asked.
    expect(v1.diff.conflicts).toHaveLength(1);
    expect(v1.diff.conflicts[0]).toMatchObject({ code: CHUNG_THUC.code, serviceName: 'Chứng thực', newLink: true, conflicts: [{ field: 'documents', local: [], province: CHUNG_THUC.documents }] });

    const before = services(o.db);
    const othersBefore = otherTables(o.db);
    // Without a choice for the conflict nothing is applied.
    const refused = await o.admin.post('/api/admin/province/catalogue', { version: 1, choices: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CATALOGUE_CHOICE_NEEDED');
    expect(refused.body.error.message).toContain(CHUNG_THUC.code);
    expect(services(o.db)).toEqual(before);

    const applied = await o.admin.post('/api/admin/province/catalogue', { version: 1, choices: { [CHUNG_THUC.code]: 'province' } });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.result).toMatchObject({ version: 1, added: 2, updated: 1, tookProvince: 1, keptLocal: 0 });
    expect(applied.body.view).toMatchObject({ published: { version: 1 }, applied: { version: 1 }, diff: { added: [], changed: [], conflicts: [], removed: [] } });

    // The services carry the procedure codes; the new ones are off until the office takes them on.
    const tied = o.db.prepare('SELECT p.procedure_code, s.name_vi, s.active, s.documents, g.name_vi AS grp FROM service_procedures p JOIN services s ON s.id = p.service_id LEFT JOIN service_groups g ON g.id = s.group_id ORDER BY p.procedure_code').all();
    expect(tied).toEqual([
      { procedure_code: KET_HON.code, name_vi: KET_HON.nameVi, active: 0, documents: JSON.stringify(KET_HON.documents), grp: 'Hộ tịch' },
      { procedure_code: KHAI_SINH.code, name_vi: KHAI_SINH.nameVi, active: 0, documents: JSON.stringify(KHAI_SINH.documents), grp: 'Hộ tịch' },
      { procedure_code: CHUNG_THUC.code, name_vi: 'Chứng thực', active: 1, documents: JSON.stringify(CHUNG_THUC.documents), grp: null },
    ]);
    // What the catalogue did not touch is as it was: every other service whole, Chứng thực but its documents, counters, officers.
    const after = byId(services(o.db));
    for (const s of before) {
      if (s.name_vi === 'Chứng thực') expect(after.get(s.id as number)).toEqual({ ...s, documents: JSON.stringify(CHUNG_THUC.documents) });
      else expect(after.get(s.id as number)).toEqual(s);
    }
    expect(after.size).toBe(before.length + 2);
    expect(otherTables(o.db)).toEqual(othersBefore);
    // One config.changed event for the whole apply, so every screen refreshes once.
    const events = o.db.prepare("SELECT payload FROM events WHERE type = 'config.changed' AND payload LIKE '%provinceCatalogue%'").all() as { payload: string }[];
    expect(events).toHaveLength(1);

    // The hub hears which version the office runs (with its devices and its last backup).
    await until(async () => {
      await o.admin.post('/api/admin/province/push');
      return (await h.catalogue.officeVersions()).find((r) => r.officeId === o.officeId)?.catalogueVersion === 1;
    }, 20_000);
    const extras = (await h.db.pool.query('SELECT devices, last_backup_at FROM office_extras WHERE office_id = $1', [o.officeId])).rows[0];
    // The office's newest backup file as the hub heard of it (none yet: null).
    const newest = latestBackup(path.join(o.srv.dataDir || o.dir, 'backups'));
    expect(extras.last_backup_at?.getTime() ?? null).toBe(newest ? Math.round(fs.statSync(newest).mtimeMs) : null);
    expect(extras.devices).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'admin', name: 'admin (dòng lệnh)' })]));
    expect(extras.devices.find((d: { kind: string }) => d.kind === 'admin').lastSeenAt).toBeGreaterThan(Date.now() - 120_000);

    // The office renames "Đăng ký khai sinh" locally; the province then renames it too and changes its documents.
    const khaiSinh = o.db.prepare('SELECT service_id FROM service_procedures WHERE procedure_code = ?').get(KHAI_SINH.code) as { service_id: number };
    const localName = 'Đăng ký khai sinh (tại phường)';
    expect((await o.admin.post('/api/admin/services', { id: khaiSinh.service_id, nameVi: localName })).status).toBe(200);
    const v2Khai = { ...KHAI_SINH, nameVi: 'Đăng ký khai sinh cho trẻ em', documents: ['Giấy chứng sinh', 'Căn cước của cha hoặc mẹ', 'Giấy chứng nhận kết hôn của cha mẹ'] };
    const v2Ket = { ...KET_HON, nameEn: 'Registration of marriage' };
    const second = await hubCli(url, ['catalogue', 'publish', '--file', catalogueFile([v2Khai, v2Ket, DAT_DAI])]);
    expect(JSON.parse(second.stdout)).toMatchObject({ published: 2, procedures: 3, added: 1, changed: 2, removed: 1 });
    // The same list again would show every office a version with nothing in it: refused.
    const same = await hubCli(url, ['catalogue', 'publish', '--file', catalogueFile([v2Khai, v2Ket, DAT_DAI])]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('Danh mục giống hệt phiên bản 2 đã công bố; không công bố phiên bản mới');

    const v2 = await pulled(o.admin, 2);
    expect(v2.applied.version).toBe(1);
    expect(v2.diff.added.map((i: { code: string }) => i.code)).toEqual([DAT_DAI.code]);
    expect(v2.diff.changed).toEqual([expect.objectContaining({ code: KET_HON.code, updates: [{ field: 'nameEn', local: KET_HON.nameEn, province: v2Ket.nameEn }], conflicts: [] })]);
    // Both changed the name: a conflict with both values. Only the province changed the documents: taken as they are.
    expect(v2.diff.conflicts).toEqual([
      expect.objectContaining({
        code: KHAI_SINH.code,
        serviceName: localName,
        conflicts: [{ field: 'nameVi', local: localName, province: v2Khai.nameVi }],
        updates: [{ field: 'documents', local: KHAI_SINH.documents, province: v2Khai.documents }],
      }),
    ]);
    expect(v2.diff.removed).toEqual([expect.objectContaining({ code: CHUNG_THUC.code, serviceName: 'Chứng thực' })]);

    const before2 = services(o.db);
    const others2 = otherTables(o.db);
    const r2 = await o.admin.post('/api/admin/province/catalogue', { version: 2, choices: { [KHAI_SINH.code]: 'local' } });
    expect(r2.status, JSON.stringify(r2.body)).toBe(200);
    expect(r2.body.result).toMatchObject({ added: 1, keptLocal: 1, tookProvince: 0, unlinked: 1 });
    const after2 = byId(services(o.db));
    const ketHon = (o.db.prepare('SELECT service_id FROM service_procedures WHERE procedure_code = ?').get(KET_HON.code) as { service_id: number }).service_id;
    for (const s of before2) {
      const now = after2.get(s.id as number);
      if (s.id === khaiSinh.service_id) expect(now).toEqual({ ...s, name_vi: localName, documents: JSON.stringify(v2Khai.documents) });
      else if (s.id === ketHon) expect(now).toEqual({ ...s, name_en: v2Ket.nameEn });
      else expect(now).toEqual(s);
    }
    expect(otherTables(o.db)).toEqual(others2);
    // Dropped by the province: the service stays as it is, no longer tied.
    expect(o.db.prepare('SELECT procedure_code FROM service_procedures ORDER BY procedure_code').all()).toEqual([{ procedure_code: KET_HON.code }, { procedure_code: KHAI_SINH.code }, { procedure_code: DAT_DAI.code }]);
    // Kept local this time: the same name is not asked again while the province leaves it.
    expect((await o.admin.get('/api/admin/province/catalogue')).body.diff).toMatchObject({ added: [], changed: [], conflicts: [], removed: [] });

    // `catalogue list` names the offices running each version.
    await until(async () => {
      await o.admin.post('/api/admin/province/push');
      return (await h.catalogue.officeVersions()).find((r) => r.officeId === o.officeId)?.catalogueVersion === 2;
    }, 20_000);
    const list = (await hubCli(url, ['catalogue', 'list'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(list.map((v) => [v.version, v.procedures, v.offices])).toEqual([
      [1, 3, []],
      [2, 3, ['UBND phường Hòa Bình']],
    ]);
  }, 180_000);

  it('refuses a bad file with the reasons and publishes nothing; takes the office’s XLSX layout', async () => {
    const { url, hub: h } = await hub();
    const bad = catalogueFile([KHAI_SINH, { ...KET_HON, code: 'KH-01' }, { ...CHUNG_THUC, nameVi: '' }, { ...DAT_DAI, code: KHAI_SINH.code }, { ...KET_HON, code: '1.000895', documents: ['x'.repeat(161)] }, { ...KET_HON, code: '1.000896', documents: Array.from({ length: 13 }, (_, i) => `Giấy tờ ${i + 1}`) }]);
    const r = await hubCli(url, ['catalogue', 'publish', '--file', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không công bố');
    expect(r.stderr).toContain('Thủ tục thứ 2 (KH-01), code: mã thủ tục như trên Cổng dịch vụ công quốc gia');
    expect(r.stderr).toContain('Thủ tục thứ 3 (2.000815), nameVi: cần tên');
    expect(r.stderr).toContain(`Thủ tục thứ 4 (${KHAI_SINH.code}), code: mã ${KHAI_SINH.code} đã có ở thủ tục thứ 1`);
    expect(r.stderr).toContain('Thủ tục thứ 5 (1.000895), documents.0: một giấy tờ dài quá 160 ký tự');
    expect(r.stderr).toContain('Thủ tục thứ 6 (1.000896), documents: quá 12 giấy tờ');
    const notJson = path.join(tempDir('motcua-cat-'), 'catalogue.json');
    fs.writeFileSync(notJson, '{"procedures": [');
    expect((await hubCli(url, ['catalogue', 'publish', '--file', notJson])).stderr).toContain('Tệp không phải JSON hợp lệ');
    expect((await h.db.pool.query('SELECT count(*)::int AS n FROM catalogue_versions')).rows[0].n).toBe(0);

    // The sheet an office exports from its own catalogue (Mã, Lĩnh vực, Tên thủ tục, …), without the prefix column.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thủ tục');
    ws.addRow(['Mã', 'Lĩnh vực', 'Tên thủ tục', 'Tên tiếng Anh', 'Giấy tờ cần mang']);
    ws.addRow([KHAI_SINH.code, KHAI_SINH.field, KHAI_SINH.nameVi, KHAI_SINH.nameEn, KHAI_SINH.documents.join('\n')]);
    ws.addRow([DAT_DAI.code, DAT_DAI.field, DAT_DAI.nameVi, DAT_DAI.nameEn, DAT_DAI.documents.join('\n')]);
    const xlsx = path.join(tempDir('motcua-cat-'), 'danh-muc.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const ok = await hubCli(url, ['catalogue', 'publish', '--file', xlsx]);
    expect(ok.code, ok.stderr).toBe(0);
    expect((await h.catalogue.latest())?.procedures).toEqual([
      { code: KHAI_SINH.code, nameVi: KHAI_SINH.nameVi, nameEn: KHAI_SINH.nameEn, field: KHAI_SINH.field, documents: KHAI_SINH.documents },
      { code: DAT_DAI.code, nameVi: DAT_DAI.nameVi, nameEn: DAT_DAI.nameEn, field: DAT_DAI.field, documents: DAT_DAI.documents },
    ]);
    // Published is final.
    await expect(h.db.pool.query("UPDATE catalogue_versions SET source = 'x'")).rejects.toThrow(/never changes/);
  }, 90_000);

  it('GET /hub/api/catalogue: office credential, 304 when the office has it, wrong credentials share the push route’s budget', async () => {
    const { hub: h } = await hub();
    const { code } = await h.offices.add('UBND xã Nghĩa Hưng');
    const { credential } = await h.offices.join(code);
    const base = `http://127.0.0.1:${h.port}/hub/api/catalogue`;
    const auth = { authorization: `Bearer ${credential}` };
    expect(await (await fetch(base, { headers: auth })).json()).toEqual({ catalogue: null });
    await h.catalogue.publish([KHAI_SINH], 'test');
    const first = await fetch(base, { headers: auth });
    expect(first.headers.get('etag')).toBe('"v1"');
    // Sent gzipped to an office that takes it (fetch asks for it and inflates), plain to one that does not.
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(base, { headers: { ...auth, 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(((await plain.json()) as { catalogue: { procedures: unknown[] } }).catalogue.procedures).toEqual([KHAI_SINH]);
    expect(((await first.json()) as { catalogue: { version: number } }).catalogue.version).toBe(1);
    const again = await fetch(base, { headers: { ...auth, 'if-none-match': '"v1"' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await fetch(`${base}?have=1`, { headers: auth })).status).toBe(304);
    await h.catalogue.publish([KHAI_SINH, KET_HON], 'test');
    expect((await fetch(base, { headers: { ...auth, 'if-none-match': '"v1"' } })).status).toBe(200);

    expect((await fetch(base)).status).toBe(401);
    const wrong = { authorization: `Bearer ${'x'.repeat(43)}` };
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await fetch(base, { headers: wrong })).status);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
    // The same address is now refused at the push route as well: one budget for every office route.
    const push = await fetch(`http://127.0.0.1:${h.port}/hub/api/push`, { method: 'POST', headers: wrong, body: '{}' });
    expect(push.status).toBe(429);
  }, 60_000);
});
