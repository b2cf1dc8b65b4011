// Issue #30, hub side: citizens book from home against the capacity their office offers, never past
// it; the office pulls the bookings and tells the hub what became of them; the hub's limits hold.
// Real PostgreSQL, real HTTP, offices joined through the join flow.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/hub';
import type { Hub, HubOptions } from '../../hub/hub';
import { BOOKING_CODE_ALPHABET, BookingPullAnswer } from '../../shared/bookingProtocol';
import type { BookingOffer } from '../../shared/bookingProtocol';
import type { PublicBooking } from '../../shared/hubBooking';
import { HO_TICH, bookingRace, citizenRequest, offerOf, vnDay } from '../helpers/bookingRace';
import ExcelJS from 'exceljs';
import { workbookSheets } from '../../hub/reports/reportWorkbook';
import type { BookingReport } from '../../shared/hubBookingReport';
import type { CrossOfficeReport } from '../../shared/hubReports';
import { HubClient, PushingOffice, provinceAdmin, pushBatch, sendBatch, ticketEvent } from '../helpers/hubClient';
import type { PublicTicket } from '../../shared/hubBooking';
import { hubPostgresPerFile } from '../helpers/hubPostgres';

const pgServer = hubPostgresPerFile();
const open: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

// The hub's clock stands still at the test's start; slots are on a day to come, so nothing turns at Vietnam's midnight.
const NOW = Date.now();

async function hub(o: Partial<HubOptions> = {}): Promise<{ hub: Hub; sql: pg.Client; url: string }> {
  const url = await pgServer.database();
  const h = await startHub({ port: 0, databaseUrl: url, log: () => undefined, now: () => NOW, ...o });
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  open.push(() => h.close(), () => sql.end());
  return { hub: h, sql, url };
}

async function officeWithOffer(h: Hub, offer: BookingOffer, name = 'UBND phường Phú Hội'): Promise<PushingOffice> {
  const office = await PushingOffice.join(h, name);
  // Before any offer the hub says it takes bookings and holds none (the office sends its offer only then).
  expect((await pushBatch(office, [])).body.bookingOfferVersion).toBeNull();
  const r = await pushBatch(office, [], { bookingOffer: offer });
  expect(r.status).toBe(200);
  expect(r.body.bookingOfferVersion).toBe(offer.version);
  return office;
}

