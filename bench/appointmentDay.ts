// `npm run bench:appointments`: office days with 30 % of citizens on appointments (#30), played on the
// real QueueService and appointment check-in over a real SQLite file with a moved clock. Two counters
// call "Hộ tịch" 07:30–11:30 and 13:30–17:00; citizens come as Poisson walk-ins, or book a 15-minute
// slot (1 place each) and arrive 0–15 minutes early (a few late or not at all). Each day is played
// twice with the same people: once with the appointments, once with the booked citizens coming as
// walk-ins at the same moments. Prints the share of appointment tickets called within 5 minutes of
// their slot (goal ≥ 90 %), and the walk-ins' mean wait with and without appointments beside the
// share of counter capacity the booked slots take (goal: the wait grows by no more than that share).
// Then one ward day is played again on a database holding a year of history (APPT_HISTORY tickets,
// default 1,000,000, three in ten of the served ones booked): the same calls, and what each step
// costs beside the fresh database's.
import type Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { Appointments } from '../electron/host/appointments/appointments';
import { AppError } from '../shared/errors';
import { prng } from '../test/helpers/prng';
import { generateHistory } from '../test/helpers/reportDataset';
import { FakeClock, tempQueue } from '../test/helpers/tempHost';
import { machine, summary } from './stats';

const MIN = 60_000;
const DAYS = Number(process.env.APPT_DAYS ?? 10);
/** Counter load over the day, and how long before its slot an appointment becomes callable (the office setting): each pair is played. */
const LOADS = (process.env.APPT_LOADS ?? '0.7,0.8').split(',').map(Number);
const CALLABLE_BEFORE = (process.env.APPT_CALLABLE ?? '2,5,10').split(',').map(Number);
const SHARE = 0.3;
const MEAN_SERVICE = 10;
/** Counters calling the service: a ward's two desks, and a provincial centre's civil-status desk. */
const COUNTER_SETS = (process.env.APPT_COUNTERS ?? '2,6').split(',').map(Number);
let COUNTERS = [1, 2];
/** Places per 15-minute slot: one for every two counters (a counter serves ≈ 1.5 citizens a slot). */
const placesPerSlot = () => Math.max(1, Math.ceil(COUNTERS.length / 2));
const SESSIONS: [number, number][] = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];
const OPEN_MIN = SESSIONS.reduce((s, [a, b]) => s + b - a, 0);
/** Monday 23 Nov 2026 in Hà Nội (UTC+7): minutes of the local day to epoch ms. */
const DAY0 = Date.UTC(2026, 10, 23) - 7 * 3600_000;
const local = (m: number) => DAY0 + m * MIN;
const STEP = 15_000;

interface Citizen {
  arrive: number;
  serviceMs: number;
  /** The slot start for a booked citizen; null for a walk-in. */
  slot: number | null;
}

/** One day's people: Poisson arrivals through both sessions, log-normal service times, 30 % booked into free slots. */
function people(seed: number, load: number): Citizen[] {
  const rnd = prng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const serviceMs = () => Math.max(2, MEAN_SERVICE * Math.exp(0.4 * normal() - 0.08)) * MIN;
  const perMinute = (load * COUNTERS.length) / MEAN_SERVICE;
  const out: Citizen[] = [];
  const slots: number[] = [];
  for (const [a, b] of SESSIONS) for (let m = a; m + 15 <= b; m += 15) slots.push(m);
  const places = placesPerSlot();
  const free: number[] = slots.flatMap((m) => Array.from({ length: places }, () => m));
  for (const [a, b] of SESSIONS) {
    // Walk-ins stop coming 20 minutes before the end, as the office's last number is handed out.
    for (let t = a + -Math.log(1 - rnd()) / perMinute; t < b - 20; t += -Math.log(1 - rnd()) / perMinute) {
      if (rnd() < SHARE && free.length > 0) {
        // A booked citizen takes the nearest slot with a place left from when they would have come.
        let best = 0;
        for (let i = 1; i < free.length; i++) if (Math.abs(free[i]! - t) < Math.abs(free[best]! - t)) best = i;
        const slot = free.splice(best, 1)[0]!;
        const r = rnd();
        // 85 % come 0–15 min early, 7 % up to 10 min late, 3 % later than the window, 5 % not at all.
        const arrive = r < 0.85 ? slot - rnd() * 15 : r < 0.92 ? slot + rnd() * 10 : r < 0.95 ? slot + 11 + rnd() * 20 : null;
        if (arrive !== null) out.push({ arrive: local(arrive), serviceMs: serviceMs(), slot: local(slot) });
        else out.push({ arrive: Infinity, serviceMs: 0, slot: local(slot) });
      } else out.push({ arrive: local(t), serviceMs: serviceMs(), slot: null });
    }
  }
  return out.sort((x, y) => x.arrive - y.arrive);
}

