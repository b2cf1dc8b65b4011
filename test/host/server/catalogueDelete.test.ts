// Deleting a department or a zone (issue #15), through the real HTTP API on the sample centre:
// a group's procedures become ungrouped, a zone with counters is refused by name, the last zone
// stays, a deleted zone's kiosks and displays serve the whole office — each one transaction that
// changes nothing it was not asked to.
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { enrollDevice, signedInAdmin, signedInCounter } from '../../helpers/devices';
import { HttpClient } from '../../helpers/httpClient';
import { tempHost } from '../../helpers/tempHost';

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

type Row = Record<string, unknown>;
const TABLES = ['zones', 'service_groups', 'services', 'counters', 'counter_services', 'tickets', 'devices', 'pairing_codes', 'officers', 'settings'] as const;
/** Every row of what a catalogue delete could touch, straight from the database file. */
function snapshot(h: Host): Record<(typeof TABLES)[number], Row[]> {
  return Object.fromEntries(
    TABLES.map((t) => [t, (h.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all() as Row[]).map(({ last_seen_at: _s, last_address: _a, ...r }) => r)]),
  ) as Record<(typeof TABLES)[number], Row[]>;
}
const configEvents = (h: Host) => (h.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'config.changed'").get() as { n: number }).n;
const lastConfigEvent = (h: Host) => JSON.parse((h.db.prepare("SELECT payload FROM events WHERE type = 'config.changed' ORDER BY id DESC LIMIT 1").get() as { payload: string }).payload) as Row;

async function centre(): Promise<{ h: Host; admin: HttpClient }> {
  const h = (host = await tempHost({ seed: 'centre' }));
  return { h, admin: await signedInAdmin(h) };
}

describe('deleting a department', () => {
  it('its procedures stay, ungrouped, with their waiting tickets; nothing else changes; one event', async () => {
    const { h, admin } = await centre();
    const land = (h.db.prepare("SELECT id FROM service_groups WHERE name_vi = 'Đất đai'").get() as { id: number }).id;
    const landServices = h.db.prepare('SELECT id, code FROM services WHERE group_id = ? ORDER BY sort_order, id').all(land) as { id: number; code: string }[];
    expect(landServices.map((s) => s.code)).toEqual(['BA01', 'BB02', 'BC03', 'BD04', 'BE05']);
    // A citizen already waits for a land procedure; a kiosk and a display stand on floor 2.
    const kiosk = enrollDevice(h, 'kiosk');
    const waiting = await new HttpClient(admin.base, kiosk).post('/api/tickets', { serviceId: landServices[0]!.id });
    expect(waiting.status).toBe(201);
    h.devices.enroll('display', null, 'TV tầng 2', 'test', 2);

    const before = snapshot(h);
    const events = configEvents(h);
    const r = await admin.post(`/api/admin/service-groups/${land}/delete`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ ok: true, ungrouped: ['BA01', 'BB02', 'BC03', 'BD04', 'BE05'] });
    const after = snapshot(h);

    const ids = new Set(landServices.map((s) => s.id));
    expect(after.service_groups).toEqual(before.service_groups.filter((g) => g.id !== land));
    expect(after.services).toEqual(before.services.map((s) => (ids.has(s.id as number) ? { ...s, group_id: null } : s)));
    for (const t of ['zones', 'counters', 'counter_services', 'tickets', 'devices', 'pairing_codes', 'officers', 'settings'] as const) expect(after[t], t).toEqual(before[t]);
    expect(configEvents(h)).toBe(events + 1);
    expect(lastConfigEvent(h)).toMatchObject({ what: 'serviceGroupDeleted', id: land, ungrouped: ['BA01', 'BB02', 'BC03', 'BD04', 'BE05'] });

    // The ungrouped procedures are still offered and served: a number, then a call at its counter.
    const listed = (await admin.get('/api/services')).body as { code: string; groupId: number | null; active: boolean }[];
    expect(listed.filter((s) => s.groupId === null).map((s) => s.code)).toEqual(['BA01', 'BB02', 'BC03', 'BD04', 'BE05']);
    const counter = h.db.prepare('SELECT c.number FROM counter_services cs JOIN counters c ON c.id = cs.counter_id WHERE cs.service_id = ? ORDER BY c.number LIMIT 1').get(landServices[0]!.id) as { number: number };
    const desk = await signedInCounter(h, counter.number, 1);
    const called = await desk.post(`/api/counters/${counter.number}/next`);
    expect([called.status, called.body.id]).toEqual([200, waiting.body.id]);

    // Gone is gone: a second delete and an unknown id are 404 and change nothing.
    const again = snapshot(h);
    expect((await admin.post(`/api/admin/service-groups/${land}/delete`)).body.error.code).toBe('GROUP_NOT_FOUND');
    expect((await admin.post('/api/admin/service-groups/999/delete')).status).toBe(404);
    expect((await admin.post('/api/admin/service-groups/abc/delete')).status).toBe(400);
    expect(snapshot(h)).toEqual(again);
  });
});