const book = (h: Hub, from: string, body: Record<string, unknown>) => citizenRequest(h.port, from, 'POST', '/hub/api/public/bookings', body);
const pull = (h: Hub, office: PushingOffice, after: number, credential = office.credential) =>
  fetch(`http://127.0.0.1:${h.port}/hub/api/bookings?after=${after}`, { headers: { authorization: `Bearer ${credential}` } }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
/** A code of the right shape that nobody holds (the real ones are drawn at random: 1 in 2.6 × 10¹¹). */
const wrongCode = (i: number) => `LH-${BOOKING_CODE_ALPHABET[i % 20]}${BOOKING_CODE_ALPHABET[Math.floor(i / 20) % 20]}AAAAAA`.replace(/A/g, BOOKING_CODE_ALPHABET[0] as string);
const bookingEvent = (type: string, code: string, extra: Record<string, unknown> = {}) => ({ at: NOW - 1000, type, ticketId: null, counterId: null, serviceId: HO_TICH.id, actor: 'kiosk:1', payload: { code, ...extra } });

describe('booking from home on the hub', () => {
  it('200 citizens racing for the last 10 places of a day over two hub processes: exactly 10 booked, 190 told "hết chỗ", nothing double-booked', async () => {
    const { hub: h, sql, url } = await hub();
    const day = vnDay(NOW, 2);
    // 12 places that day (6 slots × 2); two are booked beforehand, so 10 are left for the race.
    const offer = offerOf({ version: 1, midnight: day.midnight, slots: 6, capacity: 2 });
    const office = await officeWithOffer(h, offer);
    const starts = offer.slots.filter((s) => s.serviceId === HO_TICH.id).map((s) => s.start);
    for (const from of ['127.0.5.1', '127.0.5.2']) expect((await book(h, from, { office: office.officeId, service: HO_TICH.id, start: starts[0] })).status).toBe(201);
    const before = await sql.query(`SELECT service_id, start_at, capacity, offered FROM booking_slots WHERE service_id <> $1 ORDER BY 1, 2`, [HO_TICH.id]);

    // Half the rush through a second hub process on the same database, as behind a load balancer.
    const second = await startHub({ port: 0, databaseUrl: url, log: () => undefined, now: () => NOW });
    open.push(() => second.close());
    const answers = (
      await Promise.all([
        bookingRace(h.port, { citizens: 100, office: office.officeId, service: HO_TICH.id, starts }),
        bookingRace(second.port, { citizens: 100, firstCitizen: 100, office: office.officeId, service: HO_TICH.id, starts }),
      ])
    ).flat();
    const ok = answers.filter((a) => a.status === 201);
    const full = answers.filter((a) => a.status === 409 && a.body.error?.code === 'SLOT_FULL');
    expect(ok.length).toBe(10);
    expect(full.length).toBe(190);
    expect(full.every((a) => a.body.error?.message.includes('hết chỗ'))).toBe(true);

    // In the database: no slot past its capacity, its count equal to its bookings, every code once.
    const slots = await sql.query<{ start_at: string; capacity: number; taken: number; n: string }>(
      `SELECT s.start_at, s.capacity, s.taken, (SELECT count(*) FROM bookings b WHERE b.office_id = s.office_id AND b.service_id = s.service_id AND b.slot_start = s.start_at AND b.state <> 'cancelled') AS n
       FROM booking_slots s WHERE s.service_id = $1 ORDER BY s.start_at`,
      [HO_TICH.id],
    );
    expect(slots.rows.map((s) => [Number(s.n), s.taken, s.capacity])).toEqual(starts.map(() => [2, 2, 2]));
    const codes = await sql.query<{ n: string; distinct: string; seqs: string }>('SELECT count(*) AS n, count(DISTINCT code) AS distinct, count(DISTINCT change_seq) AS seqs FROM bookings');
    expect(codes.rows[0]).toEqual({ n: '12', distinct: '12', seqs: '12' });
    // The other service's slots, which nobody asked for, are as they were.
    expect((await sql.query(`SELECT service_id, start_at, capacity, offered FROM booking_slots WHERE service_id <> $1 ORDER BY 1, 2`, [HO_TICH.id])).rows).toEqual(before.rows);
    expect((await sql.query(`SELECT sum(taken)::int AS t FROM booking_slots WHERE service_id <> $1`, [HO_TICH.id])).rows[0].t).toBe(0);
  }, 120_000);

  it('the office pulls its bookings in order, hears a cancellation, and its events move the hub’s copies once, however often a batch is sent', async () => {
    const { hub: h, sql } = await hub();
    const day = vnDay(NOW, 3);
    const offer = offerOf({ version: 4, midnight: day.midnight, slots: 4, capacity: 3 });
    const office = await officeWithOffer(h, offer);
    const other = await officeWithOffer(h, offerOf({ version: 1, midnight: day.midnight, slots: 1, capacity: 5 }), 'UBND xã Hương Long');
    const [s0, s1] = offer.slots.map((s) => s.start);
    const a = await book(h, '127.0.6.1', { office: office.officeId, service: HO_TICH.id, start: s0, phone: '0912 345 678', idNumber: '001099012345' });
    const b = await book(h, '127.0.6.2', { office: office.officeId, service: HO_TICH.id, start: s1 });
    const c = await book(h, '127.0.6.3', { office: other.officeId, service: HO_TICH.id, start: s0 });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    const codeA = (a.body as unknown as PublicBooking).code;
    const codeB = (b.body as unknown as PublicBooking).code;
    expect(codeA).toMatch(/^LH-[A-Z0-9]{8}$/);
    expect((a.body as unknown as PublicBooking).idLast4).toBe('2345');

    const first = await pull(h, office, 0);
    expect(first.status).toBe(200);
    const p1 = BookingPullAnswer.parse(first.body);
    expect(p1.more).toBe(false);
    // Only this office's bookings, in the order they were made; the ID number only as the office's HMAC.
    expect(p1.bookings.map((x) => [x.code, x.state, x.slotStart])).toEqual([[codeA, 'booked', s0], [codeB, 'booked', s1]]);
    expect(p1.bookings[0]?.idHash).toBe(crypto.createHmac('sha256', Buffer.from(offer.matchKey, 'hex')).update('001099012345').digest('hex'));
    expect(p1.bookings[0]?.idLast4).toBe('2345');
    expect(p1.bookings[1]?.idHash).toBeNull();
    const cursor = p1.bookings.at(-1)?.hubSeq ?? 0;
    // Nothing personal is stored: no phone number or ID number in any column of the booking.
    const stored = JSON.stringify((await sql.query('SELECT * FROM bookings')).rows);
    expect(stored).not.toContain('0912345678');
    expect(stored).not.toContain('001099012345');
    expect(stored).not.toContain('127.0.6.1');

    // The citizen cancels B: its place goes back, and the next pull tells the office.
    const cancel = await citizenRequest(h.port, '127.0.6.2', 'POST', '/hub/api/public/bookings/cancel', { code: codeB.toLowerCase().replace('lh-', 'lh ') });
    expect(cancel.status).toBe(200);
    expect(cancel.body.state).toBe('cancelled');
    expect((await sql.query('SELECT taken FROM booking_slots WHERE office_id = $1 AND service_id = 1 AND start_at = $2', [office.officeId, s1])).rows[0].taken).toBe(0);
    const p2 = BookingPullAnswer.parse((await pull(h, office, cursor)).body);
    expect(p2.bookings.map((x) => [x.code, x.state])).toEqual([[codeB, 'cancelled']]);
    expect(p2.bookings[0]?.hubSeq).toBeGreaterThan(cursor);
    expect(BookingPullAnswer.parse((await pull(h, office, p2.bookings[0]?.hubSeq ?? 0)).body).bookings).toEqual([]);
    // A second cancel is refused and changes nothing.
    expect((await citizenRequest(h.port, '127.0.6.2', 'POST', '/hub/api/public/bookings/cancel', { code: codeB })).body.error?.code).toBe('BOOKING_NOT_CANCELLABLE');

    // The office checks A in (late), then undoes it, then marks it missed: once each, even when the batch comes twice.
    const seqBefore = (await sql.query('SELECT change_seq FROM bookings WHERE code = $1', [codeA])).rows[0].change_seq;
    const r1 = await pushBatch(office, [bookingEvent('booking.checked_in', codeA, { late: true })]);
    expect(r1.body.bookingOfferVersion).toBe(4);
    expect((await sql.query('SELECT state, late FROM bookings WHERE code = $1', [codeA])).rows[0]).toEqual({ state: 'checkedIn', late: true });
    const batch = { generation: office.generation, baseSeq: 0, sentAt: Date.now(), events: [{ ...bookingEvent('booking.check_in_undone', codeA), seq: office.seq + 1 }, { ...bookingEvent('booking.missed', codeA), seq: office.seq + 2 }] };
    office.seq += 2;
    expect((await sendBatch(office, batch)).status).toBe(200);
    expect((await sendBatch(office, batch)).status).toBe(200);
    expect((await sql.query('SELECT state, late, change_seq FROM bookings WHERE code = $1', [codeA])).rows[0]).toEqual({ state: 'missed', late: false, change_seq: seqBefore });
    // Another office's event naming A's code moves nothing of A.
    await pushBatch(other, [bookingEvent('booking.cancelled', codeA)]);
    expect((await sql.query('SELECT state FROM bookings WHERE code = $1', [codeA])).rows[0].state).toBe('missed');
    expect((await sql.query('SELECT taken FROM booking_slots WHERE office_id = $1 AND service_id = 1 AND start_at = $2', [office.officeId, s0])).rows[0].taken).toBe(1);
    // The office cancels A at its kiosk: its place goes back.
    await pushBatch(office, [bookingEvent('booking.cancelled', codeA)]);
    expect((await sql.query('SELECT taken FROM booking_slots WHERE office_id = $1 AND service_id = 1 AND start_at = $2', [office.officeId, s0])).rows[0].taken).toBe(0);

    // The pull takes the office's own credential, like the push.
    expect((await pull(h, office, 0, 'x'.repeat(43))).status).toBe(401);
    expect((await pull(h, office, -1)).status).toBe(400);
  }, 60_000);

  it('a new offer replaces the old: capacities change, a dropped slot takes no new booking but its bookings stand', async () => {
    const { hub: h, sql } = await hub();
    const day = vnDay(NOW, 2);
    const v1 = offerOf({ version: 1, midnight: day.midnight, slots: 3, capacity: 2, services: [HO_TICH] });
    const [s0, s1, s2] = v1.slots.map((s) => s.start);
    const past = vnDay(NOW, -1).midnight + 9 * 3600_000;
    const office = await officeWithOffer(h, { ...v1, slots: [{ serviceId: 1, start: past, minutes: 30, capacity: 3 }, ...v1.slots] });
    expect((await book(h, '127.0.7.1', { office: office.officeId, service: 1, start: s2 })).status).toBe(201);
    // Version 2: the last slot dropped, the first given 5 places.
    const v2: BookingOffer = { ...v1, version: 2, slots: [{ ...(v1.slots[0] as BookingOffer['slots'][number]), capacity: 5 }, v1.slots[1] as BookingOffer['slots'][number]] };
    const r = await pushBatch(office, [], { bookingOffer: v2 });
    expect(r.body.bookingOfferVersion).toBe(2);
    const rows = (await sql.query<{ start_at: string; capacity: number; taken: number; offered: boolean }>('SELECT start_at, capacity, taken, offered FROM booking_slots ORDER BY start_at')).rows;
    // Yesterday's slot, unbooked, stays as offered then (the reports' slot use); s2 stays for its booking.
    expect(rows.map((x) => [Number(x.start_at), x.capacity, x.taken, x.offered])).toEqual([[past, 3, 0, false], [s0, 5, 0, true], [s1, 2, 0, true], [s2, 2, 1, false]]);
    expect((await book(h, '127.0.7.2', { office: office.officeId, service: 1, start: s2 })).body.error?.code).toBe('SLOT_UNKNOWN');
    expect((await sql.query('SELECT count(*)::int AS n FROM bookings')).rows[0].n).toBe(1);
    // The public page shows the day with 7 places left, and the slots of that day.
    const page = await citizenRequest(h.port, '127.0.7.2', 'GET', `/hub/api/public/office?id=${office.officeId}`);
    expect(page.body).toMatchObject({ services: [{ id: 1, nameVi: HO_TICH.nameVi, days: [{ day: day.day, left: 7 }] }] });
    const slots = await citizenRequest(h.port, '127.0.7.2', 'GET', `/hub/api/public/slots?office=${office.officeId}&service=1&day=${day.day}`);
    expect(slots.body.slots).toEqual([{ start: s0, minutes: 30, left: 5 }, { start: s1, minutes: 30, left: 2 }]);
    expect((await citizenRequest(h.port, '127.0.7.2', 'GET', '/hub/api/public/offices')).body.offices).toEqual([{ id: office.officeId, name: 'UBND phường Phú Hội' }]);
    // The same version again writes nothing (its slots' rows unchanged).
    await pushBatch(office, [], { bookingOffer: { ...v2, slots: [] } });
    expect((await sql.query('SELECT count(*)::int AS n FROM booking_slots WHERE offered')).rows[0].n).toBe(2);
  }, 60_000);

  it('bad input is refused with a clear code, and nothing is written', async () => {
    const { hub: h, sql } = await hub();
    const day = vnDay(NOW, 2);
    const offer = offerOf({ version: 1, midnight: day.midnight, slots: 2, capacity: 2 });
    const office = await officeWithOffer(h, offer);
    const start = offer.slots[0]?.start;
    const cases: [Record<string, unknown>, string][] = [
      [{ office: office.officeId, service: 1, start, phone: '12345' }, 'BAD_REQUEST'],
      [{ office: office.officeId, service: 1, start, idNumber: '0010990123' }, 'BAD_REQUEST'],
      [{ office: office.officeId, service: 1, start, extra: 1 }, 'BAD_REQUEST'],
      [{ office: office.officeId, service: 1, start: start! + 60_000 }, 'SLOT_UNKNOWN'],
      [{ office: office.officeId, service: 9, start }, 'SLOT_UNKNOWN'],
      [{ office: 'o_000000', service: 1, start }, 'BOOKING_NOT_AVAILABLE'],
    ];
    for (const [body, code] of cases) {
      const r = await book(h, '127.0.8.1', body);
      expect([r.body.error?.code, r.body.error?.message.length ? 'message' : '']).toEqual([code, 'message']);
    }
    const phone = await book(h, '127.0.8.1', { office: office.officeId, service: 1, start, phone: '12345' });
    expect(phone.body.error?.message).toContain('10 chữ số');
    expect((await sql.query('SELECT count(*)::int AS n FROM bookings')).rows[0].n).toBe(0);
    expect((await sql.query('SELECT sum(taken)::int AS n FROM booking_slots')).rows[0].n).toBe(0);
    // A booking from another site's page is refused.
    const cross = await fetch(`http://127.0.0.1:${h.port}/hub/api/public/bookings`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ office: office.officeId, service: 1, start }) });
    expect(cross.status).toBe(403);
    // A push with a malformed offer is refused whole.
    const bad = await pushBatch(office, [], { bookingOffer: { ...offer, version: 2, matchKey: 'not-hex' } });
    expect(bad.body).toMatchObject({ error: { code: 'BATCH_MALFORMED' } });
    expect((await sql.query('SELECT version FROM booking_offers')).rows[0].version).toBe(1);
  }, 60_000);
});