interface DayResult {
  apptCalled: number;
  apptWithin5: number;
  /** Called within 5 min of the slot, or of the check-in for those who came after their slot. */
  apptWithin5OfArrival: number;
  /** Of those who came before their slot. */
  onTimeCalled: number;
  onTimeWithin5: number;
  walkInWaits: number[];
  bookedServiceMin: number;
  /** Milliseconds each step took: a check-in by code, a walk-in's ticket, a counter's call. */
  cost: { checkIn: number[]; issue: number[]; call: number[] };
  /** Who was called when, to compare two plays of the same day. */
  calls: string[];
}

function playDay(who: Citizen[], withAppointments: boolean, callableBefore: number, prepare?: (db: Database.Database) => void): DayResult {
  const clock = new FakeClock(local(7 * 60));
  const { queue, db } = tempQueue({ clock, alwaysOpen: true });
  prepare?.(db);
  const cost: DayResult['cost'] = { checkIn: [], issue: [], call: [] };
  const calls: string[] = [];
  queue.settings.set({ ...queue.settings.get(), hours: SESSIONS.map(([a, b]) => ({ days: [1, 2, 3, 4, 5], from: hhmm(a), to: hhmm(b) })), skipMinSeconds: 0, appointments: { ...queue.settings.get().appointments, callableBeforeMinutes: callableBefore } });
  const appointments = new Appointments(queue);
  appointments.rules.save({ serviceId: 1, enabled: true, slotMinutes: 15, capacity: placesPerSlot(), daysAhead: 7, hubShare: 0 });
  // The counters (and officers) a centre has beyond the sample ward's, then every counter calls only Hộ tịch.
  for (const c of COUNTERS) {
    db.prepare("INSERT OR IGNORE INTO officers (id, name, pin_hash) VALUES (?, ?, '')").run(c, `Cán bộ ${c}`);
    db.prepare('INSERT OR IGNORE INTO counters (id, number, name) VALUES (?, ?, ?)').run(c, c, `Quầy ${c}`);
  }
  db.prepare(`DELETE FROM counter_services WHERE counter_id IN (${COUNTERS.join(',')})`).run();
  for (const c of COUNTERS) db.prepare('INSERT INTO counter_services (counter_id, service_id, position) VALUES (?, 1, 0)').run(c);
  const codes = new Map<Citizen, string>();
  if (withAppointments) for (const c of who) if (c.slot !== null) codes.set(c, appointments.book.book({ serviceId: 1, slotStart: c.slot }, 'bench').code);
  for (const c of COUNTERS) queue.counters.open(c, c);
  const serviceOf = new Map<string, number>();
  const walkIns = new Set<string>();
  const onTime = new Set<string>();
  const busyUntil = new Map<number, number>(COUNTERS.map((c) => [c, 0]));
  let next = 0;
  const end = local(18 * 60);
  for (let t = local(7 * 60); t < end; t += STEP) {
    clock.t = t;
    while (next < who.length && who[next]!.arrive <= t) {
      const c = who[next++]!;
      const code = codes.get(c);
      try {
        const t0 = performance.now();
        const row = code ? appointments.checkin.checkIn(code).row : queue.issuer.issue({ serviceId: 1 });
        (code ? cost.checkIn : cost.issue).push(performance.now() - t0);
        serviceOf.set(row.id, c.serviceMs);
        if (c.slot === null) walkIns.add(row.id);
        else if (c.arrive <= c.slot) onTime.add(row.id);
      } catch (e) {
        // A walk-in after the last session: the office is closed, they come another day.
        if (!(e instanceof AppError)) throw e;
      }
    }
    for (const counter of COUNTERS) {
      if (busyUntil.get(counter)! > t) continue;
      try {
        const t0 = performance.now();
        const called = queue.calling.callNext(counter, { counterId: counter, officerId: counter, admin: false });
        cost.call.push(performance.now() - t0);
        calls.push(`${counter} ${called.number} ${t}`);
        busyUntil.set(counter, t + (serviceOf.get(called.id) ?? MEAN_SERVICE * MIN));
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'QUEUE_EMPTY') throw e;
      }
    }
  }
  // Today's tickets only: a database with history holds a year of called ones before them.
  const rows = db.prepare('SELECT id, issued_at, called_at, appointment_at FROM tickets WHERE called_at IS NOT NULL AND issued_at >= ?').all(DAY0) as { id: string; issued_at: number; called_at: number; appointment_at: number | null }[];
  const appts = rows.filter((r) => r.appointment_at !== null);
  const result: DayResult = {
    apptCalled: appts.length,
    apptWithin5: appts.filter((r) => r.called_at - r.appointment_at! <= 5 * MIN).length,
    apptWithin5OfArrival: appts.filter((r) => r.called_at - Math.max(r.appointment_at!, r.issued_at) <= 5 * MIN).length,
    onTimeCalled: appts.filter((r) => onTime.has(r.id)).length,
    onTimeWithin5: appts.filter((r) => onTime.has(r.id) && r.called_at - r.appointment_at! <= 5 * MIN).length,
    walkInWaits: rows.filter((r) => walkIns.has(r.id)).map((r) => (r.called_at - r.issued_at) / MIN),
    bookedServiceMin: who.filter((c) => c.slot !== null && c.arrive !== Infinity).reduce((s, c) => s + c.serviceMs / MIN, 0),
    cost,
    calls,
  };
  db.close();
  return result;
}

