import fs from 'node:fs';
import path from 'node:path';
import { PRINTER_PROFILES } from '../../../shared/printerConfig';
import type { PrinterConfig } from '../../../shared/printerConfig';
import { encodeTicket, ticketNeedsShaping } from './ticketLayout';
import type { TicketPrintData } from './ticketLayout';
import { defineNvLogo, printNvLogo } from './nvLogo';
import type { Bitmap } from './rasterText';
import { encodeTestPage } from './testPage';
import { DLE_EOT, parseStatus } from './printerStatus';
import type { PrinterStatus, StatusBytes } from './printerStatus';
import { openLink } from './transports';
import type { PrinterLink } from './transports';
import { loadShaper, shaperReady } from './textShaping';

export type { TicketPrintData } from './ticketLayout';
export type { PrinterStatus } from './printerStatus';

export type PrintJobState = 'queued' | 'printing' | 'done' | 'failed';

export interface PrintJob {
  id: number;
  /** Key of the logo this job stores in the printer's NV memory, if it carries the definition. */
  definesLogo: string | null;
  kind: 'ticket' | 'test';
  ticketId: string | null;
  ticketNumber: string | null;
  state: PrintJobState;
  error: string | null;
  at: number;
  bytes: Uint8Array;
}

/**
 * Where jobs are recorded. The host keeps them in its database (so a ticket that did not print is
 * still known after a restart); the default only numbers them, for tools and tests.
 */
export interface PrintJournal {
  add(job: { kind: PrintJob['kind']; ticketId: string | null; ticketNumber: string | null }): number;
  update(id: number, state: PrintJobState, error: string | null): void;
}

function memoryJournal(): PrintJournal {
  let next = 1;
  return { add: () => next++, update: () => undefined };
}

export interface PrintResult {
  ok: boolean;
  jobId: number;
  error: string | null;
}

export interface PrinterService {
  /**
   * Never rejects and never blocks the queue: a dead printer only makes the job fail (kept for
   * reprint). With `jobId`, the ticket is printed again under that journal entry.
   */
  printTicket(data: TicketPrintData, ticketId?: string, jobId?: number): Promise<PrintResult>;
  printTestPage(jobId?: number): Promise<PrintResult>;
  reprint(jobId: number): Promise<PrintResult>;
  status(): PrinterStatus;
  jobs(): Omit<PrintJob, 'bytes' | 'definesLogo'>[];
  onStatus(listener: (s: PrinterStatus) => void): () => void;
  reconfigure(config: PrinterConfig): void;
  /** The printer is known to be back (e.g. its print agent reported it): connect now, not at the next retry. */
  wake(): void;
  close(): Promise<void>;
}

const QUERY_TIMEOUT_MS = 500;
const MAX_JOBS_KEPT = 200;

export interface LogoSource {
  /** The office logo as printer dots, with a key that changes when the picture does. */
  current(): { key: string; bitmap: Bitmap } | null;
  /** Which logo the printer already holds in NV memory (persisted across restarts). */
  stored(): string | null;
  remember(key: string): void;
}

