import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { STAFF, tempQueue } from '../../helpers/tempHost';

const count = (db: ReturnType<typeof tempQueue>['db'], table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('m009 on the ward office: one zone, no groups — the same office as before', () => {
  it('the ward seed keeps its 6 services and 4 counters, every counter in the one default zone', () => {
    const { db, queue } = tempQueue();
    expect(queue.catalogue.zones()).toEqual([{ id: 1, nameVi: 'Khu vực tiếp dân', nameEn: 'Reception hall', sortOrder: 0 }]);
    expect(queue.catalogue.groups()).toEqual([]);
    const services = queue.views.listServices();
    expect(services.map((s) => s.code)).toEqual(['HT', 'CT', 'DD', 'TP', 'LDTBXH', 'TKQ']);
    for (const s of services) expect(s).toMatchObject({ groupId: null, descriptionVi: '', documents: [], zoneIds: [1] });
    expect(queue.views.listCounters().map((c) => [c.number, c.zoneId])).toEqual([[1, 1], [2, 1], [3, 1], [4, 1]]);
    expect(count(db, 'officers')).toBe(4);
    // The whole-office display and the display of its one zone show the same counters.
    const all = queue.views.display();
    const zone1 = queue.views.display(1);
    expect(all.zone).toBeNull();
    expect(zone1.zone).toMatchObject({ id: 1 });
    expect(zone1.counters).toEqual(all.counters);
    expect(zone1.waiting).toEqual(all.waiting);
    expect(() => queue.views.display(7)).toThrow(AppError);
  });
});

describe('the sample provincial centre (MOTCUA_SEED=centre)', () => {
  it('seeds 20 groups, 100 services, 2 zones, 40 counters and 40 officers; every service has counters and documents', () => {
    const { db, queue } = tempQueue({ sample: 'centre' });
    expect(queue.catalogue.groups()).toHaveLength(20);
    expect(queue.catalogue.zones().map((z) => z.nameVi)).toEqual(['Tầng 1', 'Tầng 2']);
    expect(count(db, 'counters')).toBe(40);
    expect(count(db, 'officers')).toBe(40);
    const services = queue.views.listServices();
    expect(services).toHaveLength(100);
    expect(new Set(services.map((s) => s.prefix)).size).toBe(100);
    const groupIds = new Set(queue.catalogue.groups().map((g) => g.id));
    for (const s of services) {
      expect(groupIds.has(s.groupId ?? -1), s.nameVi).toBe(true);
      expect(s.zoneIds.length, s.nameVi).toBe(1);
      expect(s.documents.length).toBeGreaterThan(0);
      expect(s.descriptionVi).not.toBe('');
    }
    expect(services.find((s) => s.nameVi === 'Đăng ký biến động đất đai')?.zoneIds).toEqual([1]);
    expect(services.find((s) => s.nameVi === 'Cấp hộ chiếu phổ thông')?.zoneIds).toEqual([2]);
  });

  it('a call at a floor-2 counter is on floor 2’s display and leaves floor 1’s display exactly as it was', () => {
    const { queue } = tempQueue({ sample: 'centre' });
    const passport = queue.views.listServices().find((s) => s.nameVi === 'Cấp hộ chiếu phổ thông')!;
    const counter = queue.views.listCounters().find((c) => c.serviceIds[0] === passport.id)!;
    expect(counter.zoneId).toBe(2);
    queue.counters.open(counter.id, 1);
    const before1 = queue.views.display(1);
    const t = queue.issuer.issue({ serviceId: passport.id });
    queue.calling.callNext(counter.id, STAFF(counter.id, 1));
    const floor2 = queue.views.display(2);
    expect(floor2.nowCalling).toMatchObject({ number: t.number, counterNumber: counter.number });
    expect(floor2.counters.every((c) => queue.catalogue.zoneOfCounter(c.id) === 2)).toBe(true);
    const floor1 = queue.views.display(1);
    expect(floor1.nowCalling).toBeNull();
    expect(floor1.recentCalls).toEqual([]);
    const { now: _n, lastEventSeq: _s, ...rest1 } = floor1;
    const { now: _n0, lastEventSeq: _s0, ...rest0 } = before1;
    expect(rest1).toEqual(rest0);
    // The whole-office display still sees it.
    expect(queue.views.display().nowCalling?.number).toBe(t.number);
    // 40 counters and 100 services: the display's answer stays small (issue #15: ≤ 20 KB).
    expect(JSON.stringify(queue.views.display()).length).toBeLessThanOrEqual(20_000);
  });
});

describe('catalogue import from a spreadsheet', () => {
  it('updates by code, creates new codes and groups, keeps what the sheet does not carry; a bad row changes nothing', async () => {
    const { queue } = tempQueue();
    const { CatalogueAdmin } = await import('../../../electron/host/admin/catalogueAdmin');
    const admin = new CatalogueAdmin(queue);
    const before = queue.views.listServices();
    queue.ctx.db.prepare("UPDATE services SET hours = ?, daily_quota = 40 WHERE code = 'HT'").run(JSON.stringify([{ days: [1], from: '07:30', to: '11:30' }]));
    const r = admin.importCatalogue({
      rows: [
        { code: 'HT', group: 'Tư pháp – Hộ tịch', nameVi: 'Hộ tịch', nameEn: 'Civil status', prefix: 'A', descriptionVi: 'Khai sinh, kết hôn, khai tử', documents: ['Căn cước công dân'] },
        { code: 'CTX', group: 'Tư pháp – Hộ tịch', nameVi: 'Chứng thực chữ ký', nameEn: '', prefix: 'G', descriptionVi: '', documents: [] },
      ],
    });
    expect(r).toEqual({ created: 1, updated: 1, groupsCreated: 1 });
    const after = queue.views.listServices();
    const group = queue.catalogue.groups();
    expect(group.map((g) => g.nameVi)).toEqual(['Tư pháp – Hộ tịch']);
    expect(after.find((s) => s.code === 'HT')).toMatchObject({ groupId: group[0]!.id, descriptionVi: 'Khai sinh, kết hôn, khai tử', documents: ['Căn cước công dân'], dailyQuota: 40 });
    expect(after.find((s) => s.code === 'HT')!.hours).toHaveLength(1);
    expect(after.find((s) => s.code === 'CTX')).toMatchObject({ prefix: 'G', groupId: group[0]!.id, active: true });
    // The other services are as they were.
    for (const s of before.filter((x) => x.code !== 'HT')) expect(after.find((x) => x.id === s.id)).toEqual({ ...s, etaMinutes: s.etaMinutes === null ? null : expect.any(Number) });

    const snapshot = JSON.stringify([queue.views.listServices(), queue.catalogue.groups()]);
    expect(() =>
      admin.importCatalogue({
        rows: [
          { code: 'TP', group: 'Nhóm mới', nameVi: 'Tư pháp sửa', nameEn: '', prefix: 'D', descriptionVi: '', documents: [] },
          { code: 'TP', group: '', nameVi: 'Lặp mã', nameEn: '', prefix: 'D', descriptionVi: '', documents: [] },
        ],
      }),
    ).toThrow(/TP/);
    // A bad second row after a good first one: the first (and its new group) is rolled back too.
    expect(() =>
      admin.importCatalogue({
        rows: [
          { code: 'TP', group: 'Nhóm mới', nameVi: 'Tư pháp sửa', nameEn: '', prefix: 'D', descriptionVi: '', documents: [] },
          { code: 'ZZ', group: '', nameVi: 'Tiền tố sai', nameEn: '', prefix: 'z9', descriptionVi: '', documents: [] },
        ],
      }),
    ).toThrow();
    expect(JSON.stringify([queue.views.listServices(), queue.catalogue.groups()])).toBe(snapshot);
  });
});