function hhmm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const pct = (a: number, b: number) => `${((a / Math.max(1, b)) * 100).toFixed(1)} %`;
const started = Date.now();
console.log(`appointment day: ${DAYS} days × 2 plays per row, ${Math.round(SHARE * 100)} % of citizens booked (${machine()}, ${os.cpus().length} cores)`);
console.log('counters  load  callable-before  appt called ≤5 min after slot (all | after the slot or the late arrival | those who came before it)  walk-in mean wait without → with  growth  slots\' share of capacity');
for (const counters of COUNTER_SETS) {
COUNTERS = Array.from({ length: counters }, (_, i) => i + 1);
for (const load of LOADS) {
  for (const before of CALLABLE_BEFORE) {
    let called = 0;
    let within = 0;
    let withinOfArrival = 0;
    let onTimeCalled = 0;
    let onTimeWithin = 0;
    const withWaits: number[] = [];
    const withoutWaits: number[] = [];
    let bookedMin = 0;
    for (let d = 0; d < DAYS; d++) {
      const who = people(1000 + d, load);
      const a = playDay(who, true, before);
      const b = playDay(who, false, before);
      called += a.apptCalled;
      within += a.apptWithin5;
      withinOfArrival += a.apptWithin5OfArrival;
      onTimeCalled += a.onTimeCalled;
      onTimeWithin += a.onTimeWithin5;
      withWaits.push(...a.walkInWaits);
      withoutWaits.push(...b.walkInWaits);
      bookedMin += a.bookedServiceMin;
    }
    const share = bookedMin / (DAYS * COUNTERS.length * OPEN_MIN);
    const growth = mean(withWaits) / mean(withoutWaits) - 1;
    console.log(
      `${counters}  ${Math.round(load * 100)} %  ${before} min  ${pct(within, called)} of ${called} | ${pct(withinOfArrival, called)} | ${pct(onTimeWithin, onTimeCalled)} of ${onTimeCalled}  ` +
        `${mean(withoutWaits).toFixed(1)} → ${mean(withWaits).toFixed(1)} min  ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %  ${(share * 100).toFixed(1)} %`,
    );
  }
}
}
console.log(`(goals: ≥ 90 % of appointments called within 5 min of their slot; walk-ins' wait grows by no more than the slots' share; ${((Date.now() - started) / 1000).toFixed(0)} s)`);

