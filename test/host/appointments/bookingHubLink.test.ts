// The office's side of the hub link for appointments (#30), against a tiny real HTTP server in the
// test that answers the protocol's shapes (the real hub is another helper's): the offer is pushed
// once the hub shows it takes bookings, and again only when it changed; bookings are pulled with the
// office credential, applied once whatever is pulled again, a hub cancellation cancels only what is
// still booked; the office's booking events reach the hub in its ordinary push.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { PulledBooking } from '../../../shared/bookingProtocol';
import { BOOKING_PULL_LIMIT } from '../../../shared/bookingProtocol';
import { PushBatch } from '../../../shared/hubProtocol';
import type { Host } from '../../../electron/host/host';
import { OutboxReader } from '../../../electron/host/province/outboxReader';
import { joinProvince } from '../../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../../electron/host/province/provinceLinkFile';
import { deviceClient, signedInAdmin } from '../../helpers/devices';
import { FakeClock, eventually, tempHost } from '../../helpers/tempHost';

const CREDENTIAL = 'office-credential-for-the-test';
const at = (hh: number, mm: number, day = 23) => Date.UTC(2026, 10, day, hh - 7, mm);

/** A hub that knows only what this test needs: join, push (gzip JSON), catalogue (nothing new), bookings. */
class TinyHub {
  readonly batches: PushBatch[] = [];
  readonly pulls: { after: number; auth: string | undefined }[] = [];
  readonly bookings: PulledBooking[] = [];
  /** The offer version it holds, null until one came; undefined: answers like a hub without bookings. */
  held: number | null | undefined = null;
  private server: http.Server;
  port = 0;

