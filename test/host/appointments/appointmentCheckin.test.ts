// Appointments at the office (#30): a booking checked in by code at POST /api/checkin on a real host
// and a real SQLite file — the window's edges, early and late arrivals, refusals that write nothing,
// wrong codes paid for per kiosk, the merge rule at the counter, the re-offer of a no-show, undo.
import { describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { deviceClient, signedInAdmin, signedInCounter } from '../../helpers/devices';
import type { HttpClient } from '../../helpers/httpClient';
import { hostPerTest } from '../../helpers/hostPerTest';
import { FakeClock } from '../../helpers/tempHost';

/** Hà Nội wall time on Monday 23 Nov 2026 (UTC+7), the day FakeClock starts at 08:00. */
const at = (hh: number, mm: number, day = 23) => Date.UTC(2026, 10, day, hh - 7, mm);
const HOURS = [
  { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
  { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
];

const hosts = hostPerTest();

interface Office {
  host: Host;
  clock: FakeClock;
  admin: HttpClient;
  kiosk: HttpClient;
  ht: number;
}

async function office(): Promise<Office> {
  const clock = new FakeClock();
  const host = await hosts.start({ clock });
  const admin = await signedInAdmin(host);
  // Always-open seeds have no hours; appointments need some, and a short skip minimum keeps the test short.
  expect((await admin.post('/api/admin/office', { hours: HOURS, skipMinSeconds: 0 })).status).toBe(200);
  const ht = (host.db.prepare("SELECT id FROM services WHERE code = 'HT'").get() as { id: number }).id;
  const saved = await admin.post('/api/admin/appointments/rules', { serviceId: ht, enabled: true, slotMinutes: 15, capacity: 2, daysAhead: 7, hubShare: 1 });
  expect(saved.status).toBe(200);
  return { host, clock, admin, kiosk: deviceClient(host, 'kiosk'), ht };
}

async function bookAt(o: Office, slotStart: number, idNumber?: string): Promise<string> {
  const r = await o.admin.post('/api/admin/bookings', { serviceId: o.ht, slotStart, ...(idNumber ? { idNumber } : {}) });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ serviceId: o.ht, slotStart, state: 'booked', source: 'office', ticketNumber: null });
  expect(r.body.code).toMatch(/^LH-[A-Z0-9]{8}$/);
  return r.body.code as string;
}

const count = (host: Host, sql: string) => (host.db.prepare(sql).get() as { n: number }).n;
const snapshot = (host: Host) => ({
  tickets: host.db.prepare('SELECT * FROM tickets ORDER BY id').all(),
  bookings: host.db.prepare('SELECT * FROM bookings ORDER BY code').all(),
  events: count(host, 'SELECT count(*) AS n FROM events'),
});
const booking = (host: Host, code: string) => host.db.prepare('SELECT * FROM bookings WHERE code = ?').get(code) as Record<string, unknown>;
const ticket = (host: Host, id: string) => host.db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as Record<string, unknown>;

describe('check-in of a booking by code', () => {
  it('opens exactly at slot − early: a minute before is refused with nothing written, then the ticket and the booking change in one write', async () => {
    const o = await office();
    const code = await bookAt(o, at(8, 30));
    o.clock.t = at(8, 14);
    const before = snapshot(o.host);
    const early = await o.kiosk.post('/api/checkin', { scan: code });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'BOOKING_TOO_EARLY', details: { slotStart: at(8, 30), from: at(8, 15) } });
    expect(snapshot(o.host)).toEqual(before);

    o.clock.t = at(8, 15);
    // Typed as a citizen would: lower case, spaces, no prefix.
    const typed = code.slice(3, 7).toLowerCase() + ' ' + code.slice(7).toLowerCase();
    const r = await o.kiosk.post('/api/checkin', { scan: typed });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ step: 'ticket', kind: 'appointment', dossierCode: null, booking: { code, slotStart: at(8, 30), slotMinutes: 15, late: false } });
    expect(r.body.ticket).toMatchObject({ serviceId: o.ht, appointmentAt: at(8, 30), state: 'waiting' });
    // Queue time = slot − callableBefore (2 min); callable from then, not before.
    expect(ticket(o.host, r.body.ticket.id)).toMatchObject({ queued_at: at(8, 28), callable_at: at(8, 28), appointment_at: at(8, 30), issued_at: at(8, 15) });
    expect(booking(o.host, code)).toMatchObject({ state: 'checkedIn', ticket_id: r.body.ticket.id, checked_in_at: at(8, 15), late: 0 });
    const after = snapshot(o.host);
    expect(after.tickets.length).toBe(before.tickets.length + 1);
    // Every other booking row is as it was.
    expect(after.bookings.filter((b) => (b as { code: string }).code !== code)).toEqual(before.bookings.filter((b) => (b as { code: string }).code !== code));
    const events = o.host.db.prepare('SELECT type, payload FROM events WHERE id > ? ORDER BY id').all(before.events) as { type: string; payload: string }[];
    expect(events.map((e) => e.type)).toEqual(['ticket.issued', 'booking.checked_in']);
    expect(JSON.parse(events[1]!.payload)).toMatchObject({ code, serviceId: o.ht });

    const again = await o.kiosk.post('/api/checkin', { scan: code });
    expect(again.body.error.code).toBe('BOOKING_USED');
  });

  it('closes at slot + late: on the edge an appointment, a moment after an ordinary ticket and the answer says so', async () => {
    const o = await office();
    const onEdge = await bookAt(o, at(9, 0));
    const past = await bookAt(o, at(9, 0));
    o.clock.t = at(9, 10);
    const edge = await o.kiosk.post('/api/checkin', { scan: onEdge });
    expect(edge.status).toBe(201);
    expect(edge.body.booking.late).toBe(false);
    expect(ticket(o.host, edge.body.ticket.id)).toMatchObject({ queued_at: at(8, 58), appointment_at: at(9, 0) });

    o.clock.t = at(9, 10) + 1;
    const late = await o.kiosk.post('/api/checkin', { scan: past });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ kind: 'appointment', booking: { code: past, late: true }, ticket: { appointmentAt: null } });
    expect(ticket(o.host, late.body.ticket.id)).toMatchObject({ queued_at: at(9, 10) + 1, callable_at: null, appointment_at: null });
    expect(booking(o.host, past)).toMatchObject({ state: 'checkedIn', late: 1 });
    const ev = o.host.db.prepare("SELECT payload FROM events WHERE type = 'booking.checked_in' ORDER BY id DESC LIMIT 1").get() as { payload: string };
    expect(JSON.parse(ev.payload)).toMatchObject({ code: past, late: true });
  });

  it('refuses a cancelled, used, missed, unknown or other-day booking with a clear code (vi and en), writing nothing', async () => {
    const o = await office();
    const cancelled = await bookAt(o, at(8, 30));
    const tomorrow = await bookAt(o, at(8, 30, 24));
    const used = await bookAt(o, at(8, 45));
    const missed = await bookAt(o, at(8, 45));
    expect((await o.admin.post(`/api/admin/bookings/${cancelled}/cancel`)).body).toMatchObject({ code: cancelled, state: 'cancelled' });
    o.clock.t = at(8, 40);
    expect((await o.kiosk.post('/api/checkin', { scan: used })).status).toBe(201);
    o.host.db.prepare("UPDATE bookings SET state = 'missed', missed_reason = 'noShow' WHERE code = ?").run(missed);

    const cases: [string, number, string][] = [
      [cancelled, 409, 'BOOKING_CANCELLED'],
      [used, 409, 'BOOKING_USED'],
      [missed, 409, 'BOOKING_MISSED'],
      [tomorrow, 409, 'BOOKING_OTHER_DAY'],
      ['LH-ACDEHKMN', 404, 'BOOKING_UNKNOWN'],
    ];
    for (const [code, status, error] of cases) {
      const before = snapshot(o.host);
      const r = await o.kiosk.post('/api/checkin', { scan: code });
      expect([code, r.status, r.body.error.code]).toEqual([code, status, error]);
      expect(r.body.error.message.length).toBeGreaterThan(20);
      expect(snapshot(o.host)).toEqual(before);
    }
    const { errorCatalog } = await import('../../../shared/errors');
    for (const [, , error] of cases) expect(errorCatalog[error as keyof typeof errorCatalog].en.length).toBeGreaterThan(20);
  });

  it('pays for every unknown code per kiosk before looking it up: the 11th is refused even when right, another kiosk is not', async () => {
    const o = await office();
    const real = await bookAt(o, at(8, 30));
    o.clock.t = at(8, 20);
    for (let i = 0; i < 10; i++) {
      const r = await o.kiosk.post('/api/checkin', { scan: `LH-ACDEHKM${'ACDEHKMNPR'[i]}` });
      expect(r.body.error.code).toBe('BOOKING_UNKNOWN');
    }
    const before = snapshot(o.host);
    const locked = await o.kiosk.post('/api/checkin', { scan: real });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('BOOKING_CODE_LOCKED');
    expect((await o.kiosk.post('/api/bookings/cancel', { code: real })).body.error.code).toBe('BOOKING_CODE_LOCKED');
    expect(snapshot(o.host)).toEqual(before);
    const other = deviceClient(o.host, 'kiosk');
    expect((await other.post('/api/checkin', { scan: real })).status).toBe(201);
    // A minute later the first kiosk has one guess again.
    o.clock.minutes(1);
    expect((await o.kiosk.post('/api/checkin', { scan: 'LH-ACDEHKMT' })).body.error.code).toBe('BOOKING_UNKNOWN');
    expect((await o.kiosk.post('/api/checkin', { scan: 'LH-ACDEHKMU' })).body.error.code).toBe('BOOKING_CODE_LOCKED');
  });

  it('60 wrong codes at once from one kiosk, by check-in and by cancel: 10 are looked up, the rest refused, nothing written', async () => {
    const o = await office();
    const real = await bookAt(o, at(8, 30));
    o.clock.t = at(8, 20);
    const before = snapshot(o.host);
    const letters = 'ACDEHKMNPR';
    const guesses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const code = `LH-ACDE${letters[Math.floor(i / 10) % 10]}${letters[i % 10]}KM`;
        return i % 2 === 0 ? o.kiosk.post('/api/checkin', { scan: code }) : o.kiosk.post('/api/bookings/cancel', { code });
      }),
    );
    const codes = guesses.map((r) => r.body.error?.code as string);
    expect(codes.filter((c) => c === 'BOOKING_UNKNOWN')).toHaveLength(10);
    expect(codes.filter((c) => c === 'BOOKING_CODE_LOCKED')).toHaveLength(50);
    expect(guesses.filter((r) => r.body.error?.code === 'BOOKING_CODE_LOCKED').every((r) => r.status === 429)).toBe(true);
    expect(snapshot(o.host)).toEqual(before);
    // The real booking is still there for its citizen at another kiosk.
    expect((await deviceClient(o.host, 'kiosk').post('/api/checkin', { scan: real })).status).toBe(201);
  });

  it('the kiosk cancels a booking by its code; a used one cannot be cancelled', async () => {
    const o = await office();
    const code = await bookAt(o, at(10, 0));
    const r = await o.kiosk.post('/api/bookings/cancel', { code: code.toLowerCase() });
    expect(r.body).toEqual({ code, state: 'cancelled' });
    expect(o.host.db.prepare("SELECT payload FROM events WHERE type = 'booking.cancelled'").all()).toHaveLength(1);
    expect((await o.kiosk.post('/api/bookings/cancel', { code })).body.error.code).toBe('BOOKING_CANCELLED');
    expect((await o.kiosk.post('/api/bookings/cancel', { code: 'not a code' })).body.error.code).toBe('BAD_REQUEST');
  });
});

