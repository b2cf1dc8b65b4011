// `npm run bench:booking`: booking from home under a rush (issue #30). Citizens each on their own
// address press "Đặt lịch" at once for the last places of a day on a real hub (HTTP, PostgreSQL);
// prints how many were booked, how many told "hết chỗ", any other answer, double bookings found by
// query, and the answers' latency. BOOKING_ROUNDS rounds (default 5) of BOOKING_CITIZENS (200)
// racing for BOOKING_PLACES (10) places, each round on a fresh day.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../hub/db/embeddedPostgres';
import { startHub } from '../hub/hub';
import { HO_TICH, bookingRace, offerOf, vnDay } from '../test/helpers/bookingRace';
import { PushingOffice, pushBatch } from '../test/helpers/hubClient';
import { machine, summary } from './stats';

const rounds = Number(process.env.BOOKING_ROUNDS ?? 5);
const citizens = Number(process.env.BOOKING_CITIZENS ?? 200);
const places = Number(process.env.BOOKING_PLACES ?? 10);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-booking-'));
// PostgreSQL runs as its own user when the bench runs as root: it must be able to enter the folder.
fs.chmodSync(work, 0o755);
const server = await startEmbeddedPostgres(path.join(work, 'hub'));
const hub = await startHub({ port: 0, databaseUrl: server.url, log: () => undefined });
const sql = new pg.Client({ connectionString: server.url });
await sql.connect();
try {
  const office = await PushingOffice.join(hub, 'UBND phường Phú Hội');
  // One offer holding every round's day: 5 slots of 2 places each for HO_TICH (10 places a day).
  const days = Array.from({ length: rounds }, (_, i) => vnDay(Date.now(), 2 + i));
  const slotsPerDay = Math.ceil(places / 2);
  const offers = days.map((d) => offerOf({ version: 1, midnight: d.midnight, slots: slotsPerDay, capacity: 2, services: [HO_TICH] }));
  const offer = { ...(offers[0] as (typeof offers)[number]), slots: offers.flatMap((o) => o.slots) };
  const pushed = await pushBatch(office, [], { bookingOffer: offer });
  if (pushed.status !== 200) throw new Error(`offer push ${pushed.status}`);

  const latencies: number[] = [];
  const bookedMs: number[] = [];
  const refusedMs: number[] = [];
  let booked = 0;
  let full = 0;
  let other = 0;
  const started = performance.now();
  for (const [r, o] of offers.entries()) {
    const answers = await bookingRace(hub.port, { citizens, office: office.officeId, service: HO_TICH.id, starts: o.slots.map((s) => s.start) });
    // Each round is a fresh rush: the day's limits per address would otherwise refuse round 2's citizens.
    await sql.query(`DELETE FROM guess_buckets WHERE budget LIKE 'booking-%'`);
    const ok = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 409 && a.body.error?.code === 'SLOT_FULL' && a.body.error.message.includes('hết chỗ')).length;
    booked += ok;
    full += refused;
    other += answers.length - ok - refused;
    latencies.push(...answers.map((a) => a.ms));
    bookedMs.push(...answers.filter((a) => a.status === 201).map((a) => a.ms));
    refusedMs.push(...answers.filter((a) => a.status !== 201).map((a) => a.ms));
    console.log(`round ${r + 1}: ${ok} booked, ${refused} "hết chỗ", ${answers.length - ok - refused} other`);
  }
  const elapsed = (performance.now() - started) / 1000;
  const over = await sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM booking_slots s WHERE s.taken > s.capacity
       OR s.taken <> (SELECT count(*) FROM bookings b WHERE b.office_id = s.office_id AND b.service_id = s.service_id AND b.slot_start = s.start_at AND b.state <> 'cancelled')`,
  );
  const dup = await sql.query<{ n: string }>('SELECT count(*) - count(DISTINCT code) AS n FROM bookings');
  const l = summary(latencies);
  console.log(`\nmotcua bench:booking — ${new Date().toISOString()} — ${machine()}, load ${os.loadavg()[0]?.toFixed(1)}`);
  console.log(`  ${rounds} rounds × ${citizens} citizens racing for ${places} places: ${booked} booked (expected ${rounds * places}), ${full} refused "hết chỗ", ${other} other answers`);
  console.log(`  slots past capacity or miscounted: ${over.rows[0]?.n}; codes held twice: ${dup.rows[0]?.n}`);
  console.log(`  latency per answer: p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms; ${((rounds * citizens) / elapsed).toFixed(0)} answers/s`);
  const b = summary(bookedMs);
  const f = summary(refusedMs);
  console.log(`  booked: p50 ${b.p50.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms; refused: p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`);
  console.log(JSON.stringify({ rounds, citizens, places, booked, refusedFull: full, other, overbooked: Number(over.rows[0]?.n), duplicateCodes: Number(dup.rows[0]?.n), p50Ms: Math.round(l.p50 * 10) / 10, p99Ms: Math.round(l.p99 * 10) / 10, maxMs: Math.round(l.max * 10) / 10 }));
} finally {
  await sql.end();
  await hub.close();
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
