// A kiosk's and a display's zone is stored with the enrolled device (issue #15, m012): paired once
// for floor 2, it stays floor 2 whatever its URL says; the admin moves it live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { deviceClient, enrollDevice, signedInAdmin, signedInCounter } from '../../helpers/devices';
import { HttpClient } from '../../helpers/httpClient';
import { tempHost } from '../../helpers/tempHost';

let host: Host;
let base: string;
let admin: HttpClient;

beforeAll(async () => {
  host = await tempHost({ seed: 'centre' });
  base = `http://127.0.0.1:${host.port}`;
  admin = await signedInAdmin(host);
});
afterAll(async () => {
  await host.close();
});

/** Pair a new browser with a code the admin made, as the pairing page does. */
async function paired(body: Record<string, unknown>): Promise<HttpClient> {
  const code = await admin.post('/api/admin/devices/pairing', body);
  expect(code.status, JSON.stringify(code.body)).toBe(200);
  const device = new HttpClient(base);
  const r = await device.post('/api/devices/pair', { code: code.body.code });
  expect(r.status).toBe(200);
  return device;
}

const zoneOfDisplay = async (c: HttpClient, query = '') => ((await c.get(`/api/display${query}`)).body as { zone: { id: number } | null }).zone?.id ?? null;
const configEvents = () => (host.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'config.changed'").get() as { n: number }).n;

describe('a display and a kiosk enrolled for a zone', () => {
  it('a display paired for floor 2 shows floor 2 without ?zone= and with another ?zone=; one of the whole office still follows ?zone=', async () => {
    const floor2 = await paired({ role: 'display', zoneId: 2, name: 'TV tầng 2' });
    expect((await floor2.get('/api/devices/me')).body).toMatchObject({ role: 'display', zoneId: 2, name: 'TV tầng 2' });
    expect(await zoneOfDisplay(floor2)).toBe(2);
    // A typed URL (or an old bookmark) does not move it.
    expect(await zoneOfDisplay(floor2, '?zone=1')).toBe(2);
    const state = (await floor2.get('/api/display')).body as { counters: { number: number }[] };
    expect(state.counters.map((c) => c.number)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38]);

    const whole = await paired({ role: 'display' });
    expect((await whole.get('/api/devices/me')).body.zoneId).toBeNull();
    expect(await zoneOfDisplay(whole)).toBeNull();
    expect(await zoneOfDisplay(whole, '?zone=1')).toBe(1);
    // A phone looking at the wall has no device: the URL decides, as before.
    expect(await zoneOfDisplay(new HttpClient(base), '?zone=2')).toBe(2);
  });

  it('the admin moves an enrolled kiosk and display to another zone: the next request follows, no re-pairing; each move is one config.changed', async () => {
    const kiosk = await paired({ role: 'kiosk', zoneId: 2 });
    const display = await paired({ role: 'display', zoneId: 2 });
    const kioskId = (await kiosk.get('/api/devices/me')).body.id as number;
    const displayId = (await display.get('/api/devices/me')).body.id as number;
    const others = ((await admin.get('/api/admin/devices')).body as { id: number }[]).filter((d) => d.id !== kioskId && d.id !== displayId);

    const events = configEvents();
    const moved = await admin.post(`/api/admin/devices/${displayId}/zone`, { zoneId: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: displayId, zoneId: 1 });
    expect(configEvents()).toBe(events + 1);
    expect(await zoneOfDisplay(display)).toBe(1);
    expect((await admin.post(`/api/admin/devices/${kioskId}/zone`, { zoneId: null })).body.zoneId).toBeNull();
    expect((await kiosk.get('/api/devices/me')).body.zoneId).toBeNull();
    expect((await admin.post(`/api/admin/devices/${kioskId}/zone`, { zoneId: 2 })).body.zoneId).toBe(2);
    expect((await kiosk.get('/api/devices/me')).body.zoneId).toBe(2);
    // The kiosk still takes numbers with the credential it was paired with.
    expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    // No other device moved.
    const after = ((await admin.get('/api/admin/devices')).body as { id: number }[]).filter((d) => d.id !== kioskId && d.id !== displayId);
    const stable = (rows: { id: number }[]) => rows.map(({ lastSeenAt: _s, lastAddress: _a, ...d }: Record<string, unknown>) => d);
    expect(stable(after)).toEqual(stable(others));
  });

  it('a zone that does not exist, a zone for a counter PC, or a zone that is not a number is a clear error and changes nothing', async () => {
    const display = await paired({ role: 'display', zoneId: 1 });
    const id = (await display.get('/api/devices/me')).body.id as number;
    const devicesBefore = (await admin.get('/api/admin/devices')).body;
    const events = configEvents();

    const noZone = await admin.post('/api/admin/devices/pairing', { role: 'kiosk', zoneId: 99 });
    expect([noZone.status, noZone.body.error.code, noZone.body.error.message]).toEqual([404, 'ZONE_NOT_FOUND', 'Không có khu vực số 99']);
    const counterZone = await admin.post('/api/admin/devices/pairing', { role: 'counter', counterId: 1, zoneId: 1 });
    expect([counterZone.status, counterZone.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    expect(counterZone.body.error.message).toContain('Chỉ kiosk và màn hình gọi số');
    for (const zoneId of ['2', 0, -1, 1.5, {}]) {
      const r = await admin.post('/api/admin/devices/pairing', { role: 'kiosk', zoneId });
      expect([r.status, r.body.error.code], JSON.stringify(zoneId)).toEqual([400, 'BAD_REQUEST']);
      const m = await admin.post(`/api/admin/devices/${id}/zone`, { zoneId });
      expect([m.status, m.body.error.code], JSON.stringify(zoneId)).toEqual([400, 'BAD_REQUEST']);
    }
    const gone = await admin.post(`/api/admin/devices/${id}/zone`, { zoneId: 99 });
    expect([gone.status, gone.body.error.code]).toEqual([404, 'ZONE_NOT_FOUND']);
    expect((await admin.post(`/api/admin/devices/${id}/zone`, {})).status).toBe(400);
    const counterPc = host.devices.identify(enrollDevice(host, 'counter', 1), 'test')!;
    const pc = await admin.post(`/api/admin/devices/${counterPc.id}/zone`, { zoneId: 1 });
    expect([pc.status, pc.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    expect((await admin.post('/api/admin/devices/999999/zone', { zoneId: 1 })).status).toBe(404);

    expect((await display.get('/api/devices/me')).body.zoneId).toBe(1);
    const devicesAfter = ((await admin.get('/api/admin/devices')).body as { id: number }[]).filter((d) => d.id !== counterPc.id);
    const stable = (rows: { id: number }[]) => rows.map(({ lastSeenAt: _s, lastAddress: _a, ...d }: Record<string, unknown>) => d);
    expect(stable(devicesAfter)).toEqual(stable(devicesBefore));
    expect(configEvents()).toBe(events);
  });

  it('only an admin device may set a zone or delete a zone or a group: a counter PC, a kiosk, a display and a phone get 403', async () => {
    const target = host.devices.identify(enrollDevice(host, 'kiosk'), 'test')!;
    const callers = [await signedInCounter(host, 1, 1), deviceClient(host, 'kiosk'), deviceClient(host, 'display'), deviceClient(host, 'rating', 2), new HttpClient(base)];
    const zonesBefore = (await admin.get('/api/zones')).body;
    const groupsBefore = (await admin.get('/api/service-groups')).body;
    for (const c of callers) {
      for (const [path, body] of [
        [`/api/admin/devices/${target.id}/zone`, { zoneId: 2 }],
        ['/api/admin/zones/2/delete', undefined],
        ['/api/admin/service-groups/1/delete', undefined],
      ] as const) {
        const r = await c.post(path, body);
        expect(r.status, `${c.device ? host.devices.identify(c.device, 'test')?.role : 'phone'} ${path}`).toBe(403);
        expect(['DEVICE_ROLE', 'DEVICE_NOT_ENROLLED']).toContain(r.body.error.code);
      }
    }
    expect(host.devices.get(target.id)?.zoneId).toBeNull();
    expect((await admin.get('/api/zones')).body).toEqual(zonesBefore);
    expect((await admin.get('/api/service-groups')).body).toEqual(groupsBefore);
  });
});