describe('the merge rule at the counter', () => {
  it('an early appointment is not callable before slot − 2 min, then goes ahead of walk-ins queued after that moment', async () => {
    const o = await office();
    const code = await bookAt(o, at(8, 30));
    const desk = await signedInCounter(o.host, 1);
    o.clock.t = at(8, 20);
    const appt = (await o.kiosk.post('/api/checkin', { scan: code })).body.ticket;
    o.clock.t = at(8, 21);
    const before = (await o.kiosk.post('/api/tickets', { serviceId: o.ht })).body;
    o.clock.t = at(8, 22);
    // Walk-in queued 08:21 is called; the appointment (queue time 08:28) is not callable yet anyway.
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(before.id);
    o.clock.t = at(8, 23);
    const empty = await desk.post('/api/counters/1/next');
    expect(empty.body.error.code).toBe('QUEUE_EMPTY');
    expect(ticket(o.host, appt.id)).toMatchObject({ state: 'waiting' });
    o.clock.t = at(8, 29);
    const after = (await o.kiosk.post('/api/tickets', { serviceId: o.ht })).body;
    o.clock.t = at(8, 30);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(appt.id);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(after.id);
  });

  it('from its slot’s start an appointment goes ahead of walk-ins who came before its queue time too; re-offered after a no-show, it is not', async () => {
    const o = await office();
    const code = await bookAt(o, at(8, 30));
    const desk = await signedInCounter(o.host, 1);
    o.clock.t = at(8, 15);
    const appt = (await o.kiosk.post('/api/checkin', { scan: code })).body.ticket;
    const walkIns: { id: string }[] = [];
    for (const m of [16, 17, 18]) {
      o.clock.t = at(8, m);
      walkIns.push((await o.kiosk.post('/api/tickets', { serviceId: o.ht })).body);
    }
    const [w1, w2, w3] = walkIns as [{ id: string }, { id: string }, { id: string }];
    // 08:29: callable (queue time 08:28) but its slot has not begun: the walk-in queued before it first.
    o.clock.t = at(8, 29);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(w1.id);
    o.clock.t = at(8, 30);
    // The forecast plays the same rule: the appointment is next, before the two walk-ins older than its queue time.
    o.host.queue.eta.refresh(o.clock.t);
    const eta = (id: string) => o.host.queue.views.ticketStatus(id).etaMinutes as number;
    expect(eta(appt.id)).toBeLessThan(eta(w2.id));
    expect(eta(w2.id)).toBeLessThan(eta(w3.id));
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(appt.id);
    // Not there: re-offered at 08:36 with its queue time only, behind the walk-ins who came before 08:28.
    o.clock.t = at(8, 31);
    expect((await desk.post(`/api/tickets/${appt.id}/skip`)).body).toMatchObject({ id: appt.id, state: 'waiting' });
    o.clock.t = at(8, 36);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(w2.id);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(w3.id);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(appt.id);
  });

  it('the forecast agrees: an early appointment waits for its moment, a walk-in is not held behind it', async () => {
    const o = await office();
    const code = await bookAt(o, at(9, 0));
    await signedInCounter(o.host, 1);
    o.clock.t = at(8, 46);
    const appt = (await o.kiosk.post('/api/checkin', { scan: code })).body.ticket;
    const walkIn = (await o.kiosk.post('/api/tickets', { serviceId: o.ht })).body;
    const eta = (id: string) => o.host.queue.views.ticketStatus(id).etaMinutes;
    // The board replays on its own timer; the test plays it now rather than wait.
    o.host.queue.eta.refresh(o.clock.t);
    // The walk-in is next at once; the appointment not before 08:58, 12 minutes on.
    expect(eta(walkIn.id)).toBe(0);
    expect(eta(appt.id)).toBeGreaterThanOrEqual(12);
  });

  it('a called appointment that did not come is re-offered once after 5 min with its place, the second no-show marks the booking missed', async () => {
    const o = await office();
    const code = await bookAt(o, at(8, 30));
    const desk = await signedInCounter(o.host, 1);
    o.clock.t = at(8, 25);
    const appt = (await o.kiosk.post('/api/checkin', { scan: code })).body.ticket;
    o.clock.t = at(8, 28);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(appt.id);
    o.clock.t = at(8, 31);
    const walkIn = (await o.kiosk.post('/api/tickets', { serviceId: o.ht })).body;
    const skipped = await desk.post(`/api/tickets/${appt.id}/skip`);
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({ id: appt.id, state: 'waiting' });
    expect(ticket(o.host, appt.id)).toMatchObject({ state: 'waiting', queued_at: at(8, 28), callable_at: at(8, 36) });
    expect(booking(o.host, code)).toMatchObject({ state: 'checkedIn', reoffered_at: at(8, 31) });
    const types = (o.host.db.prepare('SELECT type FROM events WHERE ticket_id = ? ORDER BY id').all(appt.id) as { type: string }[]).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['ticket.skipped', 'ticket.reactivated']);

    o.clock.t = at(8, 32);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(walkIn.id);
    o.clock.t = at(8, 35);
    expect((await desk.post('/api/counters/1/next')).body.error.code).toBe('QUEUE_EMPTY');
    o.clock.t = at(8, 36);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(appt.id);
    o.clock.t = at(8, 38);
    const second = await desk.post(`/api/tickets/${appt.id}/skip`);
    expect(second.body).toMatchObject({ id: appt.id, state: 'skipped' });
    expect(booking(o.host, code)).toMatchObject({ state: 'missed', missed_reason: 'noShow' });
    expect(count(o.host, "SELECT count(*) AS n FROM events WHERE type = 'booking.missed'")).toBe(1);
  });
});