const HISTORY = Number(process.env.APPT_HISTORY ?? 1_000_000);

/**
 * A year before DAY0 as an office that took appointments all year leaves it: the report dataset's
 * tickets, and a booking for three in ten of the served ones (checked in, its ticket marked as an
 * appointment), one in twenty missed and one in ten cancelled beside them.
 */
function yearOfHistory(db: Database.Database): void {
  const firstDay = new Date(DAY0 + 7 * 3600_000 - 365 * 86_400_000).toISOString().slice(0, 10);
  // 313 open days a year, Saturdays at half: 287.5 full days' worth.
  generateHistory(db, { days: 365, ticketsPerDay: Math.round(HISTORY / 287.5), firstDay, seed: 7 });
  db.transaction(() => {
    db.exec(`INSERT INTO bookings (code, service_id, slot_start, slot_minutes, state, source, created_at, changed_at, ticket_id, checked_in_at, late)
      SELECT printf('LH-H%07X', rowid), service_id, (issued_at / 900000 + 1) * 900000, 15, 'checkedIn', 'hub', issued_at - 3 * 86400000, issued_at, id, issued_at, 0
      FROM tickets WHERE state = 'done' AND rowid % 10 < 3`);
    db.exec(`UPDATE tickets SET appointment_at = (SELECT slot_start FROM bookings b WHERE b.ticket_id = tickets.id) WHERE id IN (SELECT ticket_id FROM bookings)`);
    db.exec(`INSERT INTO bookings (code, service_id, slot_start, slot_minutes, state, source, created_at, changed_at, late, missed_reason)
      SELECT printf('LH-M%07X', rowid), service_id, (issued_at / 900000 + 1) * 900000, 15, CASE WHEN rowid % 3 = 0 THEN 'missed' ELSE 'cancelled' END, 'hub', issued_at - 86400000, issued_at, 0,
        CASE WHEN rowid % 3 = 0 THEN 'noShow' END
      FROM tickets WHERE rowid % 20 = 1`);
  })();
  db.exec('ANALYZE');
  // A year's history reached the disk long ago in a real office: checkpoint it and flush what the
  // build left dirty, or the day's first commits (synchronous = FULL) wait behind gigabytes of
  // writeback and time the disk, not the queue.
  db.pragma('wal_checkpoint(TRUNCATE)');
  execFileSync('sync');
}

if (HISTORY > 0) {
  COUNTERS = [1, 2];
  const who = people(1000, 0.7);
  const fresh = playDay(who, true, 2);
  const h0 = Date.now();
  let rows = { tickets: 0, bookings: 0 };
  const old = playDay(who, true, 2, (db) => {
    yearOfHistory(db);
    rows = {
      tickets: (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n,
      bookings: (db.prepare('SELECT count(*) AS n FROM bookings').get() as { n: number }).n,
    };
  });
  const ms = (xs: number[]) => {
    const s = summary(xs);
    return `p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms (${s.n})`;
  };
  console.log(`\na ward day (2 counters, 70 %, callable 2 min before) on a year of history: ${rows.tickets.toLocaleString('en')} tickets, ${rows.bookings.toLocaleString('en')} bookings (${((Date.now() - h0) / 1000).toFixed(0)} s to build and play)`);
  console.log(`  same calls in the same order as on a fresh database: ${JSON.stringify(fresh.calls) === JSON.stringify(old.calls) ? 'yes' : 'NO'} (${old.calls.length} calls); appointments called within 5 min of their slot this day: ${pct(old.apptWithin5, old.apptCalled)} (fresh: ${pct(fresh.apptWithin5, fresh.apptCalled)})`);
  for (const step of ['checkIn', 'issue', 'call'] as const) console.log(`  ${step.padEnd(8)} fresh ${ms(fresh.cost[step])}   year of history ${ms(old.cost[step])}`);
}
