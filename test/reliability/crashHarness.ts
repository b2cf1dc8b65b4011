import path from 'node:path';
import Database from 'better-sqlite3';
import { enrollCli, enrollInDataDir, pinOf } from '../helpers/devices';
import { prng, pick } from '../helpers/prng';
import { startServe, waitExit } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';

export interface CrashReport {
  kills: number;
  ticketsAcknowledged: number;
  callsAcknowledged: number;
  finishesAcknowledged: number;
  ratingsAcknowledged: number;
  failures: string[];
}

interface Ack {
  tickets: Map<string, string>;
  calls: Map<string, number>;
  finishes: Set<string>;
  ratings: Map<string, number>;
}

/** A caller: its device credential (X-Device-Token) and, once signed in, its session cookie. */
interface Caller {
  device: string;
  cookie?: string;
}

async function post(base: string, p: string, body: unknown, caller: Caller): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(base + p, {
    method: 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'x-device-token': caller.device, ...(caller.cookie ? { cookie: caller.cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

/** Checks every promise the host acknowledged against what is on disk after a crash. */
function verify(dir: string, ack: Ack, display: { counters: { id: number; current: { ticketId: string } | null }[] }): string[] {
  const failures: string[] = [];
  const db = new Database(path.join(dir, 'motcua.sqlite'), { readonly: true });
  try {
    const rows = new Map((db.prepare('SELECT id, number, state, counter_id FROM tickets').all() as { id: string; number: string; state: string; counter_id: number | null }[]).map((r) => [r.id, r]));
    for (const [id, number] of ack.tickets) if (rows.get(id)?.number !== number) failures.push(`acknowledged ticket ${number} (${id}) missing`);
    for (const [id, counter] of ack.calls) if (rows.get(id)?.counter_id !== counter) failures.push(`acknowledged call of ${id} at counter ${counter} missing`);
    for (const id of ack.finishes) if (rows.get(id)?.state !== 'done') failures.push(`acknowledged finish of ${id} missing`);
    const ratings = new Map((db.prepare('SELECT ticket_id, score FROM ratings').all() as { ticket_id: string; score: number }[]).map((r) => [r.ticket_id, r.score]));
    for (const [id, score] of ack.ratings) if (ratings.get(id) !== score) failures.push(`acknowledged rating of ${id} missing`);
    const dupNumbers = db.prepare('SELECT number FROM tickets WHERE transferred_from IS NULL GROUP BY service_id, business_day, seq HAVING count(*) > 1').all();
    if (dupNumbers.length) failures.push(`numbers issued twice: ${JSON.stringify(dupNumbers)}`);
    const twoCounters = db.prepare("SELECT ticket_id FROM events WHERE type = 'ticket.called' GROUP BY ticket_id HAVING count(DISTINCT counter_id) > 1").all();
    if (twoCounters.length) failures.push(`tickets called at two counters: ${JSON.stringify(twoCounters)}`);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') failures.push(`integrity_check: ${String(integrity)}`);
    const active = new Map((db.prepare("SELECT counter_id, id FROM tickets WHERE state IN ('called', 'serving')").all() as { counter_id: number; id: string }[]).map((r) => [r.counter_id, r.id]));
    for (const c of display.counters) {
      if ((c.current?.ticketId ?? undefined) !== active.get(c.id)) failures.push(`display shows ${c.current?.ticketId} at counter ${c.id}, database has ${active.get(c.id)}`);
    }
  } finally {
    db.close();
  }
  return failures;
}

/**
 * Runs the host as a child process, drives kiosks and counters over HTTP, SIGKILLs it at random
 * moments, restarts it, and checks every acknowledged promise after each restart.
 */
export async function runCrashHarness(opts: { dir: string; kills: number; seed?: number; kioskClients?: number }): Promise<CrashReport> {
  const rnd = prng(opts.seed ?? 7);
  const ack: Ack = { tickets: new Map(), calls: new Map(), finishes: new Set(), ratings: new Map() };
  const failures: string[] = [];
  let srv: ServeProcess = await startServe(opts.dir);
  // Paired like a real office while the host runs: the kiosk through the real command line, the
  // counter PCs and their rating tablets the same way in one go. Pairings and sessions are in the
  // database, so they outlive every kill.
  const kioskDevice: Caller = { device: enrollCli(opts.dir, 'kiosk') };
  const counterTokens = enrollInDataDir(opts.dir, [1, 2, 3, 4].flatMap((counter) => [{ role: 'counter' as const, counter }, { role: 'rating' as const, counter }]));
  // A paired display sees ticket ids (a phone's view of the display has none to compare).
  const [displayDevice] = enrollInDataDir(opts.dir, [{ role: 'display' }]);
  const desks = new Map<number, Caller>();
  const tablets = new Map<number, Caller>();
  for (const c of [1, 2, 3, 4]) {
    const desk: Caller = { device: counterTokens[(c - 1) * 2] as string };
    tablets.set(c, { device: counterTokens[(c - 1) * 2 + 1] as string });
    const r = await fetch(`${srv.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-token': desk.device }, body: JSON.stringify({ counterId: c, officerId: c, pin: pinOf(c) }) });
    if (r.status !== 200) throw new Error(`sign-in at counter ${c}: ${r.status} ${await r.text()}`);
    desk.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    desks.set(c, desk);
  }
  for (let k = 0; k < opts.kills; k++) {
    let stop = false;
    const base = srv.base;
    const kiosk = async () => {
      while (!stop) {
        try {
          const r = await post(base, '/api/tickets', { serviceId: pick(rnd, [1, 2, 3, 4, 5, 6]), priority: rnd() < 0.2 ? 'elderly' : undefined }, kioskDevice);
          if (r.status === 201) ack.tickets.set(String(r.json.id), String(r.json.number));
        } catch {
          return;
        }
      }
    };
    const counter = async (c: number) => {
      while (!stop) {
        try {
          const desk = desks.get(c) as Caller;
          const r = await post(base, `/api/counters/${c}/next`, undefined, desk);
          if (r.status !== 200) {
            await new Promise((res) => setTimeout(res, 5));
            continue;
          }
          const id = String(r.json.id);
          ack.calls.set(id, c);
          const f = await post(base, `/api/tickets/${id}/finish`, {}, desk);
          if (f.status === 200) ack.finishes.add(id);
          else continue;
          const score = 1 + Math.floor(rnd() * 4);
          const rt = await post(base, `/api/tickets/${id}/rating`, { score, source: 'tablet' }, tablets.get(c) as Caller);
          if (rt.status === 201) ack.ratings.set(id, score);
        } catch {
          return;
        }
      }
    };
    const workers = [...Array.from({ length: opts.kioskClients ?? 6 }, kiosk), ...[1, 2, 3, 4].map(counter)];
    await new Promise((r) => setTimeout(r, 150 + rnd() * 600));
    srv.child.kill('SIGKILL');
    stop = true;
    await waitExit(srv.child);
    await Promise.all(workers);
    srv = await startServe(opts.dir);
    const display = (await (await fetch(`${srv.base}/api/display`, { headers: { 'x-device-token': displayDevice as string } })).json()) as Parameters<typeof verify>[2];
    for (const f of verify(opts.dir, ack, display)) failures.push(`after kill ${k + 1}: ${f}`);
    // A kill leaves at most a torn last transaction: never taken for a damaged log (#27), which
    // would stop the kiosks until an admin confirms numbers.
    const health = (await (await fetch(`${srv.base}/api/health`)).json()) as { database?: string };
    if (health.database !== 'ok') failures.push(`after kill ${k + 1}: health says the database is ${health.database}`);
  }
  srv.child.kill('SIGTERM');
  await waitExit(srv.child);
  return {
    kills: opts.kills,
    ticketsAcknowledged: ack.tickets.size,
    callsAcknowledged: ack.calls.size,
    finishesAcknowledged: ack.finishes.size,
    ratingsAcknowledged: ack.ratings.size,
    failures,
  };
}