describe('undo and the day’s end', () => {
  it('staff undo a check-in: the ticket is cancelled and the booking is booked again, then checks in anew; a called one cannot be undone', async () => {
    const o = await office();
    const code = await bookAt(o, at(8, 30));
    o.clock.t = at(8, 20);
    const first = (await o.kiosk.post('/api/checkin', { scan: code })).body.ticket;
    const desk = await signedInCounter(o.host, 1);
    const undone = await desk.post(`/api/bookings/${code}/undo-checkin`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ code, state: 'booked', ticketNumber: null, checkedInAt: null });
    expect(ticket(o.host, first.id)).toMatchObject({ state: 'cancelled' });
    expect(booking(o.host, code)).toMatchObject({ state: 'booked', ticket_id: null, checked_in_at: null });
    expect((await desk.post(`/api/bookings/${code}/undo-checkin`)).body.error.code).toBe('BOOKING_NOT_CHECKED_IN');

    const again = (await o.kiosk.post('/api/checkin', { scan: code })).body.ticket;
    o.clock.t = at(8, 29);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(again.id);
    const before = snapshot(o.host);
    const refused = await o.admin.post(`/api/bookings/${code}/undo-checkin`);
    expect(refused.body.error.code).toBe('BOOKING_TICKET_CALLED');
    expect(snapshot(o.host)).toEqual(before);
    // A kiosk may not undo anything.
    expect((await o.kiosk.post(`/api/bookings/${code}/undo-checkin`)).body.error.code).toBe('DEVICE_ROLE');
  });

  it('a booking whose day passed without a check-in becomes missed at the next sweep, with its event', async () => {
    const o = await office();
    const code = await bookAt(o, at(15, 0));
    o.clock.t = at(8, 0, 24);
    expect(o.host.appointments.book.sweepMissed()).toBe(1);
    expect(booking(o.host, code)).toMatchObject({ state: 'missed', missed_reason: 'window' });
    expect(o.host.appointments.book.sweepMissed()).toBe(0);
    expect(count(o.host, "SELECT count(*) AS n FROM events WHERE type = 'booking.missed'")).toBe(1);
  });

  it('a card whose number was given at booking checks in today’s booking; only its keyed hash and last 4 are stored', async () => {
    const o = await office();
    const ID = '079191001234';
    const code = await bookAt(o, at(8, 30), ID);
    const row = booking(o.host, code);
    expect(row.id_last4).toBe('1234');
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(o.host.db.prepare('SELECT * FROM bookings').all())).not.toContain(ID);
    o.clock.t = at(8, 20);
    const card = `${ID}||Trần Thị Mai|02091991|Nữ|45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10082022`;
    const r = await o.kiosk.post('/api/checkin', { scan: card });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'appointment', booking: { code, late: false }, ticket: { appointmentAt: at(8, 30) } });
    expect(ticket(o.host, r.body.ticket.id)).toMatchObject({ citizen_name: 'Trần Thị Mai', citizen_birth_year: 1991 });
    expect((await o.admin.post('/api/admin/bookings', { serviceId: o.ht, slotStart: at(9, 0), idNumber: '12345' })).body.error.code).toBe('ID_NUMBER_INVALID');
  });
});

