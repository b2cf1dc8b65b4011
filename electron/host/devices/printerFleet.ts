import type { PrintJobView, PrintResultView, PrinterStatusView, TicketPrintView } from '../../../shared/api/schemas';
import { PrinterConfig } from '../../../shared/printerConfig';
import type { Device } from '../auth/deviceRegistry';
import type { OfficeSettings } from '../config/officeSettings';
import { openLink } from '../printer/transports';
import type { QueueService } from '../queue/queueService';
import type { AgentView, PrintAgentHub } from './printAgentHub';
import { TicketPrinting } from './ticketPrinting';

// Every kiosk printer's config in one setting: {"<deviceId>": PrinterConfig}.
const KIOSK_PRINTERS_KEY = 'kioskPrinters';

export interface KioskPrinterView {
  deviceId: number;
  config: PrinterConfig;
  status: PrinterStatusView;
  agent: AgentView | null;
}

export interface FleetDeps {
  queue: QueueService;
  settings: OfficeSettings;
  trackUrl: (ticketId: string) => string;
  broadcast: (m: unknown) => void;
  log: (e: Record<string, unknown>) => void;
  agents: PrintAgentHub;
}

/**
 * The office's ticket printers: the host's own and any kiosk's own. A ticket prints on the printer
 * of the kiosk that issued it when that kiosk has one, otherwise on the host's; each kiosk sees its
 * own printer's status and failed jobs. A kiosk's printer is reached over the network (tcp) or
 * through the print agent on the kiosk PC (agent).
 */
export class PrinterFleet {
  readonly host: TicketPrinting;
  private readonly kiosks = new Map<number, TicketPrinting>();
  private readonly stopListening: () => void;
  private readonly stopAgents: () => void;

  constructor(private readonly d: FleetDeps) {
    this.host = new TicketPrinting(d.queue, d.settings, d.trackUrl, d.broadcast, d.log);
    for (const [id, cfg] of Object.entries(this.stored())) this.kiosks.set(Number(id), this.make(Number(id), cfg));
    this.stopListening = d.queue.onEvent((e) => {
      if (e.type !== 'ticket.issued' || !e.ticket) return;
      // An office that chose to have no ticket printer prints nothing, whatever a panel still holds.
      if (!this.printsTickets()) return;
      this.forTicket(e.ticket.id).printIssued(e.ticket.id);
    });
    this.stopAgents = d.agents.onPrinterUp((deviceId) => {
      for (const p of [this.host, ...this.kiosks.values()]) {
        const t = p.getConfig().transport;
        if (t.kind === 'agent' && t.deviceId === deviceId) p.service.wake();
      }
    });
  }

  private stored(): Record<string, unknown> {
    return this.d.settings.getRaw<Record<string, unknown>>(KIOSK_PRINTERS_KEY) ?? {};
  }

  private make(deviceId: number, raw: unknown): TicketPrinting {
    const key = String(deviceId);
    return new TicketPrinting(this.d.queue, this.d.settings, this.d.trackUrl, this.d.broadcast, this.d.log, {
      printer: `device:${deviceId}`,
      load: () => raw,
      save: (c) => this.d.settings.setRaw(KIOSK_PRINTERS_KEY, { ...this.stored(), [key]: c }),
      logoKey: `printerLogoKey:device:${deviceId}`,
      openLink: (t) => (t.kind === 'agent' ? this.d.agents.link(t.deviceId) : openLink(t)),
    });
  }

  private kioskOf(ticketId: string): number | null {
    const m = /^device:(\d+)$/.exec(this.d.queue.ctx.ticket(ticketId).kiosk_id ?? '');
    return m ? Number(m[1]) : null;
  }

  /** The printer a ticket prints on. */
  forTicket(ticketId: string): TicketPrinting {
    let kiosk: number | null = null;
    try {
      kiosk = this.kioskOf(ticketId);
    } catch {
      return this.host;
    }
    const own = kiosk === null ? undefined : this.kiosks.get(kiosk);
    return own?.configured() ? own : this.host;
  }

