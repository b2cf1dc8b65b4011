import WebSocket from 'ws';
import type { PrinterTransport } from '../../shared/printerConfig';
import { PRINT_AGENT_PATH } from '../../shared/printAgentProtocol';
import type { AgentMessage, AgentWrite } from '../../shared/printAgentProtocol';
import { openLink } from '../host/printer/transports';
import type { PrinterLink } from '../host/printer/transports';
import { describePrinter } from './printerSpec';

export interface PrintAgentOptions {
  /** The host, e.g. http://192.168.1.10:8080 */
  base: string;
  /** This kiosk's device credential (from pairing). */
  token: string;
  printer: PrinterTransport;
  log?: (e: Record<string, unknown>) => void;
  /** How soon to try again after the host or the printer went away. */
  retryMs?: number;
  /** The host refused this credential (revoked or unknown): the agent has stopped. */
  onRefused?: (why: string) => void;
}

export interface PrintAgent {
  close(): Promise<void>;
}

/**
 * The print agent on a kiosk PC: keeps a connection to the host and the local ticket printer
 * open, writes what the host sends and relays the printer's answers back. Either side may come
 * and go (host restarted, printer unplugged, paper swapped with the power off); it keeps trying.
 * A host refusal for the credential (revoked, unknown) stops it: retrying would not help.
 */
export function startPrintAgent(o: PrintAgentOptions): PrintAgent {
  const log = o.log ?? (() => undefined);
  const retryMs = o.retryMs ?? 2000;
  const printerName = describePrinter(o.printer);
  let ws: WebSocket | null = null;
  let link: PrinterLink | null = null;
  let opening = false;
  let closed = false;
  let hostTimer: NodeJS.Timeout | null = null;
  let printerTimer: NodeJS.Timeout | null = null;

  const tell = (m: AgentMessage) => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
  };
  const printerState = (error?: string) => tell({ op: 'printer', up: !!link, canRead: !!link?.canRead, printer: printerName, ...(error ? { error } : {}) });

  const openPrinter = () => {
    if (closed || link || opening) return;
    opening = true;
    openLink(o.printer).then(
      (l) => {
        opening = false;
        if (closed) return void l.close();
        link = l;
        log({ level: 'info', msg: 'printer open', printer: printerName });
        l.onData((bytes) => tell({ op: 'read', data: bytes.toString('base64') }));
        l.onClose((reason) => {
          if (link !== l) return;
          link = null;
          log({ level: 'warn', msg: 'printer closed', reason });
          printerState(`máy in của kiosk đã ngắt (${reason})`);
          retryPrinter();
        });
        printerState();
      },
      (e: unknown) => {
        opening = false;
        printerState(`không mở được máy in ${printerName}: ${String((e as Error)?.message ?? e).slice(0, 120)}`);
        retryPrinter();
      },
    );
  };
  const retryPrinter = () => {
    if (closed || printerTimer) return;
    printerTimer = setTimeout(() => {
      printerTimer = null;
      openPrinter();
    }, retryMs);
  };

  const refused = (why: string) => {
    if (closed) return;
    closed = true;
    if (printerTimer) clearTimeout(printerTimer);
    const l = link;
    link = null;
    void l?.close().finally(() => o.onRefused?.(why));
    if (!l) o.onRefused?.(why);
  };

  const write = async (m: AgentWrite) => {
    const l = link;
    if (!l) return tell({ op: 'ack', id: m.id, error: 'máy in của kiosk chưa mở' });
    try {
      await l.write(Buffer.from(m.data, 'base64'));
      tell({ op: 'ack', id: m.id });
    } catch (e) {
      tell({ op: 'ack', id: m.id, error: String((e as Error)?.message ?? e).slice(0, 200) });
    }
  };

  const connectHost = () => {
    if (closed) return;
    const url = `${o.base.replace(/^http/, 'ws').replace(/\/$/, '')}${PRINT_AGENT_PATH}`;
    const socket = new WebSocket(url, { headers: { 'x-device-token': o.token }, maxPayload: 4 * 1024 * 1024 });
    ws = socket;
    socket.on('open', () => {
      log({ level: 'info', msg: 'connected to the host', url });
      printerState();
      openPrinter();
    });
    socket.on('message', (raw) => {
      let m: AgentWrite;
      try {
        m = JSON.parse(String(raw)) as AgentWrite;
      } catch {
        return;
      }
      if (m.op === 'write' && typeof m.id === 'number' && typeof m.data === 'string') void write(m);
    });
    socket.on('unexpected-response', (_req, res) => {
      log({ level: 'error', msg: 'the host refused this print agent', status: res.statusCode });
      socket.terminate();
      // 403: this credential is not (or no longer) a kiosk of the office — pair again.
      if (res.statusCode === 403 || res.statusCode === 401) refused(`the host refused this print agent (${res.statusCode}): pair it again`);
    });
    socket.on('error', () => undefined);
    socket.on('close', (code) => {
      if (ws === socket) ws = null;
      if (code === 4403) refused('this print agent was revoked on the admin screen: pair it again');
      if (closed) return;
      hostTimer = setTimeout(connectHost, retryMs);
    });
  };

  connectHost();
  return {
    async close() {
      closed = true;
      if (hostTimer) clearTimeout(hostTimer);
      if (printerTimer) clearTimeout(printerTimer);
      ws?.close();
      await link?.close();
      link = null;
    },
  };
}