describe('the office report', () => {
  it('counts bookings made, checked in, late, missed and cancelled, appointment vs walk-in waits, and slot use per service', async () => {
    const o = await office();
    const onTime = await bookAt(o, at(8, 30));
    const late = await bookAt(o, at(8, 30));
    const cancelled = await bookAt(o, at(9, 0));
    await bookAt(o, at(9, 0)); // never comes: missed at the day's end
    await o.admin.post(`/api/admin/bookings/${cancelled}/cancel`);
    const desk = await signedInCounter(o.host, 1);
    o.clock.t = at(8, 20);
    const walkIn = (await o.kiosk.post('/api/tickets', { serviceId: o.ht })).body;
    expect((await o.kiosk.post('/api/checkin', { scan: onTime })).status).toBe(201);
    o.clock.t = at(8, 24);
    expect((await desk.post('/api/counters/1/next')).body.id).toBe(walkIn.id);
    // Called 3 minutes after its slot: its wait is 3 minutes, not the 13 since it came.
    o.clock.t = at(8, 33);
    expect((await desk.post('/api/counters/1/next')).body.number).toBeTruthy();
    o.clock.t = at(8, 45);
    expect((await o.kiosk.post('/api/checkin', { scan: late })).body.booking.late).toBe(true);
    o.clock.t = at(8, 0, 24);
    o.host.appointments.book.sweepMissed();
    // A day on, the admin signs in again (a session lasts hours).
    const r = await (await signedInAdmin(o.host)).get('/api/reports/summary?from=2026-11-23&to=2026-11-23');
    expect(r.status).toBe(200);
    expect(r.body.appointments).toMatchObject({ made: 4, fromHub: 0, checkedIn: 1, late: 1, missed: 1, cancelled: 1, meanWaitMinutes: { appointment: 3 } });
    // The walk-in waited 4 minutes (08:20 → 08:24); the late one has not been called.
    expect(r.body.appointments.meanWaitMinutes.walkIn).toBe(4);
    // 07:30–11:30 and 13:30–17:00 in 15-minute slots: 16 + 14 slots × 2 places; 3 not cancelled.
    expect(r.body.appointments.slotUse).toEqual([{ serviceId: o.ht, name: 'Hộ tịch', places: 60, booked: 3, percent: 5 }]);
    expect(JSON.stringify(r.body.appointments)).not.toMatch(/LH-/);
  });
});