describe('abuse limits on booking from home', () => {
  it('per phone, per address and per office a day; a phone or address with too many no-shows is refused; a refused booking takes no place', async () => {
    const { hub: h, sql } = await hub({ bookingLimits: { perPhonePerDay: 2, perAddressPerDay: 3, perOfficePerDay: 6 } });
    const day = vnDay(NOW, 2);
    const offer = offerOf({ version: 1, midnight: day.midnight, slots: 8, capacity: 5, window: { noShowLimit: 2 } });
    const office = await officeWithOffer(h, offer);
    const start = (i: number) => offer.slots[i]?.start;
    const at = (from: string, i: number, phone?: string) => book(h, from, { office: office.officeId, service: 1, start: start(i), ...(phone ? { phone } : {}) }).then((r) => r.body.error?.code ?? r.status);
    // Phone: two a day, whatever the address.
    expect([await at('127.0.9.1', 0, '0911111111'), await at('127.0.9.2', 1, '+84 911 111 111'), await at('127.0.9.3', 2, '0911.111.111')]).toEqual([201, 201, 'BOOKING_LIMIT']);
    // Address: three a day (the refused one above was given back).
    expect([await at('127.0.9.3', 2), await at('127.0.9.3', 3), await at('127.0.9.3', 4), await at('127.0.9.3', 5)]).toEqual([201, 201, 201, 'BOOKING_LIMIT']);
    // Office: six a day in all; five made, one left.
    expect([await at('127.0.9.4', 5), await at('127.0.9.5', 6)]).toEqual([201, 'BOOKING_LIMIT']);
    expect((await sql.query('SELECT count(*)::int AS n FROM bookings')).rows[0].n).toBe(6);
    expect((await sql.query('SELECT sum(taken)::int AS n FROM booking_slots')).rows[0].n).toBe(6);
  }, 60_000);

  it('hammering a full slot: each try costs its address (20, then 10 a minute), so one address cannot keep the hub busy', async () => {
    const { hub: h, sql } = await hub();
    const day = vnDay(NOW, 2);
    const offer = offerOf({ version: 1, midnight: day.midnight, slots: 1, capacity: 1, services: [HO_TICH] });
    const office = await officeWithOffer(h, offer);
    const start = offer.slots[0]?.start;
    expect((await book(h, '127.0.15.1', { office: office.officeId, service: 1, start })).status).toBe(201);
    const tries = await Promise.all(Array.from({ length: 30 }, () => book(h, '127.0.15.2', { office: office.officeId, service: 1, start })));
    expect(tries.filter((t) => t.body.error?.code === 'SLOT_FULL').length).toBe(20);
    expect(tries.filter((t) => t.body.error?.code === 'RATE_LIMITED').length).toBe(10);
    // Another address is not held up by it.
    expect((await book(h, '127.0.15.3', { office: office.officeId, service: 1, start })).body.error?.code).toBe('SLOT_FULL');
    expect((await sql.query('SELECT count(*)::int AS n FROM bookings')).rows[0].n).toBe(1);
  }, 60_000);

  it('missed bookings: two in 90 days and that phone, or that address, may not book again', async () => {
    const { hub: h } = await hub();
    const day = vnDay(NOW, 2);
    const offer = offerOf({ version: 1, midnight: day.midnight, slots: 8, capacity: 5, window: { noShowLimit: 2 } });
    const office = await officeWithOffer(h, offer);
    const start = (i: number) => offer.slots[i]?.start;
    const codes: string[] = [];
    for (const i of [0, 1]) {
      const r = await book(h, `127.0.10.${i + 1}`, { office: office.officeId, service: 1, start: start(i), phone: '0922222222' });
      codes.push(String(r.body.code));
    }
    await pushBatch(office, codes.map((c) => bookingEvent('booking.missed', c)));
    const again = await book(h, '127.0.10.9', { office: office.officeId, service: 1, start: start(2), phone: '0922 222 222' });
    expect(again.body.error?.code).toBe('BOOKING_NO_SHOW_LIMIT');
    expect(again.body.error?.message).toContain('90 ngày');
    // The address that missed twice (127.0.10.1 missed one; book one more from it and miss it).
    const third = await book(h, '127.0.10.1', { office: office.officeId, service: 1, start: start(3) });
    await pushBatch(office, [bookingEvent('booking.missed', String(third.body.code))]);
    expect((await book(h, '127.0.10.1', { office: office.officeId, service: 1, start: start(4) })).body.error?.code).toBe('BOOKING_NO_SHOW_LIMIT');
    // Somebody else, another phone, another address: welcome.
    expect((await book(h, '127.0.10.20', { office: office.officeId, service: 1, start: start(4), phone: '0933333333' })).status).toBe(201);
  }, 60_000);

  it('guessing codes to cancel: ten wrong from one address, then that address is locked out; a right code costs nothing', async () => {
    const { hub: h, sql } = await hub();
    const day = vnDay(NOW, 2);
    const offer = offerOf({ version: 1, midnight: day.midnight, slots: 2, capacity: 5 });
    const office = await officeWithOffer(h, offer);
    const mine = await book(h, '127.0.11.1', { office: office.officeId, service: 1, start: offer.slots[0]?.start });
    const code = String(mine.body.code);
    for (let i = 0; i < 3; i++) expect((await citizenRequest(h.port, '127.0.11.2', 'POST', '/hub/api/public/bookings/find', { code })).status).toBe(200);
    const guesses = await Promise.all(Array.from({ length: 25 }, (_, i) => citizenRequest(h.port, '127.0.11.2', 'POST', '/hub/api/public/bookings/cancel', { code: wrongCode(i) })));
    expect(guesses.filter((g) => g.body.error?.code === 'BOOKING_UNKNOWN').length).toBe(10);
    expect(guesses.filter((g) => g.body.error?.code === 'BOOKING_CODE_LOCKED').length).toBe(15);
    expect((await citizenRequest(h.port, '127.0.11.2', 'POST', '/hub/api/public/bookings/cancel', { code })).body.error?.code).toBe('BOOKING_CODE_LOCKED');
    expect((await sql.query('SELECT state FROM bookings')).rows).toEqual([{ state: 'booked' }]);
    // Its holder, elsewhere, still cancels.
    expect((await citizenRequest(h.port, '127.0.11.1', 'POST', '/hub/api/public/bookings/cancel', { code })).body.state).toBe('cancelled');
  }, 60_000);
});

