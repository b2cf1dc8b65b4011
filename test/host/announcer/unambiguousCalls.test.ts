import { describe, expect, it } from 'vitest';
import { createAnnouncer } from '../../../electron/host/announcer/announcer';
import { AnnouncementConfig } from '../../../shared/announcementConfig';
import type { AnnounceMessage } from '../../../shared/announcementConfig';
import type { QueueEvent } from '../../../shared/api/events';
import { formatTicketNumber } from '../../../shared/numbering';
import { FakeClock, STAFF, tempQueue } from '../../helpers/tempHost';

/** Every service's letter and range, straight from the database. */
const numbering = (q: ReturnType<typeof tempQueue>['queue']) => () =>
  q.ctx.db.prepare('SELECT prefix, range_start AS rangeStart, range_end AS rangeEnd FROM services').all() as { prefix: string; rangeStart: number; rangeEnd: number }[];

/** What the hall hears (text, and the clip sequence the display plays) for every number the office can issue in a day. */
function everyCall(queue: ReturnType<typeof tempQueue>['queue'], cfg: AnnouncementConfig) {
  const sent: AnnounceMessage[] = [];
  const a = createAnnouncer({ config: () => cfg, services: numbering(queue), publish: (m) => sent.push(m), now: () => Date.UTC(2026, 10, 23, 2), timeZone: () => 'Asia/Ho_Chi_Minh' });
  const rows = queue.ctx.db.prepare('SELECT id, prefix, range_start, range_end FROM services').all() as { id: number; prefix: string; range_start: number; range_end: number }[];
  for (const s of rows) {
    for (let seq = s.range_start; seq <= s.range_end; seq++) {
      const number = formatTicketNumber(s.prefix, seq, s.range_end);
      const ticket = { id: number, number, serviceId: s.id, priority: null, state: 'called', businessDay: '2026-11-23', issuedAt: 0, queuedAt: 0, calledAt: 0, servingAt: null, finishedAt: null, counterId: 1, officerId: 1, targetCounterId: null, callCount: 1, transferredFrom: null, dossierCode: null } as const;
      const e: QueueEvent = { type: 'ticket.called', seq, at: 0, ticket, newTicket: null, counter: { id: 1, number: 1, name: 'Quầy 1', status: 'open' }, serviceId: s.id, waiting: 0, reason: null };
      a.handle(e);
    }
  }
  return sent;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('no two calls sound the same', () => {
  for (const lang of ['vi', 'en'] as const) {
    for (const readPrefix of [false, true]) {
      it(`seeded office, ${lang}, stored readPrefix ${readPrefix}: every number of the day is spoken differently (text and clips)`, () => {
        const { queue } = tempQueue();
        const calls = everyCall(queue, AnnouncementConfig.parse({ lang, readPrefix }));
        expect(calls).toHaveLength(6 * 999);
        expect(duplicates(calls.map((c) => c.text))).toEqual([]);
        expect(duplicates(calls.map((c) => c.clips.join(' ')))).toEqual([]);
      });
    }
  }

  it('A001 and B001 waiting at once, called by the real queue with the default settings, sound different', () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock });
    const sent: AnnounceMessage[] = [];
    const a = createAnnouncer({ config: () => AnnouncementConfig.parse({}), services: numbering(queue), publish: (m) => sent.push(m), now: clock.now, timeZone: () => 'Asia/Ho_Chi_Minh' });
    queue.onEvent((e) => a.handle(e));
    queue.counters.open(1, 1);
    queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 2 });
    queue.calling.callNext(1, STAFF(1, 1));
    queue.calling.callNext(1, STAFF(1, 1));
    expect(sent.map((m) => m.ticketNumber)).toEqual(['A001', 'B001']);
    expect(sent[0]?.text).toBe('Mời công dân có số thứ tự a một đến quầy số một');
    expect(sent[1]?.text).toBe('Mời công dân có số thứ tự bê một đến quầy số một');
    expect(sent[0]?.clips).toContain('letter_A');
    expect(sent[1]?.clips).toContain('letter_B');
  });

  it('with separate number ranges per service the office may leave letters unspoken, and calls stay distinct', () => {
    const { queue, db } = tempQueue();
    const ranges = [[1, 199], [200, 399], [400, 599], [600, 799], [800, 899], [900, 999]];
    ranges.forEach(([from, to], i) => db.prepare('UPDATE services SET range_start = ?, range_end = ? WHERE id = ?').run(from, to, i + 1));
    const calls = everyCall(queue, AnnouncementConfig.parse({ readPrefix: false }));
    expect(calls.find((c) => c.ticketNumber === 'B200')?.text).toBe('Mời công dân có số thứ tự hai trăm đến quầy số một');
    expect(duplicates(calls.map((c) => c.text))).toEqual([]);
  });
});