describe('staff bookings and the CSV import', () => {
  it('refuses a full slot ("hết chỗ"), a slot not in the plan or past, a service without appointments; nothing written', async () => {
    const o = await office();
    await bookAt(o, at(10, 0));
    await bookAt(o, at(10, 0));
    const ct = (o.host.db.prepare("SELECT id FROM services WHERE code = 'CT'").get() as { id: number }).id;
    const cases: [unknown, string][] = [
      [{ serviceId: o.ht, slotStart: at(10, 0) }, 'SLOT_FULL'],
      [{ serviceId: o.ht, slotStart: at(10, 5) }, 'SLOT_UNKNOWN'],
      [{ serviceId: o.ht, slotStart: at(7, 45) }, 'SLOT_UNKNOWN'],
      [{ serviceId: o.ht, slotStart: at(12, 0) }, 'SLOT_UNKNOWN'],
      [{ serviceId: o.ht, slotStart: at(8, 30, 29) }, 'SLOT_UNKNOWN'],
      [{ serviceId: ct, slotStart: at(10, 0) }, 'APPOINTMENTS_OFF'],
      [{ serviceId: o.ht, slotStart: at(10, 15), name: 'Nguyễn Văn A' }, 'BAD_REQUEST'],
    ];
    for (const [body, code] of cases) {
      const before = snapshot(o.host);
      const r = await o.admin.post('/api/admin/bookings', body);
      expect([JSON.stringify(body), r.body.error?.code]).toEqual([JSON.stringify(body), code]);
      expect(snapshot(o.host)).toEqual(before);
    }
    expect((await o.admin.get(`/api/admin/appointments/slots?serviceId=${o.ht}&day=2026-11-23`)).body.find((s: { start: number }) => s.start === at(10, 0))).toEqual({
      start: at(10, 0),
      minutes: 15,
      capacity: 2,
      booked: 2,
      free: 0,
    });
  });

  it('imports a file all or nothing, naming every bad line', async () => {
    const o = await office();
    const before = snapshot(o.host);
    const bad = await o.admin.post('/api/admin/bookings/import', { csv: 'Mã dịch vụ,Ngày,Giờ\nHT,2026-11-24,08:30\nXX,2026-11-24,08:30\nHT,31/02/2026,08:30\nHT,24/11/2026,08:35\nHT,2026-11-24,8h45\n' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BOOKING_IMPORT_INVALID');
    expect(bad.body.error.details.problems.map((p: { line: number }) => p.line)).toEqual([3, 4, 5]);
    expect(snapshot(o.host)).toEqual(before);
    // The same slot three times: the third row finds it full, and the whole file is refused.
    const full = await o.admin.post('/api/admin/bookings/import', { csv: 'HT,2026-11-24,08:30\nHT,2026-11-24,08:30\nHT,2026-11-24,08:30' });
    expect(full.body.error.details.problems).toEqual([{ line: 3, message: 'Khung giờ này đã hết chỗ. Vui lòng chọn giờ khác' }]);
    expect(snapshot(o.host)).toEqual(before);
    const ok = await o.admin.post('/api/admin/bookings/import', { csv: 'HT;24/11/2026;08:30\r\nHT;2026-11-24;8h45\r\n' });
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(2);
    expect(ok.body.bookings.map((b: { slotStart: number }) => b.slotStart)).toEqual([at(8, 30, 24), at(8, 45, 24)]);
    expect(count(o.host, "SELECT count(*) AS n FROM events WHERE type = 'booking.created'")).toBe(2);
  });
});
