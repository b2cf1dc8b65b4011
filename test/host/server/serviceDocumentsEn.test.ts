// The documents to bring in English (m013, issue #15) through the real HTTP API with the admin
// signed in: a save edited twice changes only what it was sent, bad input is refused with nothing
// written, and a catalogue sheet without the English column keeps what is stored.
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { signedInAdmin } from '../../helpers/devices';
import { tempHost } from '../../helpers/tempHost';

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

type Row = Record<string, unknown>;
const services = (h: Host) => h.db.prepare('SELECT * FROM services ORDER BY id').all() as Row[];
const configEvents = (h: Host) => (h.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'config.changed'").get() as { n: number }).n;
const serviceView = async (admin: Awaited<ReturnType<typeof signedInAdmin>>, id: number) =>
  ((await admin.get('/api/services')).body as { id: number; documents: string[]; documentsEn: string[] }[]).find((s) => s.id === id);

describe('a service’s documents in English', () => {
  it('are saved, edited a second time, and shown in the service view; the Vietnamese list and every other row stay as they were', async () => {
    const h = (host = await tempHost());
    const admin = await signedInAdmin(h);
    const [first, second] = services(h) as { id: number }[];
    const vi = await admin.post('/api/admin/services', { id: first!.id, documents: ['Tờ khai theo mẫu', 'Căn cước công dân'] });
    expect(vi.status, JSON.stringify(vi.body)).toBe(200);
    expect(vi.body).toMatchObject({ documents: ['Tờ khai theo mẫu', 'Căn cước công dân'], documentsEn: [] });

    let before = services(h);
    const r1 = await admin.post('/api/admin/services', { id: first!.id, documentsEn: ['  Application form ', 'ID card'] });
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    expect(r1.body).toMatchObject({ documents: ['Tờ khai theo mẫu', 'Căn cước công dân'], documentsEn: ['Application form', 'ID card'] });
    expect(services(h)).toEqual(before.map((s) => (s.id === first!.id ? { ...s, documents_en: '["Application form","ID card"]' } : s)));
    expect(await serviceView(admin, first!.id)).toMatchObject({ documents: ['Tờ khai theo mẫu', 'Căn cước công dân'], documentsEn: ['Application form', 'ID card'] });

    // Edited twice: the second save replaces the list; a save of another field leaves it alone.
    before = services(h);
    const r2 = await admin.post('/api/admin/services', { id: first!.id, documentsEn: ['Application form (official template)'] });
    expect(r2.status).toBe(200);
    expect(services(h)).toEqual(before.map((s) => (s.id === first!.id ? { ...s, documents_en: '["Application form (official template)"]' } : s)));
    const r3 = await admin.post('/api/admin/services', { id: first!.id, descriptionEn: 'Bring the originals' });
    expect(r3.status).toBe(200);
    expect(r3.body).toMatchObject({ documentsEn: ['Application form (official template)'], documents: ['Tờ khai theo mẫu', 'Căn cước công dân'] });
    expect((await serviceView(admin, second!.id))?.documentsEn).toEqual([]);
    // Cleared: an empty list is a list (the kiosk falls back to the Vietnamese one).
    expect((await admin.post('/api/admin/services', { id: first!.id, documentsEn: [] })).body).toMatchObject({ documentsEn: [] });
  });

  it('refuses bad input with the same limits as the Vietnamese list, and writes nothing', async () => {
    const h = (host = await tempHost());
    const admin = await signedInAdmin(h);
    const id = (services(h)[0] as { id: number }).id;
    await admin.post('/api/admin/services', { id, documents: ['Tờ khai'], documentsEn: ['Form'] });
    const before = services(h);
    const events = configEvents(h);
    const bad: unknown[] = [
      Array.from({ length: 13 }, (_, i) => `Document ${i}`), // more than 12
      ['x'.repeat(161)], // a line longer than 160
      ['Form', '   '], // an empty line
      'Application form', // not a list
      [42],
    ];
    for (const documentsEn of bad) {
      const r = await admin.post('/api/admin/services', { id, documentsEn, nameEn: 'Changed too' });
      expect(r.status, JSON.stringify(documentsEn)).toBe(400);
      expect((r.body as { error: { code: string; message: string } }).error.code).toBe('BAD_REQUEST');
      // The error names the field, so the admin screen can say which list is wrong.
      expect((r.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path).join(' ')).toMatch(/^documentsEn/);
      // The same input is refused for the Vietnamese list: one rule for both.
      expect((await admin.post('/api/admin/services', { id, documents: documentsEn })).status).toBe(400);
    }
    // Exactly at the limits it is accepted.
    const edge = Array.from({ length: 12 }, (_, i) => `${i}`.padEnd(160, 'x'));
    expect((await admin.post('/api/admin/services', { id, documents: edge })).status).toBe(200);
    expect((await admin.post('/api/admin/services', { id, documentsEn: edge })).status).toBe(200);
    const after = services(h);
    expect(after).toEqual(before.map((s) => (s.id === id ? { ...s, documents: JSON.stringify(edge), documents_en: JSON.stringify(edge) } : s)));
    expect(configEvents(h)).toBe(events + 2);
    // Nothing half-written by the refused saves: the name they also carried was not stored.
    expect(after.find((s) => s.id === id)?.name_en).toBe(before.find((s) => s.id === id)?.name_en);
  });

  it('a catalogue sheet with the English column sets it; an older sheet without it keeps what is stored, and a new service gets none', async () => {
    const h = (host = await tempHost({ seed: 'centre' }));
    const admin = await signedInAdmin(h);
    const exported = (await admin.get('/api/admin/catalogue')).body as Row[];
    expect(exported).toHaveLength(100);
    expect(exported[0]).toMatchObject({ code: 'AA01', documentsEn: ['Application form (official template)', 'The applicant’s ID card (or passport)', 'Proof of residence'] });
    const aa01 = exported[0]!;
    const withEn = await admin.post('/api/admin/catalogue', { rows: [{ ...aa01, documentsEn: ['Form', 'ID card'] }] });
    expect(withEn.status, JSON.stringify(withEn.body)).toBe(200);
    expect(h.db.prepare("SELECT documents, documents_en FROM services WHERE code = 'AA01'").get()).toEqual({ documents: JSON.stringify(aa01.documents), documents_en: '["Form","ID card"]' });

    // A sheet from before m013: no documentsEn in any row.
    const before = services(h);
    const { documentsEn: _drop, ...old } = aa01;
    const r = await admin.post('/api/admin/catalogue', {
      rows: [
        { ...old, documents: ['Tờ khai mới'] },
        { code: 'ZZ01', group: '', nameVi: 'Thủ tục mới', nameEn: '', prefix: 'ZZ', descriptionVi: '', documents: ['Đơn'] },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ created: 1, updated: 1, groupsCreated: 0 });
    const after = services(h);
    expect(after.filter((s) => s.code !== 'ZZ01')).toEqual(before.map((s) => (s.code === 'AA01' ? { ...s, documents: '["Tờ khai mới"]' } : s)));
    expect(after.find((s) => s.code === 'ZZ01')).toMatchObject({ documents: '["Đơn"]', documents_en: '[]' });

    // A bad English list in one row: nothing of the sheet is imported.
    const snapshot = services(h);
    const bad = await admin.post('/api/admin/catalogue', { rows: [{ ...old, nameVi: 'Đổi tên' }, { ...old, code: 'AB02', documentsEn: ['x'.repeat(161)] }] });
    expect(bad.status).toBe(400);
    expect(services(h)).toEqual(snapshot);
  });
});
