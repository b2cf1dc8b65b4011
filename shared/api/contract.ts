// The one API contract. The HTTP server, the Electron IPC bridge and the renderer's client are all
// typed from this table, and every input is validated with its zod schema at the boundary.
import { z } from 'zod';
import * as s from './schemas';

export type Auth = 'public' | 'staff' | 'admin';
export type Method = 'GET' | 'POST';

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  path: string;
  auth: Auth;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** HTTP status on success (default 200). */
  status?: number;
}

function route<P extends z.ZodType = typeof s.NoInput, Q extends z.ZodType = typeof s.NoInput, B extends z.ZodType = typeof s.NoInput, R extends z.ZodType = z.ZodType>(
  def: { method: Method; path: string; auth: Auth; response: R; status?: number; params?: P; query?: Q; body?: B },
): RouteDef<P, Q, B, R> {
  return {
    ...def,
    params: (def.params ?? s.NoInput) as P,
    query: (def.query ?? s.NoInput) as Q,
    body: (def.body ?? s.NoInput) as B,
  };
}

const ticketOp = <B extends z.ZodType = typeof s.NoInput>(op: string, response: z.ZodType, body?: B) =>
  route({ method: 'POST', path: `/api/tickets/:id/${op}`, auth: 'staff', params: s.TicketIdParam, body, response });

export const contract = {
  health: route({ method: 'GET', path: '/api/health', auth: 'public', response: s.Health }),
  config: route({ method: 'GET', path: '/api/config', auth: 'public', response: s.PublicConfig }),
  listServices: route({ method: 'GET', path: '/api/services', auth: 'public', response: z.array(s.ServiceStatus) }),
  listCounters: route({ method: 'GET', path: '/api/counters', auth: 'public', response: z.array(s.CounterView) }),
  listOfficers: route({ method: 'GET', path: '/api/officers', auth: 'public', response: z.array(s.Officer) }),
  display: route({ method: 'GET', path: '/api/display', auth: 'public', response: s.DisplayState }),

  issueTicket: route({ method: 'POST', path: '/api/tickets', auth: 'public', body: s.IssueTicketBody, response: s.IssuedTicket, status: 201 }),
  lookupTicket: route({ method: 'GET', path: '/api/tickets/lookup', auth: 'public', query: s.LookupQuery, response: s.TicketStatus }),
  getTicket: route({ method: 'GET', path: '/api/tickets/:id', auth: 'public', params: s.TicketIdParam, response: s.TicketStatus }),
  rate: route({ method: 'POST', path: '/api/tickets/:id/rating', auth: 'public', params: s.TicketIdParam, body: s.RatingBody, response: s.RatingResult, status: 201 }),

  login: route({ method: 'POST', path: '/api/auth/login', auth: 'public', body: s.LoginBody, response: s.StaffSession }),
  adminLogin: route({ method: 'POST', path: '/api/auth/admin', auth: 'public', body: s.AdminLoginBody, response: s.AdminSession }),
  session: route({ method: 'GET', path: '/api/auth/session', auth: 'public', response: s.SessionInfo.nullable() }),
  logout: route({ method: 'POST', path: '/api/auth/logout', auth: 'public', response: s.Ok }),

  counterState: route({ method: 'GET', path: '/api/counters/:id/state', auth: 'staff', params: s.CounterIdParam, response: s.CounterState }),
  callNext: route({ method: 'POST', path: '/api/counters/:id/next', auth: 'staff', params: s.CounterIdParam, response: s.Ticket }),
  pause: route({ method: 'POST', path: '/api/counters/:id/pause', auth: 'staff', params: s.CounterIdParam, body: s.PauseBody, response: s.CounterView }),
  resume: route({ method: 'POST', path: '/api/counters/:id/resume', auth: 'staff', params: s.CounterIdParam, response: s.CounterView }),

  callSpecific: ticketOp('call', s.Ticket, s.CallSpecificBody),
  recall: ticketOp('recall', s.Ticket),
  start: ticketOp('start', s.Ticket),
  skip: ticketOp('skip', s.Ticket),
  reactivate: ticketOp('reactivate', s.Ticket),
  park: ticketOp('park', s.Ticket),
  unpark: ticketOp('unpark', s.Ticket, s.UnparkBody),
  finish: ticketOp('finish', s.Ticket, s.FinishBody),
  cancel: ticketOp('cancel', s.Ticket),
  transfer: ticketOp('transfer', s.Ticket, s.TransferBody),
} as const;

export type Contract = typeof contract;
export type RouteName = keyof Contract;
export type InputOf<K extends RouteName> = {
  params: z.infer<Contract[K]['params']>;
  query: z.infer<Contract[K]['query']>;
  body: z.infer<Contract[K]['body']>;
};
export type OutputOf<K extends RouteName> = z.infer<Contract[K]['response']>;

/** Parse route inputs; throws ZodError on bad input (mapped to BAD_REQUEST at the boundary). */
export function parseInput<K extends RouteName>(name: K, raw: { params?: unknown; query?: unknown; body?: unknown }): InputOf<K> {
  const def = contract[name];
  return {
    params: def.params.parse(raw.params ?? {}),
    query: def.query.parse(raw.query ?? {}),
    body: def.body.parse(raw.body ?? {}),
  } as InputOf<K>;
}
