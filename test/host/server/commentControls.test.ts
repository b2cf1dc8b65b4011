import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { deviceClient, signedInAdmin, signedInCounter } from '../../helpers/devices';
import type { HttpClient } from '../../helpers/httpClient';
import { FakeClock, tempHost } from '../../helpers/tempHost';

// Issue #27: a citizen's comment carried NUL and U+202E (right-to-left override) into the report CSV.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const HOSTILE = 'Cán bộ\u0000 tận\u202Etình\u2066 lắm\u0007\r\ndòng hai\u200F\ttab';
const CLEAN = 'Cán bộ tậntình lắm\ndòng hai\ttab';

let host: Host;
let officer: HttpClient;
const clock = new FakeClock();

async function servedTicket(): Promise<string> {
  const t = (await deviceClient(host, 'kiosk').post('/api/tickets', { serviceId: 1 })).body as { id: string };
  await officer.post('/api/counters/1/next');
  clock.minutes(5);
  expect((await officer.post(`/api/tickets/${t.id}/finish`, {})).status).toBe(200);
  return t.id;
}

beforeAll(async () => {
  host = await tempHost({ clock });
  officer = await signedInCounter(host, 1);
});
afterAll(async () => {
  await host.close();
});

describe('comments lose control and bidi characters', () => {
  it('at input: the rating route stores the comment without them, tabs and line breaks kept', async () => {
    const id = await servedTicket();
    const tablet = deviceClient(host, 'rating', 1);
    expect((await tablet.post(`/api/tickets/${id}/rating`, { score: 4, comment: HOSTILE, source: 'tablet' })).status).toBe(201);
    const stored = host.db.prepare('SELECT comment FROM ratings WHERE ticket_id = ?').get(id) as { comment: string };
    expect(stored.comment).toBe(CLEAN);
  });

  it('at export: a comment stored before the rule leaves the report CSV clean', async () => {
    const id = await servedTicket();
    // An old row, as an older host stored it.
    host.queue.ratings.rate({ ticketId: id, score: 1, comment: 'placeholder' });
    host.db.prepare('UPDATE ratings SET comment = ? WHERE ticket_id = ?').run('=chờ\u0000 lâu\u202E\u2067', id);
    const admin = await signedInAdmin(host);
    const res = await fetch(`http://127.0.0.1:${host.port}/api/reports/export.csv?from=2026-11-23&to=2026-11-23&table=comments`, { headers: admin.authHeaders() });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('chờ lâu');
    expect(csv).toContain('Cán bộ tậntình lắm');
    expect(CONTROLS.test(csv.replace(/\r\n/g, ''))).toBe(false);
  });
});
