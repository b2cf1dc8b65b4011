import { describe, expect, it } from 'vitest';
import { STAFF, tempQueue } from '../../helpers/tempHost';

// The display's answer is fetched by every hall TV after every call (issue #15): with the sample
// centre's full line it must stay ≤ 20 KB. Its size is fixed by the data, not by the machine.
describe('the display answer at a provincial centre’s scale', () => {
  it('40 counters serving and 2,000 waiting across 100 procedures: the whole-centre answer is ≤ 20 KB, and it still says everything the hall sees', () => {
    const { queue } = tempQueue({ sample: 'centre' });
    const services = queue.views.listServices().map((s) => s.id);
    const counters = queue.views.listCounters().map((c) => c.id);
    counters.forEach((c, i) => queue.counters.open(c, i + 1));
    for (let i = 0; i < 2040; i++) queue.issuer.issue({ serviceId: services[i % services.length] as number });
    counters.forEach((c, i) => queue.calling.callNext(c, STAFF(c, i + 1)));
    const all = queue.views.display();
    const bytes = Buffer.byteLength(JSON.stringify(all));
    expect(bytes).toBeLessThanOrEqual(20 * 1024);
    // Nothing the TV draws was dropped to get there: every counter with the number it serves…
    expect(all.counters).toHaveLength(40);
    expect(all.counters.every((c) => c.current !== null && /^[A-T][A-E]\d{3}$/.test(c.current.number) && c.name !== '')).toBe(true);
    expect(all.recentCalls.length).toBe(8);
    expect(all.nowCalling?.counterNumber).toBe(40);
    // …and who waits: one line per department, all 2,000 still waiting counted.
    expect(all.waiting).toHaveLength(20);
    expect(all.waiting[0]).toMatchObject({ id: expect.stringMatching(/^g\d+$/), nameVi: 'Sở Tư pháp', nameEn: 'Department of Justice' });
    expect(all.waiting.reduce((n, w) => n + w.waiting, 0)).toBe(2000);
    // One floor: only its own counters and departments.
    const floor2 = queue.views.display(2);
    expect(floor2.counters.map((c) => c.number)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38]);
    expect(floor2.waiting.length).toBeGreaterThan(0);
    expect(floor2.waiting.length).toBeLessThan(20);
    expect(Buffer.byteLength(JSON.stringify(floor2))).toBeLessThan(bytes);
  }, 30_000);

  it('a ward (no groups) still reads its six services one by one, zeros included', () => {
    const { queue } = tempQueue();
    queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 3 });
    expect(queue.views.display().waiting).toEqual([
      { id: 's1', nameVi: 'Hộ tịch', nameEn: 'Civil status registration', waiting: 2 },
      { id: 's2', nameVi: 'Chứng thực', nameEn: 'Certification of copies and signatures', waiting: 0 },
      { id: 's3', nameVi: 'Đất đai', nameEn: 'Land', waiting: 1 },
      { id: 's4', nameVi: 'Tư pháp', nameEn: 'Justice', waiting: 0 },
      { id: 's5', nameVi: 'Lao động – Thương binh và Xã hội', nameEn: 'Labour, Invalids and Social Affairs', waiting: 0 },
      { id: 's6', nameVi: 'Trả kết quả', nameEn: 'Collect results', waiting: 0 },
    ]);
  });

  it('a department with procedures on both floors counts on each floor only what that floor serves', () => {
    const { queue, db } = tempQueue({ sample: 'centre' });
    // Counter 1 (floor 1, Sở Tư pháp) also takes a floor-2 department's first procedure.
    const police = db.prepare("SELECT id, group_id FROM services WHERE code = 'QA01'").get() as { id: number; group_id: number };
    db.prepare('INSERT INTO counter_services (counter_id, service_id, position) VALUES (1, ?, 9)').run(police.id);
    for (let i = 0; i < 3; i++) queue.issuer.issue({ serviceId: police.id });
    const other = db.prepare("SELECT id FROM services WHERE code = 'QB02'").get() as { id: number };
    queue.issuer.issue({ serviceId: other.id });
    const line = (zone: number) => queue.views.display(zone).waiting.find((w) => w.id === `g${police.group_id}`);
    expect(line(1)?.waiting).toBe(3);
    expect(line(2)?.waiting).toBe(4);
    expect(queue.views.display().waiting.find((w) => w.id === `g${police.group_id}`)?.waiting).toBe(4);
  });
});