describe('deleting a zone', () => {
  it('a zone with counters is refused, naming them; the office keeps its last zone; refusals change nothing', async () => {
    const { h, admin } = await centre();
    const before = snapshot(h);
    const events = configEvents(h);
    const r = await admin.post('/api/admin/zones/2/delete');
    expect([r.status, r.body.error.code]).toEqual([409, 'ZONE_HAS_COUNTERS']);
    const names = (h.db.prepare('SELECT name FROM counters WHERE zone_id = 2 ORDER BY number').all() as { name: string }[]).map((c) => c.name);
    expect(names).toHaveLength(18);
    expect(r.body.error.message).toBe(`Khu vực "Tầng 2" còn ${names.join(', ')}: hãy chuyển các quầy sang khu vực khác trước`);
    // An inactive counter still stands in its zone: it is named too.
    await admin.post('/api/admin/counters', { id: 21, active: false });
    const inactive = snapshot(h);
    expect((await admin.post('/api/admin/zones/2/delete')).body.error.message).toContain('Quầy 21');
    expect(snapshot(h)).toEqual(inactive);
    expect(snapshot(h).counters).toEqual(before.counters.map((c) => (c.id === 21 ? { ...c, active: 0 } : c)));
    expect(configEvents(h)).toBe(events + 1);

    // Floor 2's counters move to floor 1; floor 2 goes; floor 1, now the only zone, cannot.
    for (let n = 21; n <= 38; n++) expect((await admin.post('/api/admin/counters', { id: n, zoneId: 1 })).status).toBe(200);
    expect((await admin.post('/api/admin/zones/2/delete')).status).toBe(200);
    const last = snapshot(h);
    const refused = await admin.post('/api/admin/zones/1/delete');
    expect([refused.status, refused.body.error.code]).toEqual([409, 'LAST_ZONE']);
    expect(snapshot(h)).toEqual(last);
    expect((await admin.post('/api/admin/zones/2/delete')).body.error.code).toBe('ZONE_NOT_FOUND');
  });

  it('an empty zone goes in one transaction: its kiosks, displays and pairing codes go back to the whole office; every other row stays', async () => {
    const { h, admin } = await centre();
    const created = await admin.post('/api/admin/zones', { nameVi: 'Sảnh B', nameEn: 'Hall B', sortOrder: 3 });
    expect(created.status).toBe(200);
    const zoneB = created.body.id as number;
    // Edited twice before it goes, as an office does.
    expect((await admin.post('/api/admin/zones', { id: zoneB, nameVi: 'Sảnh B – tạm' })).status).toBe(200);
    expect((await admin.post('/api/admin/zones', { id: zoneB, sortOrder: 4 })).body).toEqual({ id: zoneB, nameVi: 'Sảnh B – tạm', nameEn: 'Hall B', sortOrder: 4 });
    const kioskB = h.devices.enroll('kiosk', null, 'Kiosk sảnh B', 'test', zoneB).device.id;
    const displayB = h.devices.enroll('display', null, 'TV sảnh B', 'test', zoneB).device.id;
    const display2 = h.devices.enroll('display', null, 'TV tầng 2', 'test', 2).device.id;
    const code = await admin.post('/api/admin/devices/pairing', { role: 'display', zoneId: zoneB });
    expect(code.status).toBe(200);

    // One transaction: when the zone's own row cannot go (a failure planted for the test), the
    // devices already moved back to the whole office are moved back again, and no event is logged.
    const before = snapshot(h);
    const events = configEvents(h);
    h.db.exec("CREATE TRIGGER test_zone_stuck BEFORE DELETE ON zones BEGIN SELECT RAISE(ABORT, 'stuck'); END");
    expect((await admin.post(`/api/admin/zones/${zoneB}/delete`)).status).toBe(500);
    h.db.exec('DROP TRIGGER test_zone_stuck');
    expect(snapshot(h)).toEqual(before);
    expect(configEvents(h)).toBe(events);

    const r = await admin.post(`/api/admin/zones/${zoneB}/delete`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ ok: true, devicesToWholeOffice: [kioskB, displayB] });
    const after = snapshot(h);
    expect(after.zones).toEqual(before.zones.filter((z) => z.id !== zoneB));
    expect(after.devices).toEqual(before.devices.map((d) => (d.zone_id === zoneB ? { ...d, zone_id: null } : d)));
    expect(after.devices.find((d) => d.id === display2)?.zone_id).toBe(2);
    expect(after.pairing_codes).toEqual(before.pairing_codes.map((p) => (p.zone_id === zoneB ? { ...p, zone_id: null } : p)));
    for (const t of ['service_groups', 'services', 'counters', 'counter_services', 'tickets', 'officers', 'settings'] as const) expect(after[t], t).toEqual(before[t]);
    expect(configEvents(h)).toBe(events + 1);
    expect(lastConfigEvent(h)).toMatchObject({ what: 'zoneDeleted', id: zoneB, devicesToWholeOffice: [kioskB, displayB] });
    expect(h.db.pragma('foreign_key_check')).toEqual([]);

    // A zone made next gets a new id: the deleted zone's id (and whatever still names it) stays dead.
    const next = await admin.post('/api/admin/zones', { nameVi: 'Sảnh D' });
    expect(next.body.id).toBeGreaterThan(zoneB);

    // The code made for the deleted zone still pairs, for the whole office.
    const tv = new HttpClient(admin.base);
    expect((await tv.post('/api/devices/pair', { code: code.body.code })).body.device).toMatchObject({ role: 'display', zoneId: null });
    expect(((await tv.get('/api/display')).body as { zone: unknown }).zone).toBeNull();
  });
});
