import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/host/host';
import type { Host } from '../../../electron/host/host';
import { HttpClient } from '../../helpers/httpClient';
import { enrollDevice } from '../../helpers/devices';
import { tempDir } from '../../helpers/tempHost';

// Whether the office has a ticket printer is asked at setup (issue #28 point 5) and kept with the
// office: it decides whether a ticket without a print job is the screen's ticket or a failed print.

const PASSWORD = 'cây-đa-giếng-nước-7';
const PINS = ['572946', '318274', '649135', '205817'];
let host: Host | null = null;

const newOffice = (dir: string) =>
  startHost({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => undefined, version: 't', staticDir: path.join(dir, 'none'), resourcesDir: path.resolve('resources'), seedAlwaysOpen: true, backups: false });

afterEach(async () => {
  await host?.close();
  host = null;
});

/** Completes the office's setup with this printer answer; returns the setup browser, now its admin device, signed in. */
async function setUp(h: Host, printer: unknown): Promise<HttpClient> {
  const base = `http://127.0.0.1:${h.port}`;
  const token = new URL(h.setupUrl as string).searchParams.get('token') as string;
  const browser = new HttpClient(base);
  const status = (await browser.get(`/api/setup?token=${token}`)).body as { officers: { id: number }[] };
  const pins = status.officers.map((o, i) => ({ officerId: o.id, pin: PINS[i] }));
  const done = await browser.post('/api/setup', { token, password: PASSWORD, pins, printer });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect((await browser.post('/api/auth/admin', { password: PASSWORD })).status).toBe(200);
  return browser;
}

const issue = async (h: Host) => {
  const kiosk = new HttpClient(`http://127.0.0.1:${h.port}`, enrollDevice(h, 'kiosk'));
  const t = await kiosk.post('/api/tickets', { serviceId: 1 });
  expect(t.status).toBe(201);
  return t.body as { id: string; print: { jobId: number | null; state: string } };
};

describe('the ticket printer, as the office answered at setup', () => {
  it('no printer: stored with the office across a restart; tickets are screen tickets; the admin can change it later', async () => {
    const dir = tempDir();
    host = await newOffice(dir);
    const before = host.queue.settings.get();
    const admin = await setUp(host, { kind: 'none' });
    const office = (await admin.get('/api/admin/office')).body as Record<string, unknown>;
    expect(office.hasTicketPrinter).toBe(false);
    // Only that answer changed in the office's settings.
    expect({ ...office, hasTicketPrinter: before.hasTicketPrinter }).toEqual(before);
    const ticket = await issue(host);
    expect(ticket.print).toEqual({ jobId: null, state: 'screen' });

    // Kept in the office's database: a restart remembers it.
    await host.close();
    host = await newOffice(dir);
    expect(host.queue.settings.get().hasTicketPrinter).toBe(false);
    expect(host.setupUrl).toBeNull();
    const kiosk = new HttpClient(`http://127.0.0.1:${host.port}`, enrollDevice(host, 'kiosk'));
    expect((await kiosk.get(`/api/tickets/${ticket.id}/print`)).body).toEqual({ jobId: null, state: 'screen' });

    // A printer arrives: the admin says so, and a ticket that did not print is a fault again.
    const admin2 = new HttpClient(`http://127.0.0.1:${host.port}`, enrollDevice(host, 'admin'));
    expect((await admin2.post('/api/auth/admin', { password: PASSWORD })).status).toBe(200);
    expect((await admin2.post('/api/admin/office', { hasTicketPrinter: true })).status).toBe(200);
    expect((await issue(host)).print).toEqual({ jobId: null, state: 'none' });
  });

  it('a printer, and which: the office prints, and the host printer is set to that model (still to be plugged in)', async () => {
    host = await newOffice(tempDir());
    const printerBefore = host.printers.host.getConfig();
    const admin = await setUp(host, { kind: 'printer', profile: 'xprinter-xp-n160ii' });
    expect(((await admin.get('/api/admin/office')).body as { hasTicketPrinter: boolean }).hasTicketPrinter).toBe(true);
    const printer = (await admin.get('/api/admin/printer')).body as Record<string, unknown>;
    expect(printer.profile).toBe('xprinter-xp-n160ii');
    // Where it is plugged in, the paper and the encoding are the printer panel's, untouched.
    expect({ ...printer, profile: printerBefore.profile }).toEqual(printerBefore);
    // No connection set yet: the kiosk says the print failed (a printer the office has but cannot reach).
    expect((await issue(host)).print.state).toBe('none');
  });

  it('an unknown printer model or a missing answer is refused with the other fields, and nothing is stored', async () => {
    host = await newOffice(tempDir());
    const token = new URL(host.setupUrl as string).searchParams.get('token') as string;
    const browser = new HttpClient(`http://127.0.0.1:${host.port}`);
    const pins = [1, 2, 3, 4].map((officerId, i) => ({ officerId, pin: PINS[i] }));
    const unknown = await browser.post('/api/setup', { token, password: PASSWORD, pins, printer: { kind: 'printer', profile: 'hp-laserjet' } });
    expect(unknown.body.error.code).toBe('BAD_REQUEST');
    const unanswered = await browser.post('/api/setup', { token, password: 'short', pins: pins.map((p) => ({ ...p, pin: '111111' })), printer: null });
    expect(unanswered.body.error.code).toBe('SETUP_INVALID');
    expect((unanswered.body.error.details.fields as { field: string; fault: string }[]).map((f) => `${f.field}:${f.fault}`)).toEqual([
      'password:passwordShort',
      'pins.1:pinRepeat',
      'pins.2:pinRepeat',
      'pins.3:pinRepeat',
      'pins.4:pinRepeat',
      'printer:printerUnchosen',
    ]);
    expect(host.setup.isDone()).toBe(false);
    expect(host.queue.settings.get().hasTicketPrinter).toBe(true);
  });
});
