// What anonymous listeners (citizens' phones, any browser on the Wi-Fi) may see of the queue:
// numbers, states, counters and counts. Never a ticket id (it is the key to someone's tracking
// page and rating), an officer id, a priority group or a dossier code.

interface TicketLike {
  number?: unknown;
  serviceId?: unknown;
  state?: unknown;
  counterId?: unknown;
  targetCounterId?: unknown;
  callCount?: unknown;
}

function publicTicket(t: unknown): Record<string, unknown> | null {
  if (!t || typeof t !== 'object') return null;
  const x = t as TicketLike;
  return { number: x.number, serviceId: x.serviceId, state: x.state, counterId: x.counterId ?? null, callCount: x.callCount ?? 0 };
}

const PUBLIC_TYPES = /^(ticket|counter)\.|^config\.changed$|^announce$|^services\.changed$|^eta\.changed$|^day\.closed$/;

/** The anonymous form of a broadcast message, or null when it is not for anonymous ears. */
export function publicMessage(message: unknown): unknown {
  if (!message || typeof message !== 'object') return null;
  const m = message as Record<string, unknown>;
  const type = typeof m.type === 'string' ? m.type : '';
  if (type === 'hello') return m;
  if (!PUBLIC_TYPES.test(type)) return null;
  if (type === 'announce' || type === 'eta.changed') return m;
  const out: Record<string, unknown> = { type, seq: m.seq, at: m.at, serviceId: m.serviceId ?? null, waiting: m.waiting ?? null };
  if ('ticket' in m) out.ticket = publicTicket(m.ticket);
  if ('newTicket' in m) out.newTicket = publicTicket(m.newTicket);
  if (m.counter && typeof m.counter === 'object') {
    const c = m.counter as Record<string, unknown>;
    out.counter = { id: c.id, number: c.number, name: c.name, status: c.status };
  } else out.counter = null;
  return out;
}

interface DisplayLike {
  counters: { number: number; current: ({ ticketId: string; number: string } & Record<string, unknown>) | null }[];
  nowCalling: ({ ticketId: string; number: string; counterNumber: number; at: number } & Record<string, unknown>) | null;
  recentCalls: ({ ticketId: string; number: string; counterNumber: number; at: number } & Record<string, unknown>)[];
}

/**
 * The call display as an anonymous browser sees it: the same screen, with each ticket id replaced
 * by a key made of what is already on the wall (counter, number, time), so it opens nothing.
 */
export function publicDisplay<T extends DisplayLike>(d: T): T {
  const callKey = (c: { number: string; counterNumber: number; at: number }) => `q${c.counterNumber}-${c.number}-${c.at}`;
  return {
    ...d,
    counters: d.counters.map((c) => ({ ...c, current: c.current ? { ...c.current, ticketId: `q${c.number}-${c.current.number}` } : null })),
    nowCalling: d.nowCalling ? { ...d.nowCalling, ticketId: callKey(d.nowCalling) } : null,
    recentCalls: d.recentCalls.map((c) => ({ ...c, ticketId: callKey(c) })),
  };
}
