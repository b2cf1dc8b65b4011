import type { PrinterStatusView } from '../../../shared/api/schemas';
import { PrinterConfig } from '../../../shared/printerConfig';
import type { OfficeSettings } from '../config/officeSettings';
import crypto from 'node:crypto';
import { pngToDots } from '../printer/pngDots';
import type { Bitmap } from '../printer/rasterText';
import { paperDots } from '../printer/ticketLayout';
import { createPrinterService } from '../printer/printerService';
import type { LogoSource } from '../printer/printerService';
import type { PrinterService } from '../printer/printerService';
import { describeStatus } from '../printer/printerStatus';
import type { QueueService } from '../queue/queueService';

const KEY = 'printer';
const LOGO_KEY = 'printerLogoKey';

/**
 * Connects the queue to the ticket printer: every issued ticket is printed in the background
 * (issuing never waits for paper), printer status goes out to the screens, and the config lives
 * in the database so the admin can change it without a restart.
 */
export class TicketPrinting {
  readonly service: PrinterService;
  private config: PrinterConfig;
  private readonly stopListening: () => void;

  constructor(
    private readonly queue: QueueService,
    private readonly settings: OfficeSettings,
    trackUrl: (ticketId: string) => string,
    broadcast: (m: unknown) => void,
    log: (e: Record<string, unknown>) => void,
  ) {
    this.config = PrinterConfig.parse(settings.getRaw(KEY) ?? {});
    this.service = createPrinterService({ config: this.config, log, logo: this.logoSource() });
    this.service.onStatus(() => broadcast({ type: 'printer.status', status: this.view() }));
    this.stopListening = queue.onEvent((e) => {
      if (e.type !== 'ticket.issued' || !e.ticket || !this.config.enabled || this.config.transport.kind === 'none') return;
      const t = e.ticket;
      const office = queue.settings.get();
      const status = queue.views.statusOf(queue.ctx.ticket(t.id));
      const group = office.priorityGroups.find((g) => g.code === t.priority);
      void this.service.printTicket(
        {
          officeName: office.name,
          serviceNameVi: status.serviceNameVi,
          serviceNameEn: status.serviceNameEn,
          number: t.number,
          priorityLabel: group?.vi ?? null,
          issuedAt: t.issuedAt,
          ahead: status.ahead,
          etaMinutes: status.etaMinutes,
          trackUrl: trackUrl(t.id),
          footer: office.ticketFooter,
          template: office.ticketTemplate,
        },
        t.id,
      );
    });
  }

  /** The office logo (admin screen) as printer dots; PNG only, decoded once per picture. */
  private logoSource(): LogoSource {
    let cache: { url: string; value: { key: string; bitmap: Bitmap } | null } | null = null;
    return {
      current: () => {
        const url = this.queue.settings.get().logo;
        if (!url) return null;
        if (cache?.url !== url) {
          const m = /^data:image\/png;base64,(.+)$/.exec(url);
          const bitmap = m?.[1] ? pngToDots(Buffer.from(m[1], 'base64'), paperDots(this.config.paper)) : null;
          cache = { url, value: bitmap ? { key: crypto.createHash('sha256').update(url).digest('hex').slice(0, 16), bitmap } : null };
        }
        return cache.value;
      },
      stored: () => this.settings.getRaw<string>(LOGO_KEY),
      remember: (key) => this.settings.setRaw(LOGO_KEY, key),
    };
  }

  getConfig(): PrinterConfig {
    return this.config;
  }

  setConfig(next: PrinterConfig): PrinterConfig {
    const valid = PrinterConfig.parse(next);
    this.settings.setRaw(KEY, valid);
    // A different printer does not hold our logo yet.
    this.settings.setRaw(LOGO_KEY, '');
    this.config = valid;
    this.service.reconfigure(valid);
    return valid;
  }

  view(): PrinterStatusView {
    const s = this.service.status();
    const configured = this.config.enabled && this.config.transport.kind !== 'none';
    return {
      configured,
      ready: configured && s.ready,
      message: configured ? describeStatus(s) : 'Chưa cấu hình máy in',
      paperEnd: s.paperEnd,
      paperNearEnd: s.paperNearEnd,
      coverOpen: s.coverOpen,
      queued: s.queued,
      failed: s.failed,
    };
  }

  async close(): Promise<void> {
    this.stopListening();
    await this.service.close();
  }
}