  constructor() {
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  get offers() {
    return this.batches.flatMap((b) => (b.bookingOffer ? [b.bookingOffer] : []));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://hub');
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (url.pathname === '/hub/api/join') return send(200, { officeId: 'office-1', name: 'UBND phường Hòa Bình', credential: CREDENTIAL });
    if (req.headers.authorization !== `Bearer ${CREDENTIAL}`) return send(401, { error: { code: 'HUB_CREDENTIAL_INVALID', message: 'no' } });
    if (url.pathname === '/hub/api/push') {
      // Exactly what the hub's schema takes: an office field it does not know would be refused.
      const batch = PushBatch.parse(JSON.parse(zlib.gunzipSync(Buffer.concat(chunks)).toString('utf8')));
      this.batches.push(batch);
      if (batch.bookingOffer && this.held !== undefined) this.held = batch.bookingOffer.version;
      const acked = batch.events.reduce((m, e) => Math.max(m, e.seq), batch.baseSeq);
      const last = this.batches.filter((b) => b.generation === batch.generation).flatMap((b) => b.events.map((e) => e.seq));
      return send(200, { generation: batch.generation, ackedSeq: Math.max(acked, ...last), catalogueVersion: null, ...(this.held === undefined ? {} : { bookingOfferVersion: this.held }) });
    }
    if (url.pathname === '/hub/api/catalogue') return send(200, { catalogue: null });
    if (url.pathname === '/hub/api/bookings') {
      const after = Number(url.searchParams.get('after'));
      this.pulls.push({ after, auth: req.headers.authorization });
      const page = this.bookings.filter((b) => b.hubSeq > after).slice(0, 2);
      return send(200, { bookings: page, more: this.bookings.filter((b) => b.hubSeq > after).length > page.length });
    }
    send(404, { error: { code: 'NOT_FOUND', message: 'no' } });
  }
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function linkedOffice(hub: TinyHub): Promise<{ host: Host; clock: FakeClock; ht: number }> {
  const clock = new FakeClock();
  const host = await tempHost({ clock, provinceIdleMs: 50 });
  open.push(host);
  const admin = await signedInAdmin(host);
  expect((await admin.post('/api/admin/office', { hours: [{ days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }] })).status).toBe(200);
  const ht = (host.db.prepare("SELECT id FROM services WHERE code = 'HT'").get() as { id: number }).id;
  expect((await admin.post('/api/admin/appointments/rules', { serviceId: ht, enabled: true, slotMinutes: 30, capacity: 2, daysAhead: 2, hubShare: 1 })).status).toBe(200);
  await joinProvince({ hubUrl: `http://127.0.0.1:${hub.port}`, code: 'ANY', links: new ProvinceLinkFile(host.dataDir), outbox: new OutboxReader(host.db) });
  return { host, clock, ht };
}

const pulled = (code: string, serviceId: number, slotStart: number, hubSeq: number, state: 'booked' | 'cancelled' = 'booked', id?: { hash: string; last4: string }): PulledBooking => ({
  code,
  serviceId,
  slotStart,
  slotMinutes: 30,
  state,
  createdAt: at(7, 0),
  idHash: id?.hash ?? null,
  idLast4: id?.last4 ?? null,
  hubSeq,
});

describe('the booking offer and the pull, office side', () => {
  it('pushes the offer once the hub shows it takes bookings; its slots follow the hours and give the hub its share less the office’s own', async () => {
    const hub = new TinyHub();
    await hub.start();
    open.push(hub);
    const { host, ht } = await linkedOffice(hub);
    const first = await eventually(() => hub.offers[0]);
    // The hub's first answer said it holds none yet: the very next push carried the offer.
    expect(hub.batches[0]!.bookingOffer).toBeUndefined();
    expect(first).toMatchObject({ version: 1, timeZone: 'Asia/Ho_Chi_Minh', services: [{ id: ht, nameVi: 'Hộ tịch', nameEn: 'Civil status registration' }], window: { earlyMinutes: 15, lateMinutes: 10, callableBeforeMinutes: 2 } });
    expect(first.matchKey).toMatch(/^[0-9a-f]{64}$/);
    // Monday 08:00: today's 08:00 slot has begun; 08:30 … 11:00 today, and all of Tuesday and Wednesday.
    expect(first.slots[0]).toEqual({ serviceId: ht, start: at(8, 30), minutes: 30, capacity: 1 });
    expect(first.slots).toHaveLength(6 + 8 + 8);
    expect(new Set(first.slots.map((s) => s.capacity))).toEqual(new Set([1]));

    // Nothing changed: no second offer, however many pushes.
    const admin = await signedInAdmin(host);
    await deviceClient(host, 'kiosk').post('/api/tickets', { serviceId: ht });
    await eventually(() => hub.batches.some((b) => b.events.some((e) => e.type === 'ticket.issued')));
    expect(hub.offers).toHaveLength(1);

    // Staff take both places of 09:00: the hub may book none there, in version 2.
    for (let i = 0; i < 2; i++) expect((await admin.post('/api/admin/bookings', { serviceId: ht, slotStart: at(9, 0) })).status).toBe(200);
    const second = await eventually(() => hub.offers[1]);
    expect(second.version).toBe(2);
    expect(second.slots.find((s) => s.start === at(9, 0))?.capacity).toBe(0);
    expect(second.slots.filter((s) => s.start !== at(9, 0)).every((s) => s.capacity === 1)).toBe(true);
    // The office's booking events ride in the ordinary push.
    const created = await eventually(() => (hub.batches.flatMap((b) => b.events).filter((e) => e.type === 'booking.created').length === 2 ? hub.batches.flatMap((b) => b.events).filter((e) => e.type === 'booking.created') : null));
    expect(created.every((e) => typeof e.payload.code === 'string' && e.serviceId === ht)).toBe(true);
  });

  it('pulls with the office credential, page by page; applies each booking once; a hub cancellation cancels only what is still booked', async () => {
    const hub = new TinyHub();
    await hub.start();
    open.push(hub);
    const { host, clock, ht } = await linkedOffice(hub);
    const offer = await eventually(() => hub.offers[0]);
    const ID = '079191001234';
    const hash = crypto.createHmac('sha256', Buffer.from(offer.matchKey, 'hex')).update(ID).digest('hex');
    hub.bookings.push(pulled('LH-ACDEHKMN', ht, at(8, 30), 1), pulled('LH-PRTUVXY3', ht, at(9, 0), 2, 'booked', { hash, last4: '1234' }), pulled('LH-4679ACDE', ht, at(9, 30), 3));
    clock.advance(61_000);
    await eventually(() => (host.db.prepare('SELECT count(*) AS n FROM bookings').get() as { n: number }).n === 3);
    expect(hub.pulls.every((p) => p.auth === `Bearer ${CREDENTIAL}`)).toBe(true);
    // Two per page: the second page asked after the first's last sequence, in the same round.
    const afters = hub.pulls.map((p) => p.after);
    expect(afters.slice(afters.indexOf(2) - 1, afters.indexOf(2) + 1)).toEqual([0, 2]);
    expect(host.db.prepare("SELECT code, source, state, hub_seq, id_last4 FROM bookings ORDER BY hub_seq").all()).toEqual([
      { code: 'LH-ACDEHKMN', source: 'hub', state: 'booked', hub_seq: 1, id_last4: null },
      { code: 'LH-PRTUVXY3', source: 'hub', state: 'booked', hub_seq: 2, id_last4: '1234' },
      { code: 'LH-4679ACDE', source: 'hub', state: 'booked', hub_seq: 3, id_last4: null },
    ]);
    expect(JSON.stringify(host.db.prepare('SELECT * FROM bookings').all())).not.toContain(ID);

    // The first is checked in at the kiosk; then the hub says both it and the third were cancelled.
    clock.t = at(8, 20);
    const kiosk = deviceClient(host, 'kiosk');
    expect((await kiosk.post('/api/checkin', { scan: 'LH-ACDEHKMN' })).status).toBe(201);
    const before = host.db.prepare('SELECT * FROM bookings ORDER BY code').all();
    hub.bookings.push(pulled('LH-ACDEHKMN', ht, at(8, 30), 4, 'cancelled'), pulled('LH-4679ACDE', ht, at(9, 30), 5, 'cancelled'));
    // The same pages once more (a hub restored from backup): nothing applies twice.
    hub.bookings.push(pulled('LH-PRTUVXY3', ht, at(9, 0), 6));
    clock.advance(61_000);
    await eventually(() => host.queue.settings.getRaw<number>('bookingPullSeq') === 6);
    expect(host.db.prepare("SELECT code, state FROM bookings ORDER BY code").all()).toEqual([
      { code: 'LH-4679ACDE', state: 'cancelled' },
      { code: 'LH-ACDEHKMN', state: 'checkedIn' },
      { code: 'LH-PRTUVXY3', state: 'booked' },
    ]);
    const unchanged = (code: string) => [before, host.db.prepare('SELECT * FROM bookings ORDER BY code').all()].map((rows) => (rows as { code: string }[]).find((r) => r.code === code));
    const [was, is] = unchanged('LH-ACDEHKMN');
    expect({ ...(is as object), hub_seq: 0 }).toEqual({ ...(was as object), hub_seq: 0 });
    expect(BOOKING_PULL_LIMIT).toBe(500);

    // The card given at booking checks in the second one.
    clock.t = at(8, 50);
    const card = `${ID}||Trần Thị Mai|02091991|Nữ|45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10082022`;
    const r = await kiosk.post('/api/checkin', { scan: card });
    expect(r.status).toBe(201);
    expect(r.body.booking).toMatchObject({ code: 'LH-PRTUVXY3', late: false });
    // The check-in reaches the hub as an event in the ordinary push.
    await eventually(() => hub.batches.flatMap((b) => b.events).find((e) => e.type === 'booking.checked_in' && e.payload.code === 'LH-PRTUVXY3'));
  });

  it('sends no offer to a hub that does not take bookings, and never pulls from it', async () => {
    const hub = new TinyHub();
    hub.held = undefined;
    await hub.start();
    open.push(hub);
    const { host, clock, ht } = await linkedOffice(hub);
    await deviceClient(host, 'kiosk').post('/api/tickets', { serviceId: ht });
    await eventually(() => hub.batches.some((b) => b.events.some((e) => e.type === 'ticket.issued')));
    clock.advance(61_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(hub.offers).toEqual([]);
    expect(hub.pulls).toEqual([]);
  });
});