describe('the province’s report of bookings from home', () => {
  it('per office and procedure: made, checked in (late), missed, cancelled, still booked, slot use; on the page’s route, scoped, and in the XLSX', async () => {
    const { hub: h } = await hub();
    const day = vnDay(NOW, 2);
    const offer = offerOf({ version: 1, midnight: day.midnight, slots: 5, capacity: 2 });
    const a = await officeWithOffer(h, offer, 'UBND phường An Cựu');
    const b = await officeWithOffer(h, offerOf({ version: 1, midnight: day.midnight, slots: 1, capacity: 4, services: [HO_TICH] }), 'UBND xã Thủy Bằng');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(String((await book(h, `127.0.12.${i + 1}`, { office: a.officeId, service: 1, start: offer.slots[i]?.start })).body.code));
    expect((await book(h, '127.0.12.9', { office: b.officeId, service: 1, start: offer.slots[0]?.start })).status).toBe(201);
    await pushBatch(a, [bookingEvent('booking.checked_in', codes[0] as string), bookingEvent('booking.checked_in', codes[1] as string, { late: true }), bookingEvent('booking.missed', codes[2] as string)]);
    expect((await citizenRequest(h.port, '127.0.12.4', 'POST', '/hub/api/public/bookings/cancel', { code: codes[3] })).status).toBe(200);

    const admin = await provinceAdmin(h);
    const q = `from=${day.day}&to=${day.day}`;
    const r = await admin.get(`/hub/api/reports/bookings?${q}`);
    expect(r.status).toBe(200);
    const report = r.body as unknown as BookingReport;
    const zero = { made: 0, checkedIn: 0, late: 0, missed: 0, cancelled: 0, booked: 0 };
    expect(report.rows.map((x) => [x.officeName, x.serviceVi, { made: x.made, checkedIn: x.checkedIn, late: x.late, missed: x.missed, cancelled: x.cancelled, booked: x.booked }, x.capacity, x.taken])).toEqual([
      ['UBND phường An Cựu', HO_TICH.nameVi, { made: 5, checkedIn: 2, late: 1, missed: 1, cancelled: 1, booked: 1 }, 10, 4],
      ['UBND phường An Cựu', 'Đất đai', zero, 10, 0],
      ['UBND xã Thủy Bằng', HO_TICH.nameVi, { ...zero, made: 1, booked: 1 }, 4, 1],
    ]);
    expect(report.totals).toEqual({ made: 6, checkedIn: 2, late: 1, missed: 1, cancelled: 1, booked: 2, capacity: 24, taken: 5 });
    // Another day: nothing.
    expect(((await admin.get(`/hub/api/reports/bookings?from=${vnDay(NOW, 9).day}&to=${vnDay(NOW, 9).day}`)).body as unknown as BookingReport).rows).toEqual([]);

    // An office viewer sees its own office only, and nothing of another when it asks for it.
    expect((await admin.post('/hub/api/users', { name: 'xem.thuybang', password: 'Thuy-Bang-2026-xem', role: 'office_viewer', officeId: b.officeId })).status).toBe(201);
    const viewer = new HubClient(h.port);
    await viewer.signIn('xem.thuybang', 'Thuy-Bang-2026-xem');
    expect(((await viewer.get(`/hub/api/reports/bookings?${q}`)).body as unknown as BookingReport).rows.map((x) => x.officeId)).toEqual([b.officeId]);
    expect(((await viewer.get(`/hub/api/reports/bookings?${q}&office=${a.officeId}`)).body as unknown as BookingReport).rows).toEqual([]);
    expect((await new HubClient(h.port).get(`/hub/api/reports/bookings?${q}`)).status).toBe(401);

    // The XLSX carries a "Lịch hẹn" sheet with the same cells.
    const file = await fetch(`http://127.0.0.1:${h.port}/hub/api/reports.xlsx?${q}`, { headers: { cookie: admin.cookie ?? '' } });
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    const cross = (await admin.get(`/hub/api/reports?${q}`)).body as unknown as CrossOfficeReport;
    const sheet = workbookSheets(cross, report).find((x) => x.name === 'Lịch hẹn');
    expect(sheet?.rows.at(-1)).toEqual(['Tổng cộng', '', 6, 2, 1, 1, 1, 2, 24, 5, 20.8]);
    const ws = wb.getWorksheet('Lịch hẹn') as ExcelJS.Worksheet;
    const blank = (v: unknown) => (v === '' || v === undefined ? null : v);
    expect(ws.getRow(2).values).toEqual([undefined, ...(sheet?.header ?? [])]);
    sheet?.rows.forEach((cells, i) => expect(sheet.header.map((_, j) => blank(ws.getRow(3 + i).getCell(j + 1).value))).toEqual(cells.map(blank)));
  }, 60_000);
});

