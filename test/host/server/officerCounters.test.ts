import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { deviceClient, signedInAdmin, signedInCounter } from '../../helpers/devices';
import { eventually, tempHost } from '../../helpers/tempHost';

// Issue #27: after an officer's PIN reset or deactivation their counter stayed "open" under their
// name on the display, though nobody could act there any more.

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

type DisplayCounter = { id: number; status: string; officerName: string | null };

describe('an officer whose PIN is reset, or who is deactivated, leaves the display', () => {
  it('every counter they hold closes at once (counter.closed heard by the display), the citizen at it is finished; a plain edit closes nothing', async () => {
    host = await tempHost();
    const display = deviceClient(host, 'display');
    const kiosk = deviceClient(host, 'kiosk');
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, { headers: { 'x-device-token': display.device as string } });
    const heard: { type: string; counter?: { id: number } }[] = [];
    ws.on('message', (d) => heard.push(JSON.parse(String(d))));
    await new Promise((r) => ws.on('open', r));
    try {
      const desk1 = await signedInCounter(host, 1, 1);
      await signedInCounter(host, 2, 2);
      await signedInCounter(host, 3, 3);
      const t = (await kiosk.post('/api/tickets', { serviceId: 1 })).body as { id: string };
      expect((await desk1.post(`/api/tickets/${t.id}/call`, { counterId: 1 })).status).toBe(200);
      const admin = await signedInAdmin(host);
      const counters = async () => ((await display.get('/api/display')).body.counters as DisplayCounter[]).sort((a, b) => a.id - b.id);
      expect((await counters()).slice(0, 3).map((c) => c.status)).toEqual(['open', 'open', 'open']);

      // A plain edit (a new title) closes nothing.
      expect((await admin.post('/api/admin/officers', { id: 3, title: 'Công chức Tư pháp – Hộ tịch' })).status).toBe(200);
      expect((await counters())[2]).toMatchObject({ status: 'open' });

      expect((await admin.post('/api/admin/officers', { id: 1, pin: '482915' })).status).toBe(200);
      expect((await admin.post('/api/admin/officers', { id: 2, active: false })).status).toBe(200);
      const after = await counters();
      expect(after[0]).toMatchObject({ id: 1, status: 'closed', officerName: null });
      expect(after[1]).toMatchObject({ id: 2, status: 'closed', officerName: null });
      expect(after[2]).toMatchObject({ id: 3, status: 'open' });
      expect((await deviceClient(host, 'kiosk').get(`/api/tickets/${t.id}`)).body.state).toBe('done');
      await eventually(() => heard.filter((m) => m.type === 'counter.closed').length >= 2);
      expect(heard.filter((m) => m.type === 'counter.closed').map((m) => m.counter?.id).sort()).toEqual([1, 2]);
    } finally {
      ws.close();
    }
  });
});