  /** The printer a caller's screens show: a kiosk with its own printer sees that one. */
  forDevice(device: Device | null | undefined): TicketPrinting {
    const own = device?.role === 'kiosk' ? this.kiosks.get(device.id) : undefined;
    return own?.configured() ? own : this.host;
  }

  private printsTickets(): boolean {
    return this.d.settings.get().hasTicketPrinter;
  }

  ticketPrint(ticketId: string): TicketPrintView {
    const view = this.forTicket(ticketId).ticketPrint(ticketId);
    return view.state === 'none' && !this.printsTickets() ? { jobId: null, state: 'screen' } : view;
  }

  /** A reprint goes to the printer the job was for. */
  reprint(jobId: number, caller: Device | null | undefined): Promise<PrintResultView> {
    for (const p of [this.forDevice(caller), this.host, ...this.kiosks.values()]) {
      if (p.hasJob(jobId)) return p.reprint(jobId);
    }
    return Promise.resolve({ ok: false, jobId, error: 'không tìm thấy lệnh in' });
  }

  jobs(caller: Device | null | undefined, limit = 50): PrintJobView[] {
    return this.forDevice(caller).jobs(limit);
  }

  /** Every configured printer and whether it can print now, for health ("none configured" is an empty list). */
  health(): { printer: string; ready: boolean; message: string }[] {
    // An office without ticket printers has none to be unwell, whatever a panel still holds.
    if (!this.printsTickets()) return [];
    return [this.host, ...this.kiosks.values()]
      .filter((p) => p.configured())
      .map((p) => {
        const v = p.view();
        return { printer: p.printer, ready: v.ready, message: v.message };
      });
  }

  kioskConfig(deviceId: number): PrinterConfig {
    return this.kiosks.get(deviceId)?.getConfig() ?? PrinterConfig.parse({});
  }

  setKioskConfig(deviceId: number, config: PrinterConfig): PrinterConfig {
    let p = this.kiosks.get(deviceId);
    if (!p) {
      p = this.make(deviceId, {});
      this.kiosks.set(deviceId, p);
    }
    return p.setConfig(config);
  }

  kioskTestPage(deviceId: number): Promise<PrintResultView> {
    const p = this.kiosks.get(deviceId);
    return p ? p.printTestPage() : Promise.resolve({ ok: false, jobId: 0, error: 'kiosk này chưa có máy in riêng' });
  }

  kioskView(deviceId: number): KioskPrinterView {
    const config = this.kioskConfig(deviceId);
    const p = this.kiosks.get(deviceId);
    const status = p?.configured()
      ? p.view()
      : { configured: false, ready: false, message: 'Chưa có máy in riêng: in ở máy in của máy chủ', paperEnd: null, paperNearEnd: null, coverOpen: null, queued: 0, failed: 0 };
    return { deviceId, config, status, agent: config.transport.kind === 'agent' ? this.d.agents.view(config.transport.deviceId) : null };
  }

  /**
   * At start: a transport saved before the rules (or planted by a restored file) is not used;
   * that printer is switched off until the admin sets it again.
   */
  refuseStored(problem: (t: PrinterConfig['transport']) => string | null): void {
    for (const p of [this.host, ...this.kiosks.values()]) {
      const cfg = p.getConfig();
      const reason = problem(cfg.transport);
      if (!reason) continue;
      this.d.log({ level: 'warn', msg: 'printer transport refused; printer disabled until the admin sets it again', printer: p.printer, reason });
      p.setConfig({ ...cfg, transport: { kind: 'none' } });
    }
  }

  /** A revoked kiosk's printer is forgotten; its agent is cut off. */
  async forget(deviceId: number): Promise<void> {
    this.d.agents.closeDevice(deviceId);
    const p = this.kiosks.get(deviceId);
    if (!p) return;
    this.kiosks.delete(deviceId);
    const rest = { ...this.stored() };
    delete rest[String(deviceId)];
    this.d.settings.setRaw(KIOSK_PRINTERS_KEY, rest);
    await p.close();
  }

  async close(): Promise<void> {
    this.stopListening();
    this.stopAgents();
    await Promise.all([this.host.close(), ...[...this.kiosks.values()].map((p) => p.close())]);
  }
}