describe('a ticket’s tracking page on the hub', () => {
  it('from the copies the office pushed: state, people ahead in its service, now calling; an unknown id is a guess, budgeted', async () => {
    const { hub: h } = await hub({ now: Date.now });
    const office = await PushingOffice.join(h, 'UBND phường Phú Hội');
    const day = vnDay(Date.now(), 0).day;
    const t0 = Date.now() - 600_000;
    const directory = { services: [{ id: 1, code: null, nameVi: 'Hộ tịch', nameEn: 'Civil status' }, { id: 2, code: null, nameVi: 'Đất đai', nameEn: 'Land' }], counters: [{ id: 7, number: 3, name: 'Quầy 3' }], officers: [], timeZone: 'Asia/Ho_Chi_Minh' };
    const ids = ['Tk7aB3xQ9mZp2R', 'Tk7aB3xQ9mZp2S', 'Tk7aB3xQ9mZp2T', 'Tk7aB3xQ9mZp2U', 'Tk7aB3xQ9mZp2V'];
    const events = [
      ticketEvent('ticket.issued', { id: ids[0] as string, businessDay: day, issuedAt: t0, number: 'A001', state: 'called', counterId: 7, calledAt: t0 + 60_000 }, t0 + 60_000),
      ticketEvent('ticket.issued', { id: ids[1] as string, businessDay: day, issuedAt: t0 + 1000, number: 'A002' }, t0 + 1000),
      ticketEvent('ticket.issued', { id: ids[2] as string, businessDay: day, issuedAt: t0 + 2000, number: 'A003' }, t0 + 2000),
      ticketEvent('ticket.issued', { id: ids[3] as string, businessDay: day, issuedAt: t0 + 3000, number: 'A004' }, t0 + 3000),
      // Another service's waiting ticket is nobody's "ahead".
      ticketEvent('ticket.issued', { id: ids[4] as string, businessDay: day, issuedAt: t0 + 500, number: 'B001', serviceId: 2 }, t0 + 500),
    ];
    expect((await pushBatch(office, events, { directory })).status).toBe(200);
    const track = (id: string, from = '127.0.14.1') => citizenRequest(h.port, from, 'GET', `/hub/api/public/ticket?office=${office.officeId}&id=${id}`);
    const mine = (await track(ids[3] as string)).body as unknown as PublicTicket;
    expect(mine).toMatchObject({ number: 'A004', state: 'waiting', ahead: 2, counter: null, service: { nameVi: 'Hộ tịch' }, nowCalling: [{ number: 'A001', counter: 3 }], office: { name: 'UBND phường Phú Hội' } });
    expect(mine.updatedAt).toBeGreaterThan(0);
    const first = (await track(ids[0] as string)).body as unknown as PublicTicket;
    expect(first).toMatchObject({ state: 'called', counter: 3, ahead: null });
    // Nothing personal in the answer: only these fields.
    expect(Object.keys(mine).sort()).toEqual(['ahead', 'businessDay', 'counter', 'estimateMinutes', 'nowCalling', 'number', 'office', 'service', 'state', 'updatedAt']);
    // The office's model on what the hub holds: no served ticket yet (8 minutes assumed), one counter calling
    // this service lately, too few calls to trust their pace: (2 ahead + ½) × 8 = 20 minutes.
    expect(mine.estimateMinutes).toBe(20);
    expect(first.estimateMinutes).toBeNull();
    // Twenty wrong ids from one address, then that address is refused; the right one still answers elsewhere.
    const guesses = await Promise.all(Array.from({ length: 25 }, (_, i) => track(`Zz${String(i).padStart(12, '0')}`, '127.0.14.2')));
    expect(guesses.filter((g) => g.body.error?.code === 'TICKET_NOT_FOUND').length).toBe(20);
    expect(guesses.filter((g) => g.body.error?.code === 'RATE_LIMITED').length).toBe(5);
    expect((await track(ids[3] as string, '127.0.14.3')).status).toBe(200);
    expect((await track('bad-id!!')).status).toBe(400);
    // The page itself is served at /t/<office>/<ticket> with the strict CSP.
    const page = await fetch(`http://127.0.0.1:${h.port}/t/${office.officeId}/${ids[3]}`);
    expect([page.status, page.headers.get('content-security-policy')?.includes("script-src 'self'")]).toEqual([200, true]);
  }, 60_000);
});
