import crypto from 'node:crypto';
import type { PrintJobView, PrintResultView, PrinterStatusView, TicketPrintView } from '../../../shared/api/schemas';
import { businessDay } from '../../../shared/businessDay';
import type { TicketState } from '../../../shared/domain';
import { PrinterConfig } from '../../../shared/printerConfig';
import type { OfficeSettings } from '../config/officeSettings';
import { pngToDots } from '../printer/pngDots';
import type { Bitmap } from '../printer/rasterText';
import { paperDots } from '../printer/ticketLayout';
import type { TicketPrintData } from '../printer/ticketLayout';
import { createPrinterService } from '../printer/printerService';
import type { LogoSource } from '../printer/printerService';
import type { PrinterService } from '../printer/printerService';
import type { PrinterLink } from '../printer/transports';
import { describeStatus } from '../printer/printerStatus';
import type { QueueService } from '../queue/queueService';
import { PrintJobStore } from './printJobStore';
import type { PrintJobRow } from './printJobStore';

/** Which printer this is and where its setting lives: the host's own, or one kiosk's. */
export interface PrinterIdentity {
  /** 'host' or 'device:<id>' (print_jobs.printer). */
  printer: string;
  /** Reads and writes this printer's stored config. */
  load: () => unknown;
  save: (config: PrinterConfig) => void;
  /** Settings key of the logo this printer holds in NV memory. */
  logoKey: string;
  openLink?: (t: PrinterConfig['transport']) => Promise<PrinterLink>;
}

export const HOST_PRINTER = (settings: OfficeSettings): PrinterIdentity => ({
  printer: 'host',
  load: () => settings.getRaw('printer') ?? {},
  save: (c) => settings.setRaw('printer', c),
  logoKey: 'printerLogoKey',
});

/** A ticket whose holder still needs the paper: it can still be called (or come back after a no-show). */
const STILL_NEEDED: readonly TicketState[] = ['waiting', 'called', 'serving', 'parked', 'skipped'];

/**
 * Connects the queue to the ticket printer: every issued ticket is printed in the background
 * (issuing never waits for paper), printer status goes out to the screens, and the config lives
 * in the database so the admin can change it without a restart. Jobs are kept in the database; a
 * ticket that failed to print is printed again by itself, once, when the printer is ready again —
 * on the same business day, and only while the citizen still needs it. Which tickets come to this
 * printer is decided by the PrinterFleet (the host's printer, or the kiosk's own that issued it).
 */
export class TicketPrinting {
  readonly service: PrinterService;
  private config: PrinterConfig;
  private readonly store: PrintJobStore;
  private sweeping = false;

  constructor(
    private readonly queue: QueueService,
    private readonly settings: OfficeSettings,
    private readonly trackUrl: (ticketId: string) => string,
    broadcast: (m: unknown) => void,
    private readonly log: (e: Record<string, unknown>) => void,
    private readonly identity: PrinterIdentity = HOST_PRINTER(settings),
  ) {
    const printer = identity.printer;
    this.config = PrinterConfig.parse(identity.load() ?? {});
    this.store = new PrintJobStore(queue.ctx.db, queue.now, (row) => broadcast({ type: 'print.job', printer, jobId: row.id, ticketNumber: row.ticket_number, state: row.state }), printer);
    const interrupted = this.store.markInterrupted();
    if (interrupted) log({ level: 'warn', msg: 'print jobs interrupted by the last stop', printer, jobs: interrupted });
    this.service = createPrinterService({ config: this.config, log: (e) => log({ ...e, printer }), logo: this.logoSource(), journal: this.store, openLink: identity.openLink });
    this.service.onStatus((s) => {
      broadcast({ type: 'printer.status', printer, status: this.view() });
      if (s.ready) this.reprintFailed();
    });
  }

  get printer(): string {
    return this.identity.printer;
  }

  /** A ticket just issued for this printer: printed in the background (issuing never waits for paper). */
  printIssued(ticketId: string): void {
    if (this.configured()) void this.printTicket(ticketId);
  }

  configured(): boolean {
    return this.config.enabled && this.config.transport.kind !== 'none';
  }

  private today(): string {
    const o = this.queue.settings.get();
    return businessDay(this.queue.now(), o.timeZone, o.dayBoundaryMinutes);
  }

  /** What the ticket says, as of now (a reprint shows the current wait, the same number and code). */
  private ticketData(ticketId: string): TicketPrintData {
    const office = this.queue.settings.get();
    const row = this.queue.ctx.ticket(ticketId);
    const status = this.queue.views.statusOf(row);
    const group = office.priorityGroups.find((g) => g.code === row.priority);
    return {
      officeName: office.name,
      serviceNameVi: status.serviceNameVi,
      serviceNameEn: status.serviceNameEn,
      number: row.number,
      priorityLabel: group?.vi ?? null,
      issuedAt: row.issued_at,
      ahead: status.ahead,
      // No open counter serves it: the paper makes no promise (the template's estimate line drops).
      etaMinutes: status.etaMinutes,
      trackUrl: this.trackUrl(row.id),
      footer: office.ticketFooter,
      checkCode: row.check_code ?? '',
      timeZone: office.timeZone,
      template: office.ticketTemplate,
      zone: this.zoneText(row.service_id),
      // Off by default: a paper ticket is left on chairs and in bins.
      citizen: office.checkin.nameOnTicket ? row.citizen_name ?? '' : '',
      appointmentAt: row.appointment_at ?? null,
    };
  }