export function createPrinterService(opts: {
  config: PrinterConfig;
  log?: (e: Record<string, unknown>) => void;
  logo?: LogoSource;
  journal?: PrintJournal;
  /** Opens the byte pipe for a transport; the host supplies print-agent links this way. */
  openLink?: (t: PrinterConfig['transport']) => Promise<PrinterLink>;
}): PrinterService {
  let config = opts.config;
  const open = opts.openLink ?? openLink;
  const log = opts.log ?? (() => undefined);
  const journal = opts.journal ?? memoryJournal();
  let watcher: fs.FSWatcher | null = null;
  let link: PrinterLink | null = null;
  let connecting: Promise<PrinterLink | null> | null = null;
  let statusBytes: StatusBytes = {};
  let lastError: string | null = null;
  let answered = false;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let backoff = 500;
  const jobs: PrintJob[] = [];
  const listeners = new Set<(s: PrinterStatus) => void>();
  let chain: Promise<unknown> = Promise.resolve();
  let lastPublished = '';

  const profile = () => PRINTER_PROFILES[config.profile];
  const canPoll = () => profile().status && !!link?.canRead;

  const current = (): PrinterStatus => {
    const base = {
      connected: !!link && (answered || !canPoll()),
      lastError,
      queued: jobs.filter((j) => j.state === 'queued' || j.state === 'printing').length,
      failed: jobs.filter((j) => j.state === 'failed').length,
    };
    return parseStatus(canPoll() ? statusBytes : {}, base);
  };

  const publish = () => {
    const s = current();
    const key = JSON.stringify(s);
    if (key === lastPublished) return;
    lastPublished = key;
    for (const l of listeners) l(s);
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer || config.transport.kind === 'none' || !config.enabled) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void connect();
    }, backoff);
    reconnectTimer.unref();
    backoff = Math.min(backoff * 2, 30_000);
  };

  /**
   * A serial printer that is plugged back in (USB-serial re-enumerated, a pty recreated) shows up
   * as its device path appearing again: reconnect then, not at the next backoff tick, so a printer
   * that comes back is used at once however long it was away.
   */
  const watchDevice = () => {
    watcher?.close();
    watcher = null;
    if (closed || !config.enabled || config.transport.kind !== 'serial') return;
    const device = config.transport.path;
    try {
      watcher = fs.watch(path.dirname(device), (_event, name) => {
        if (link || connecting || closed || (name !== null && name !== path.basename(device))) return;
        if (!fs.existsSync(device)) return;
        if (reconnectTimer) clearTimeout(reconnectTimer);
        reconnectTimer = null;
        backoff = 500;
        void connect();
      });
      watcher.on('error', () => undefined);
      watcher.unref();
    } catch {
      // No such folder (e.g. /dev/serial/by-id before any device): the backoff retries still run.
      watcher = null;
    }
  };

  const connect = (): Promise<PrinterLink | null> => {
    if (link) return Promise.resolve(link);
    if (connecting) return connecting;
    if (!config.enabled || config.transport.kind === 'none') return Promise.resolve(null);
    connecting = open(config.transport)
      .then((l) => {
        link = l;
        backoff = 500;
        lastError = null;
        answered = false;
        l.onClose((reason) => {
          if (link === l) link = null;
          answered = false;
          statusBytes = {};
          lastError = `mất kết nối máy in (${reason})`;
          log({ level: 'warn', msg: 'printer disconnected', reason });
          publish();
          scheduleReconnect();
        });
        log({ level: 'info', msg: 'printer connected', transport: config.transport.kind });
        void poll();
        return l;
      })
      .catch((e: unknown) => {
        lastError = `không mở được máy in: ${String((e as Error)?.message ?? e)}`;
        publish();
        scheduleReconnect();
        return null;
      })
      .finally(() => {
        connecting = null;
      });
    return connecting;
  };

  const poll = async () => {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
    if (closed) return;
    const l = link;
    if (l && canPoll()) {
      await (chain = chain.then(async () => {
        const ask = async (n: 1 | 2 | 3 | 4) => (await l.query(DLE_EOT(n), 1, QUERY_TIMEOUT_MS).catch(() => null))?.[0];
        const printer = await ask(1);
        const got = printer !== undefined;
        const bytes = got ? { printer, offline: await ask(2), error: await ask(3), paper: await ask(4) } : {};
        // Taken together once all four answers are in, so nobody sees "answered" with stale bytes.
        answered = got;
        statusBytes = bytes;
        if (!answered) lastError = 'máy in không trả lời (có thể đang tắt)';
        else if (lastError?.startsWith('máy in không trả lời')) lastError = null;
      }));
    }
    publish();
    pollTimer = setTimeout(() => void poll(), config.statusPollMs);
    pollTimer.unref();
  };

  const setState = (job: PrintJob, state: PrintJobState, error: string | null) => {
    job.state = state;
    job.error = error;
    try {
      journal.update(job.id, state, error);
    } catch (e) {
      log({ level: 'error', msg: 'print journal update failed', job: job.id, error: String(e) });
    }
  };

  const run = (job: PrintJob): Promise<PrintResult> => {
    const p = chain.then(async (): Promise<PrintResult> => {
      setState(job, 'printing', null);
      const l = await connect();
      const s = current();
      const refuse = !l ? (lastError ?? 'chưa cấu hình máy in') : s.paperEnd ? 'hết giấy' : s.coverOpen ? 'nắp máy in đang mở' : null;
      if (refuse) {
        setState(job, 'failed', refuse);
      } else {
        try {
          const baud = config.transport.kind === 'serial' ? config.transport.baudRate : 115200;
          const budget = 3000 + (job.bytes.length * 10 * 1000 * 2) / baud;
          await Promise.race([
            (l as PrinterLink).write(job.bytes),
            new Promise((_, rej) => setTimeout(() => rej(new Error('quá thời gian gửi dữ liệu')), budget).unref()),
          ]);
          setState(job, 'done', null);
          if (job.definesLogo) opts.logo?.remember(job.definesLogo);
        } catch (e) {
          setState(job, 'failed', String((e as Error)?.message ?? e));
        }
      }
      if (job.state === 'failed') log({ level: 'warn', msg: 'print failed', job: job.id, ticket: job.ticketNumber, error: job.error });
      publish();
      return { ok: job.state === 'done', jobId: job.id, error: job.error };
    });
    chain = p.catch(() => undefined);
    return p.catch((e: unknown) => ({ ok: false, jobId: job.id, error: String(e) }));
  };

  const enqueue = (kind: PrintJob['kind'], bytes: Uint8Array, ticketId: string | null, ticketNumber: string | null, definesLogo: string | null, jobId?: number) => {
    let id: number;
    try {
      id = jobId ?? journal.add({ kind, ticketId, ticketNumber });
    } catch (e) {
      log({ level: 'error', msg: 'print journal add failed', error: String(e) });
      return Promise.resolve({ ok: false, jobId: 0, error: String(e) });
    }
    const known = jobs.findIndex((j) => j.id === id);
    if (known >= 0) jobs.splice(known, 1);
    const job: PrintJob = { id, kind, ticketId, ticketNumber, state: 'queued', error: null, at: Date.now(), bytes, definesLogo };
    jobs.push(job);
    if (jobs.length > MAX_JOBS_KEPT) jobs.splice(0, jobs.length - MAX_JOBS_KEPT);
    if (jobId !== undefined) setState(job, 'queued', null);
    publish();
    return run(job);
  };

  // The first ticket with Khmer on it waits for HarfBuzz to load (once, a few tens of ms); tickets
  // asked for meanwhile wait behind it, so the paper still comes out in the order they were issued.
  let shapingGate: Promise<unknown> | null = null;
  const needsShaper = (data: TicketPrintData): boolean => {
    try {
      return !shaperReady() && ticketNeedsShaping(data);
    } catch {
      return false; // encodeTicket says what is wrong with it
    }
  };

  const printTicketNow = (data: TicketPrintData, ticketId?: string, jobId?: number): Promise<PrintResult> => {
    let bytes: Uint8Array;
    try {
      bytes = encodeTicket(data, config);
    } catch (e) {
      log({ level: 'error', msg: 'ticket could not be encoded for the printer', ticket: data.number, error: String(e) });
      return Promise.resolve({ ok: false, jobId: 0, error: String(e) });
    }
    // The logo goes to the printer's memory once (again only when it changes), then by key.
    const logo = PRINTER_PROFILES[config.profile].nvGraphics ? opts.logo?.current() : null;
    let defines: string | null = null;
    if (logo) {
      const define = opts.logo?.stored() === logo.key ? new Uint8Array(0) : defineNvLogo(logo.bitmap);
      if (define.length) defines = logo.key;
      bytes = Uint8Array.from([...define, ...printNvLogo(), ...bytes]);
    }
    return enqueue('ticket', bytes, ticketId ?? null, data.number, defines, jobId);
  };

  watchDevice();
  void connect();

  return {
    printTicket(data, ticketId, jobId) {
      if (!shapingGate && !needsShaper(data)) return printTicketNow(data, ticketId, jobId);
      // Wrapped, so the gate opens once the ticket is queued, not once it is on paper.
      const queued = (shapingGate ?? Promise.resolve())
        .then(() => (needsShaper(data) ? loadShaper() : undefined))
        .then(
          () => ({ result: printTicketNow(data, ticketId, jobId) }),
          (e: unknown) => {
            const error = String((e as Error)?.message ?? e);
            log({ level: 'error', msg: 'ticket not printed: its Khmer text cannot be shaped', ticket: data.number, error });
            return { result: Promise.resolve<PrintResult>({ ok: false, jobId: jobId ?? 0, error }) };
          },
        );
      shapingGate = queued;
      void queued.then(() => {
        if (shapingGate === queued) shapingGate = null;
      });
      return queued.then((q) => q.result);
    },
    printTestPage(jobId) {
      let bytes: Uint8Array;
      try {
        bytes = encodeTestPage(config);
      } catch (e) {
        return Promise.resolve({ ok: false, jobId: jobId ?? 0, error: String((e as Error)?.message ?? e) });
      }
      return enqueue('test', bytes, null, null, null, jobId);
    },
    reprint(jobId) {
      const job = jobs.find((j) => j.id === jobId);
      if (!job) return Promise.resolve({ ok: false, jobId, error: 'không tìm thấy lệnh in' });
      setState(job, 'queued', null);
      publish();
      return run(job);
    },
    status: current,
    jobs: () => jobs.map(({ bytes: _bytes, definesLogo: _logo, ...rest }) => rest),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconfigure(next) {
      config = next;
      const old = link;
      link = null;
      void old?.close();
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      backoff = 500;
      watchDevice();
      void connect();
    },
    wake() {
      if (link || connecting || closed) return;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      backoff = 500;
      void connect();
    },
    async close() {
      closed = true;
      watcher?.close();
      watcher = null;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (pollTimer) clearTimeout(pollTimer);
      await chain.catch(() => undefined);
      await link?.close();
      link = null;
    },
  };
}
