import http from 'node:http';
import zlib from 'node:zlib';
import WebSocket from 'ws';
import type { BoardMessage, HubMe } from '../../shared/hubBoard';
import type { HubTicket, PushBatch } from '../../shared/hubProtocol';
import type { Hub } from '../../hub/hub';

export interface HubAnswer {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  setCookie: string[];
}

/**
 * A browser-like client of a hub's province API: keeps the session cookie it is given, sends JSON,
 * and may speak from another loopback address (127.0.0.x), as another person's PC would.
 */
export class HubClient {
  cookie: string | null = null;
  constructor(
    readonly port: number,
    readonly from = '127.0.0.1',
  ) {}

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HubAnswer> {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          localAddress: this.from,
          agent: false,
          headers: { ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}), ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const setCookie = res.headers['set-cookie'] ?? [];
            const session = setCookie.map((c) => /^motcua_hub=([^;]*)/.exec(c)?.[1]).find((v) => v !== undefined);
            if (session !== undefined) this.cookie = session ? `motcua_hub=${session}` : null;
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: HubAnswer['body'] = {};
            try {
              parsed = JSON.parse(text) as HubAnswer['body'];
            } catch {
              parsed = { text } as HubAnswer['body'];
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, setCookie });
          });
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  }
  get = (path: string) => this.request('GET', path);
  post = (path: string, body: unknown = {}) => this.request('POST', path, body);

  async signIn(name: string, password: string): Promise<HubMe> {
    const r = await this.post('/hub/api/sign-in', { name, password });
    if (r.status !== 200) throw new Error(`sign-in ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as unknown as HubMe;
  }

  /** The live board's socket with this client's cookie; every message is kept in `messages`. */
  board(): Promise<{ ws: WebSocket; messages: BoardMessage[] }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${this.port}/hub/api/board/live`, { localAddress: this.from, headers: this.cookie ? { cookie: this.cookie } : {} });
      const messages: BoardMessage[] = [];
      ws.on('message', (m) => messages.push(JSON.parse(String(m)) as BoardMessage));
      ws.once('open', () => resolve({ ws, messages }));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`board socket refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }
}

/** The first province admin, made through the hub's real one-time setup link. */
export async function provinceAdmin(hub: Hub, name = 'quantri.tinh', password = 'Hue-tinh-2026-an-toan'): Promise<HubClient> {
  const token = new URL(hub.setupUrl ?? '').searchParams.get('token');
  const c = new HubClient(hub.port);
  const r = await c.post('/hub/api/setup', { token, name, password });
  if (r.status !== 201) throw new Error(`setup ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

/** An office joined through the real join route, pushing real protocol batches with its credential. */
export class PushingOffice {
  seq = 0;
  constructor(
    readonly hub: Hub,
    readonly officeId: string,
    readonly credential: string,
    readonly generation = `gen_${officeId.slice(2)}`,
    /** The office's own address (127.0.0.x): each office is its own machine, as the hub's per-address caps expect. */
    readonly from = '127.0.0.1',
  ) {}

  static async join(hub: Hub, name: string, from = '127.0.0.1'): Promise<PushingOffice> {
    const { office, code } = await hub.offices.add(name);
    const r = await new HubClient(hub.port, from).post('/hub/api/join', { code });
    if (r.status !== 200) throw new Error(`join ${r.status}`);
    return new PushingOffice(hub, office.id, String(r.body.credential), undefined, from);
  }

  async push(events: Omit<PushBatch['events'][number], 'seq'>[], health?: PushBatch['health'], extras?: PushBatch['extras'], directory?: PushBatch['directory']): Promise<number> {
    const baseSeq = 0;
    const batch: PushBatch = { generation: this.generation, baseSeq, sentAt: Date.now(), events: events.map((e) => ({ ...e, seq: ++this.seq })), ...(health ? { health } : {}), ...(extras ? { extras } : {}), ...(directory ? { directory } : {}) };
    const body = zlib.gzipSync(JSON.stringify(batch));
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.hub.port, localAddress: this.from, method: 'POST', path: '/hub/api/push', agent: false, headers: { authorization: `Bearer ${this.credential}`, 'content-encoding': 'gzip', 'content-type': 'application/json', 'content-length': String(body.length) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** A batch with anything the protocol carries (a booking offer, …), sent as the office's sync worker does; answers status and body. */
export async function pushBatch(office: PushingOffice, events: Omit<PushBatch['events'][number], 'seq'>[], more: Partial<Omit<PushBatch, 'events'>> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const batch: PushBatch = { generation: office.generation, baseSeq: 0, sentAt: Date.now(), events: events.map((e) => ({ ...e, seq: ++office.seq })), ...more };
  return sendBatch(office, batch);
}

/** One batch exactly as given (a replay sends the same one again). */
export function sendBatch(office: PushingOffice, batch: PushBatch): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = zlib.gzipSync(JSON.stringify(batch));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: office.hub.port, localAddress: office.from, method: 'POST', path: '/hub/api/push', agent: false, headers: { authorization: `Bearer ${office.credential}`, 'content-encoding': 'gzip', 'content-type': 'application/json', 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let ticketNo = 0;
/** A ticket event as an office sends it, with the ticket's copy. */
export function ticketEvent(type: string, t: Partial<HubTicket> & { id: string; businessDay: string; issuedAt: number }, at = Date.now()): Omit<PushBatch['events'][number], 'seq'> {
  const { id, ...copy } = t;
  const ticket: HubTicket = {
    serviceId: 1,
    counterId: null,
    officerId: null,
    state: 'waiting',
    number: `A${String(++ticketNo).padStart(3, '0')}`,
    priority: null,
    transferredFrom: null,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    rating: null,
    ...copy,
  };
  return { at, type, ticketId: id, counterId: ticket.counterId, serviceId: ticket.serviceId, actor: 'kiosk:1', payload: {}, ticket };
}

export function counterEvent(type: 'counter.opened' | 'counter.closed' | 'counter.paused' | 'counter.resumed', counterId: number, at = Date.now()): Omit<PushBatch['events'][number], 'seq'> {
  return { at, type, ticketId: null, counterId, serviceId: null, actor: 'staff:1', payload: {}, ticket: null };
}

export function health(over: Partial<NonNullable<PushBatch['health']>> = {}, printerMessage = 'Sẵn sàng'): NonNullable<PushBatch['health']> {
  return {
    ok: true,
    version: '0.1.0',
    time: Date.now(),
    database: 'ok',
    disk: 'ok',
    printers: 'ok',
    boards: 'none',
    details: {
      database: { state: 'ok', error: null, damage: null },
      disk: { path: '/data', freeBytes: 1e10, totalBytes: 2e10, lowBelowBytes: 1e9, error: null },
      printers: [{ printer: 'kiosk-1', ready: printerMessage === 'Sẵn sàng', message: printerMessage }],
      boards: [],
      checkedAt: Date.now(),
    },
    ...over,
  };
}