  /** "Tầng 2 · Quầy 21, 22": where the service is served, for an office with more than one zone. */
  private zoneText(serviceId: number): string {
    const zones = this.queue.catalogue.zones();
    if (zones.length <= 1) return '';
    const counters = this.queue.views.listCounters().filter((c) => c.serviceIds.includes(serviceId));
    return zones
      .filter((z) => counters.some((c) => c.zoneId === z.id))
      .map((z) => `${z.nameVi} · Quầy ${counters.filter((c) => c.zoneId === z.id).map((c) => c.number).join(', ')}`)
      .join('; ');
  }

  private printTicket(ticketId: string, jobId?: number): Promise<PrintResultView> {
    let data: TicketPrintData;
    try {
      data = this.ticketData(ticketId);
    } catch (e) {
      return Promise.resolve({ ok: false, jobId: jobId ?? 0, error: String(e) });
    }
    return this.service.printTicket(data, ticketId, jobId);
  }

  /**
   * Each failed ticket of today prints again, once: the reprint is claimed in the database before
   * it is sent, so a printer that flaps, a second sweep or a restart cannot print it twice.
   */
  private reprintFailed(): void {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const job of this.store.awaitingReprint(this.today())) {
        if (!job.ticket_id || !this.stillNeeded(job.ticket_id)) continue;
        if (!this.store.claimReprint(job.id)) continue;
        this.log({ level: 'info', msg: 'reprinting a ticket that failed to print', job: job.id, ticket: job.ticket_number });
        void this.printTicket(job.ticket_id, job.id);
      }
    } catch (e) {
      this.log({ level: 'error', msg: 'reprint sweep failed', error: String(e) });
    } finally {
      this.sweeping = false;
    }
  }

  private stillNeeded(ticketId: string): boolean {
    try {
      return STILL_NEEDED.includes(this.queue.views.statusOf(this.queue.ctx.ticket(ticketId)).state);
    } catch {
      return false;
    }
  }

  /** A job printed again by hand (counter screen), under the same job. */
  reprint(jobId: number): Promise<PrintResultView> {
    const job = this.store.get(jobId);
    if (!job || job.printer !== this.identity.printer) return Promise.resolve({ ok: false, jobId, error: 'không tìm thấy lệnh in' });
    if (job.kind === 'ticket' && job.ticket_id) return this.printTicket(job.ticket_id, job.id);
    return this.service.printTestPage(job.id);
  }

  hasJob(jobId: number): boolean {
    return this.store.get(jobId)?.printer === this.identity.printer;
  }

  printTestPage(): Promise<PrintResultView> {
    return this.service.printTestPage();
  }

  /** What the kiosk tells the citizen about their ticket's paper. */
  ticketPrint(ticketId: string): TicketPrintView {
    const job = this.store.ofTicket(ticketId);
    return job ? { jobId: job.id, state: job.state } : { jobId: null, state: 'none' };
  }

  jobs(limit = 50): PrintJobView[] {
    return this.store.list(limit).map((j: PrintJobRow) => ({
      id: j.id,
      kind: j.kind,
      ticketId: j.ticket_id,
      ticketNumber: j.ticket_number,
      state: j.state,
      error: j.error,
      at: j.created_at,
    }));
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
      stored: () => this.settings.getRaw<string>(this.identity.logoKey),
      remember: (key) => this.settings.setRaw(this.identity.logoKey, key),
    };
  }

  getConfig(): PrinterConfig {
    return this.config;
  }

  setConfig(next: PrinterConfig): PrinterConfig {
    const valid = PrinterConfig.parse(next);
    this.identity.save(valid);
    // A different printer does not hold our logo yet.
    this.settings.setRaw(this.identity.logoKey, '');
    this.config = valid;
    this.service.reconfigure(valid);
    return valid;
  }

  view(): PrinterStatusView {
    const s = this.service.status();
    const configured = this.configured();
    return {
      configured,
      ready: configured && s.ready,
      message: configured ? describeStatus(s) : 'Chưa cấu hình máy in',
      paperEnd: s.paperEnd,
      paperNearEnd: s.paperNearEnd,
      coverOpen: s.coverOpen,
      queued: s.queued,
      // Today's tickets that did not print, restarts included.
      failed: this.store.failedCount(this.today()),
    };
  }

  async close(): Promise<void> {
    await this.service.close();
  }
}
