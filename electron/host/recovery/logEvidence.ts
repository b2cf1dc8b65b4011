import fs from 'node:fs';
import path from 'node:path';
import { businessDay } from '../../../shared/businessDay';
import type { SeqEvidence } from '../db/walQuarantine';

/** What a `ticket.issued` log line needs to be read back: the services' prefixes and the office's day. */
export interface LogReading {
  prefixes: { serviceId: number; prefix: string }[];
  timeZone: string;
  dayBoundaryMinutes: number;
}

/**
 * The host's own log (logger.ts, rotated motcua.log … motcua.log.5) records every ticket.issued with
 * its number: written outside the database, it survives a damaged log. The highest sequence per
 * service and business day found there. Lines from before #27 carry only the number and the time,
 * so the service is found by its prefix and the day from the time.
 */
export function logEvidence(logDir: string, r: LogReading): SeqEvidence[] {
  const best = new Map<string, SeqEvidence>();
  const byPrefix = [...r.prefixes].sort((a, b) => b.prefix.length - a.prefix.length);
  const files = ['motcua.log', ...[1, 2, 3, 4, 5].map((i) => `motcua.log.${i}`)].map((f) => path.join(logDir, f));
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line.includes('"ticket.issued"')) continue;
      let e: { msg?: unknown; ticket?: unknown; service?: unknown; day?: unknown; time?: unknown };
      try {
        e = JSON.parse(line) as typeof e;
      } catch {
        continue; // a line cut by the crash
      }
      if (e.msg !== 'ticket.issued' || typeof e.ticket !== 'string') continue;
      const match = byPrefix.find((p) => (typeof e.service === 'number' ? p.serviceId === e.service : e.ticket && (e.ticket as string).startsWith(p.prefix)) && /^\d+$/.test((e.ticket as string).slice(p.prefix.length)));
      if (!match) continue;
      const seq = Number(e.ticket.slice(match.prefix.length));
      const day = typeof e.day === 'string' ? e.day : typeof e.time === 'string' ? businessDay(Date.parse(e.time), r.timeZone, r.dayBoundaryMinutes) : null;
      if (!day) continue;
      const key = `${match.serviceId}/${day}`;
      const had = best.get(key);
      if (!had || had.lastSeq < seq) best.set(key, { serviceId: match.serviceId, businessDay: day, lastSeq: seq });
    }
  }
  return [...best.values()];
}
