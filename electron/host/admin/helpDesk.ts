import type { z } from 'zod';
import type { HelpRequest } from '../../../shared/api/adminSchemas';
import type { Device } from '../auth/deviceRegistry';

type View = z.infer<typeof HelpRequest>;

/** An unanswered call for staff still shows after this long: someone must still go. */
const OPEN_FOR_MS = 30 * 60_000;
/** After an answer the kiosk says "staff are coming" this long, then forgets it. */
const ANSWERED_FOR_MS = 3 * 60_000;

/**
 * Kiosks' calls for a person (#31): an elderly citizen, someone who cannot read, a stuck printer.
 * One open call per enrolled kiosk (pressing again changes nothing), so the list is as long as the
 * office has kiosks; kept in memory (a restart forgets it, and the kiosk can call again).
 */
export class HelpDesk {
  private readonly calls = new Map<number, View>();
  private nextId = 1;

  constructor(private readonly changed: () => void) {}

  ask(kiosk: Device, now: number): View {
    this.expire(now);
    const open = this.calls.get(kiosk.id);
    if (open && open.answeredAt === null) return open;
    const call: View = { id: this.nextId++, kioskName: kiosk.name, zoneId: kiosk.zoneId, requestedAt: now, answeredAt: null, answeredBy: null };
    this.calls.set(kiosk.id, call);
    this.changed();
    return call;
  }

  ofKiosk(kioskId: number, now: number): View | null {
    this.expire(now);
    return this.calls.get(kioskId) ?? null;
  }

  /** Calls nobody has answered yet, oldest first. */
  open(now: number): View[] {
    this.expire(now);
    return [...this.calls.values()].filter((c) => c.answeredAt === null).sort((a, b) => a.requestedAt - b.requestedAt);
  }

  answer(id: number, by: string, now: number): View | null {
    this.expire(now);
    for (const [kiosk, c] of this.calls) {
      if (c.id !== id) continue;
      // Two officers pressing at once: the first is the one coming.
      if (c.answeredAt !== null) return c;
      const answered = { ...c, answeredAt: now, answeredBy: by };
      this.calls.set(kiosk, answered);
      this.changed();
      return answered;
    }
    return null;
  }

  private expire(now: number): void {
    for (const [kiosk, c] of this.calls) {
      const gone = c.answeredAt === null ? now - c.requestedAt > OPEN_FOR_MS : now - c.answeredAt > ANSWERED_FOR_MS;
      if (gone) this.calls.delete(kiosk);
    }
  }
}
