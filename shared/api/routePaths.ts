// Method and path of every route, free of zod so the browser bundle stays small. The contract
// (contract.ts) adds auth and schemas to these same entries; a test keeps the two in step.
export const routePaths = {
  health: { method: 'GET', path: '/api/health' },
  config: { method: 'GET', path: '/api/config' },
  listServices: { method: 'GET', path: '/api/services' },
  listCounters: { method: 'GET', path: '/api/counters' },
  listOfficers: { method: 'GET', path: '/api/officers' },
  display: { method: 'GET', path: '/api/display' },
  issueTicket: { method: 'POST', path: '/api/tickets' },
  lookupTicket: { method: 'GET', path: '/api/tickets/lookup' },
  getTicket: { method: 'GET', path: '/api/tickets/:id' },
  rate: { method: 'POST', path: '/api/tickets/:id/rating' },
  login: { method: 'POST', path: '/api/auth/login' },
  adminLogin: { method: 'POST', path: '/api/auth/admin' },
  session: { method: 'GET', path: '/api/auth/session' },
  logout: { method: 'POST', path: '/api/auth/logout' },
  counterState: { method: 'GET', path: '/api/counters/:id/state' },
  callNext: { method: 'POST', path: '/api/counters/:id/next' },
  pause: { method: 'POST', path: '/api/counters/:id/pause' },
  resume: { method: 'POST', path: '/api/counters/:id/resume' },
  callSpecific: { method: 'POST', path: '/api/tickets/:id/call' },
  recall: { method: 'POST', path: '/api/tickets/:id/recall' },
  start: { method: 'POST', path: '/api/tickets/:id/start' },
  skip: { method: 'POST', path: '/api/tickets/:id/skip' },
  reactivate: { method: 'POST', path: '/api/tickets/:id/reactivate' },
  park: { method: 'POST', path: '/api/tickets/:id/park' },
  unpark: { method: 'POST', path: '/api/tickets/:id/unpark' },
  finish: { method: 'POST', path: '/api/tickets/:id/finish' },
  cancel: { method: 'POST', path: '/api/tickets/:id/cancel' },
  transfer: { method: 'POST', path: '/api/tickets/:id/transfer' },
} as const;

export type RoutePathName = keyof typeof routePaths;
