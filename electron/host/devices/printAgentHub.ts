import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { AgentMessage, AgentWrite } from '../../../shared/printAgentProtocol';
import { StreamLink } from '../printer/transports';
import type { PrinterLink } from '../printer/transports';

const HEARTBEAT_MS = 15_000;
// A ticket is a few KB; a logo definition up to ≈ 100 KB. Anything larger from an agent is not ours.
const MAX_AGENT_MESSAGE = 256 * 1024;

interface Agent {
  ws: WebSocket;
  printerUp: boolean;
  canRead: boolean;
  printer: string;
  error: string | null;
  nextId: number;
  acks: Map<number, { resolve: () => void; reject: (e: Error) => void }>;
  link: StreamLink | null;
  alive: boolean;
}

export interface AgentView {
  connected: boolean;
  printerUp: boolean;
  printer: string;
  error: string | null;
}

/**
 * The host's side of the print agents: one WebSocket per agent (an enrolled kiosk device), and a
 * printer link over it for the printer service. A link exists only while the agent is connected
 * and its printer is open; when either goes away the link ends and the service's reconnect logic
 * (and failed-job list) take over exactly as for a printer unplugged from the host.
 */
export class PrintAgentHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_AGENT_MESSAGE });
  private readonly agents = new Map<number, Agent>();
  private readonly listeners = new Set<(deviceId: number) => void>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly log: (e: Record<string, unknown>) => void = () => undefined) {
    this.heartbeat = setInterval(() => this.sweep(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** An agent connecting as `deviceId` replaces that device's previous connection. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, deviceId: number): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, deviceId));
  }

  /** Called when an agent's printer becomes usable, so the service connects now, not at its next retry. */
  onPrinterUp(cb: (deviceId: number) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  view(deviceId: number): AgentView {
    const a = this.agents.get(deviceId);
    return { connected: !!a, printerUp: !!a?.printerUp, printer: a?.printer ?? '', error: a ? a.error : 'chương trình in trên máy kiosk chưa kết nối' };
  }

  /** The printer link through this device's agent; rejects while there is none to print to. */
  link(deviceId: number): Promise<PrinterLink> {
    const a = this.agents.get(deviceId);
    if (!a) return Promise.reject(new Error('chương trình in trên máy kiosk chưa kết nối'));
    if (!a.printerUp) return Promise.reject(new Error(a.error ?? 'máy in của kiosk chưa sẵn sàng'));
    a.link?.ended('replaced');
    const link = new StreamLink(
      (bytes) => this.send(a, bytes),
      async () => {
        if (a.link === link) a.link = null;
      },
      a.canRead,
    );
    a.link = link;
    return Promise.resolve(link);
  }

  /** Kiosks whose print agent is connected now (a kiosk PC may run its agent with no screen open). */
  connectedDevices(): number[] {
    return [...this.agents.keys()];
  }

  /** A revoked device's agent is cut off at once. */
  closeDevice(deviceId: number): void {
    this.agents.get(deviceId)?.ws.close(4403, 'device revoked');
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const a of this.agents.values()) a.ws.terminate();
    this.wss.close();
  }

  private attach(ws: WebSocket, deviceId: number): void {
    this.agents.get(deviceId)?.ws.close(4409, 'replaced by a new connection');
    const agent: Agent = { ws, printerUp: false, canRead: false, printer: '', error: 'máy in của kiosk chưa sẵn sàng', nextId: 1, acks: new Map(), link: null, alive: true };
    this.agents.set(deviceId, agent);
    this.log({ level: 'info', msg: 'print agent connected', device: deviceId });
    ws.on('pong', () => (agent.alive = true));
    ws.on('message', (raw, isBinary) => {
      if (isBinary) return;
      let m: AgentMessage;
      try {
        m = JSON.parse(String(raw)) as AgentMessage;
      } catch {
        return;
      }
      this.receive(deviceId, agent, m);
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      if (this.agents.get(deviceId) === agent) this.agents.delete(deviceId);
      this.down(agent, 'chương trình in trên máy kiosk đã ngắt kết nối');
      this.log({ level: 'warn', msg: 'print agent disconnected', device: deviceId });
    });
  }

  private receive(deviceId: number, agent: Agent, m: AgentMessage): void {
    if (m.op === 'ack') {
      const waiter = agent.acks.get(m.id);
      agent.acks.delete(m.id);
      if (m.error) waiter?.reject(new Error(m.error.slice(0, 200)));
      else waiter?.resolve();
    } else if (m.op === 'read' && typeof m.data === 'string') {
      agent.link?.feed(Buffer.from(m.data, 'base64'));
    } else if (m.op === 'printer') {
      agent.canRead = !!m.canRead;
      agent.printer = String(m.printer ?? '').slice(0, 200);
      if (m.up) {
        agent.printerUp = true;
        agent.error = null;
        for (const cb of this.listeners) cb(deviceId);
      } else {
        agent.printerUp = false;
        this.down(agent, String(m.error ?? 'máy in của kiosk không mở được').slice(0, 200));
      }
    }
  }

  private down(agent: Agent, reason: string): void {
    agent.printerUp = false;
    agent.error = reason;
    for (const w of agent.acks.values()) w.reject(new Error(reason));
    agent.acks.clear();
    agent.link?.ended(reason);
    agent.link = null;
  }

  private send(agent: Agent, bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (agent.ws.readyState !== agent.ws.OPEN) return reject(new Error('chương trình in đã ngắt kết nối'));
      const id = agent.nextId++;
      agent.acks.set(id, { resolve, reject });
      const msg: AgentWrite = { op: 'write', id, data: Buffer.from(bytes).toString('base64') };
      agent.ws.send(JSON.stringify(msg), (err) => {
        if (!err) return;
        agent.acks.delete(id);
        reject(err);
      });
    });
  }

  private sweep(): void {
    for (const a of this.agents.values()) {
      if (!a.alive) {
        a.ws.terminate();
        continue;
      }
      a.alive = false;
      a.ws.ping();
    }
  }
}
