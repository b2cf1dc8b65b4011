// Simulated office days through the real queue (real SQLite file, fake clock): arrivals with a
// morning and an after-lunch peak, log-normal service times per service, breaks, no-shows. For
// every ticket it records the ETA shown at issue, the naive "people ahead × mean service time"
// baseline, and the wait that really followed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { QueueService } from '../electron/host/queue/queueService';
import { AppError } from '../shared/errors';
import { prng } from '../test/helpers/prng';

export interface EtaResult {
  days: number;
  tickets: number;
  maeOurs: number;
  maeBaseline: number;
  improvement: number;
}

const MIN = 60_000;
// Median service minutes per seeded service (Hộ tịch, Chứng thực, Đất đai, Tư pháp, LĐTBXH, Trả kết quả).
const MEDIAN_MIN: Record<number, number> = { 1: 10, 2: 5, 3: 20, 4: 12, 5: 14, 6: 3 };
const SHARE: Record<number, number> = { 1: 0.25, 2: 0.3, 3: 0.12, 4: 0.08, 5: 0.1, 6: 0.15 };

export function simulateEta(opts: { days: number; seed?: number; arrivalsPerHour?: number }): EtaResult {
  const rnd = prng(opts.seed ?? 7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-eta-'));
  const db = openDatabase({ file: path.join(dir, 'q.sqlite'), backupDir: path.join(dir, 'b'), skipIntegrityCheck: true });
  seedIfEmpty(db, { adminPassword: 'x', alwaysOpen: true });
  let now = Date.UTC(2026, 10, 2, 0, 30); // Monday 07:30 in Hà Nội
  const queue = new QueueService({ db, now: () => now });
  const counters = [1, 2, 3, 4];
  const pickService = () => {
    let r = rnd();
    for (const [sid, share] of Object.entries(SHARE)) if ((r -= share) < 0) return Number(sid);
    return 1;
  };
  const records: { id: string; eta: number; baseline: number }[] = [];
  const baseMean = () => {
    const rows = db.prepare("SELECT finished_at - called_at AS d FROM tickets WHERE state = 'done' ORDER BY finished_at DESC LIMIT 200").all() as { d: number }[];
    return rows.length ? rows.reduce((s, r) => s + r.d, 0) / rows.length / MIN : 12;
  };
  const perHour = opts.arrivalsPerHour ?? 26;
  const STEP = 30_000;

  for (let day = 0; day < opts.days; day++) {
    const dayStart = Date.UTC(2026, 10, 2 + day, 0, 30); // 07:30 local
    now = dayStart;
    counters.forEach((c) => queue.counters.open(c, c));
    const busyUntil = new Map<number, { id: string; until: number; noShow: boolean } | null>();
    const breakAt = new Map(counters.map((c) => [c, dayStart + (60 + rnd() * 150) * MIN]));
    const breakEnd = new Map<number, number>();
    for (; now < dayStart + 9.5 * 60 * MIN; now += STEP) {
      const minute = (now - dayStart) / MIN; // minutes since 07:30
      const lunch = minute >= 240 && minute < 360;
      // Peaks: the first hour after opening and after lunch.
      const rate = lunch ? 0 : (perHour * (minute < 90 || (minute >= 360 && minute < 420) ? 1.6 : 0.8) * STEP) / 3_600_000;
      let arrivals = 0;
      for (let p = Math.exp(-rate), u = rnd(); u > p; u *= rnd()) arrivals++;
      for (let i = 0; i < arrivals; i++) {
        try {
          const t = queue.issuer.issue({ serviceId: pickService(), priority: rnd() < 0.1 ? 'elderly' : null });
          const st = queue.views.statusOf(t);
          // A citizen told "no counter open" is still measured by the model's figure, so runs stay comparable.
          records.push({ id: t.id, eta: st.etaMinutes ?? queue.eta.ticket(t, queue.now()).modelMinutes, baseline: st.ahead * baseMean() });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
        }
      }
      for (const c of counters) {
        const actor = { counterId: c, officerId: c, admin: false };
        const cur = busyUntil.get(c);
        if (cur && now >= cur.until) {
          if (cur.noShow) queue.lifecycle.skip(cur.id, actor);
          else queue.lifecycle.finish(cur.id, actor);
          busyUntil.set(c, null);
        }
        if (busyUntil.get(c)) continue;
        const status = queue.ctx.counter(c).status;
        if (status === 'open' && now >= (breakAt.get(c) ?? Infinity)) {
          queue.counters.pause(c, 'break', '', actor);
          breakEnd.set(c, now + 15 * MIN);
          breakAt.set(c, Infinity);
          continue;
        }
        if (status === 'paused') {
          if (now >= (breakEnd.get(c) ?? 0)) queue.counters.resume(c, actor);
          else continue;
        }
        try {
          const t = queue.calling.callNext(c, actor);
          const noShow = rnd() < 0.05;
          const median = MEDIAN_MIN[t.service_id] ?? 10;
          const dur = noShow ? 2 * MIN : Math.exp(Math.log(median) + 0.5 * normal()) * MIN;
          busyUntil.set(c, { id: t.id, until: now + dur, noShow });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
        }
      }
    }
    // Close of day: whoever is still at a counter is finished; the rest are cancelled.
    for (const c of counters) {
      const cur = busyUntil.get(c);
      if (cur) queue.lifecycle.finish(cur.id, { counterId: c, officerId: c, admin: false });
      queue.counters.close(c, { counterId: c, officerId: c, admin: false });
    }
    for (const w of db.prepare("SELECT id FROM tickets WHERE state IN ('waiting', 'skipped', 'parked')").all() as { id: string }[]) {
      queue.lifecycle.cancel(w.id, { counterId: null, officerId: null, admin: true });
    }
  }
  const waits = new Map((db.prepare('SELECT id, called_at - issued_at AS w FROM tickets WHERE called_at IS NOT NULL AND transferred_from IS NULL').all() as { id: string; w: number }[]).map((r) => [r.id, r.w / MIN]));
  let ours = 0;
  let base = 0;
  let n = 0;
  for (const r of records) {
    const w = waits.get(r.id);
    if (w === undefined) continue;
    ours += Math.abs(r.eta - w);
    base += Math.abs(r.baseline - w);
    n++;
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const maeOurs = ours / n;
  const maeBaseline = base / n;
  return { days: opts.days, tickets: n, maeOurs, maeBaseline, improvement: 1 - maeOurs / maeBaseline };
}
