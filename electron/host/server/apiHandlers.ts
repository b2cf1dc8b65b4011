import type { InputOf, OutputOf, RouteName } from '../../../shared/api/contract';
import { applyPatch } from '../../../shared/api/patch';
import { AppError } from '../../../shared/errors';
import type { AuthService, Session } from '../auth/authService';
import type { OfficeAdmin } from '../admin/officeAdmin';
import type { CallOutputs } from '../devices/callOutputs';
import type { ReportQueries } from '../reports/reportQuery';
import type { TicketPrinting } from '../devices/ticketPrinting';
import type { Actor } from '../queue/actor';
import { ADMIN } from '../queue/actor';
import type { QueueService } from '../queue/queueService';
import { toOfficer, toTicket } from '../queue/rows';
import type { OfficerRow, TicketRow } from '../queue/rows';

export interface CallContext {
  session: Session | null;
  /** The raw token of the session just created (login) so the transport can set its cookie. */
}

export type Handler<K extends RouteName> = (input: InputOf<K>, call: CallContext) => OutputOf<K> | Promise<OutputOf<K>>;
export type Handlers = { [K in RouteName]: Handler<K> };

export interface HandlerDeps {
  queue: QueueService;
  auth: AuthService;
  version: string;
  trackUrl: (ticketId: string) => string;
  printing: TicketPrinting;
  outputs: CallOutputs;
  admin: OfficeAdmin;
  reports: ReportQueries;
}

function actorOf(session: Session | null): Actor {
  if (!session) throw new AppError('UNAUTHORIZED');
  if (session.kind === 'admin') return ADMIN;
  return { counterId: session.counterId, officerId: session.officerId, admin: false };
}

/** Staff act for their own counter only. */
function counterActor(session: Session | null, counterId: number): Actor {
  const a = actorOf(session);
  if (!a.admin && a.counterId !== counterId) throw new AppError('FORBIDDEN', 'Phiên đăng nhập thuộc quầy khác');
  return a;
}

function ownCounter(a: Actor, requested?: number): number {
  if (requested !== undefined) {
    if (!a.admin && requested !== a.counterId) throw new AppError('FORBIDDEN', 'Phiên đăng nhập thuộc quầy khác');
    return requested;
  }
  if (a.counterId === null) throw new AppError('BAD_REQUEST', 'counterId is required');
  return a.counterId;
}

/** The transport-independent implementation of every contract route (HTTP and IPC call these). */
export function createHandlers(d: HandlerDeps): Handlers {
  const { queue, auth } = d;
  const t = (row: TicketRow) => toTicket(row);
  const { trackUrl, printing, outputs, admin, reports } = d;
  const staffSession = (token: string, counterId: number, officerId: number) => {
    const counter = queue.views.listCounters().find((c) => c.id === counterId);
    const officer = queue.ctx.db.prepare('SELECT * FROM officers WHERE id = ?').get(officerId) as OfficerRow | undefined;
    if (!counter || !officer) throw new AppError('NOT_FOUND');
    return { token, kind: 'staff' as const, counter: queue.ctx.counterView(queue.ctx.counter(counterId)), officer: toOfficer(officer) };
  };

  return {
    health: () => ({ ok: true, version: d.version, time: queue.now(), database: 'ok' }),
    config: () => {
      const o = queue.settings.get();
      return {
        office: { name: o.name, nameEn: o.nameEn, address: o.address, marquee: o.marquee, ticketFooter: o.ticketFooter, logo: o.logo },
        priorityGroups: o.priorityGroups,
        ratingLevels: o.ratingLevels,
        ratingReasons: o.ratingReasons,
        pauseReasons: o.pauseReasons,
        timeZone: o.timeZone,
        kioskIdleSeconds: o.kioskIdleSeconds,
        languages: o.languages,
      };
    },
    listServices: () => queue.views.listServices(),
    listCounters: () => queue.views.listCounters(),
    listOfficers: () =>
      (queue.ctx.db.prepare('SELECT * FROM officers WHERE active = 1 ORDER BY id').all() as OfficerRow[]).map(toOfficer),
    display: () => queue.views.display(),

    issueTicket: ({ body }) => {
      const row = queue.issuer.issue({ serviceId: body.serviceId, priority: body.priority ?? null, kioskId: body.kioskId });
      const status = queue.views.statusOf(row);
      return {
        id: row.id,
        number: row.number,
        serviceId: row.service_id,
        serviceNameVi: status.serviceNameVi,
        serviceNameEn: status.serviceNameEn,
        priority: row.priority,
        state: row.state,
        issuedAt: row.issued_at,
        ahead: status.ahead,
        etaMinutes: status.etaMinutes,
        trackUrl: trackUrl(row.id),
        checkCode: row.check_code ?? '',
        // The print job was queued by the ticket.issued listener, before this line runs.
        print: printing.ticketPrint(row.id),
      };
    },
    lookupTicket: ({ query }) => queue.lookup.publicView(query.number),
    verifyTicket: ({ body }) => queue.lookup.verify(body.number, body.code),
    getTicket: ({ params }) => queue.views.ticketStatus(params.id),
    ticketPrint: ({ params }) => {
      queue.ctx.ticket(params.id);
      return printing.ticketPrint(params.id);
    },
    rate: ({ params, body }) => {
      const r = queue.ratings.rate({ ticketId: params.id, score: body.score, reasons: body.reasons, comment: body.comment, source: body.source });
      return { ok: true as const, ...r };
    },

    login: ({ body }) => {
      const { token } = auth.loginStaff(body.counterId, body.officerId, body.pin);
      return staffSession(token, body.counterId, body.officerId);
    },
    adminLogin: ({ body }) => ({ kind: 'admin' as const, ...auth.loginAdmin(body.password) }),
    session: (_input, call) => {
      const s = call.session;
      if (!s) return null;
      if (s.kind === 'admin') return { kind: 'admin' as const, token: '', mustChangePassword: false };
      return staffSession('', s.counterId, s.officerId);
    },
    logout: (_input, call) => {
      if (call.session) auth.logout(call.session);
      return { ok: true as const };
    },

    counterState: ({ params }, call) => {
      counterActor(call.session, params.id);
      return queue.views.counterState(params.id);
    },
    callNext: ({ params }, call) => t(queue.calling.callNext(params.id, counterActor(call.session, params.id))),
    pause: ({ params, body }, call) => {
      queue.counters.pause(params.id, body.reason, body.note ?? '', counterActor(call.session, params.id));
      return queue.views.counterState(params.id).counter;
    },
    resume: ({ params }, call) => {
      queue.counters.resume(params.id, counterActor(call.session, params.id));
      return queue.views.counterState(params.id).counter;
    },

    callSpecific: ({ params, body }, call) => {
      const a = actorOf(call.session);
      return t(queue.calling.callSpecific(params.id, ownCounter(a, body.counterId), a));
    },
    recall: ({ params }, call) => t(queue.calling.recall(params.id, actorOf(call.session))),
    start: ({ params }, call) => t(queue.lifecycle.start(params.id, actorOf(call.session))),
    skip: ({ params }, call) => t(queue.lifecycle.skip(params.id, actorOf(call.session))),
    reactivate: ({ params }, call) => t(queue.lifecycle.reactivate(params.id, actorOf(call.session))),
    park: ({ params }, call) => t(queue.lifecycle.park(params.id, actorOf(call.session))),
    unpark: ({ params, body }, call) => {
      const a = actorOf(call.session);
      return t(queue.calling.unpark(params.id, ownCounter(a, body.counterId), a));
    },
    finish: ({ params, body }, call) => t(queue.lifecycle.finish(params.id, actorOf(call.session), body.dossierCode)),
    cancel: ({ params }, call) => t(queue.lifecycle.cancel(params.id, actorOf(call.session))),
    transfer: ({ params, body }, call) => {
      const target = body.serviceId !== undefined ? { serviceId: body.serviceId } : { counterId: body.counterId as number };
      return t(queue.lifecycle.transfer(params.id, target, actorOf(call.session)));
    },

    printerStatus: () => printing.view(),
    printJobs: () => printing.jobs(50),
    reprint: ({ params }) => printing.reprint(params.id),
    printTestPage: () => printing.printTestPage(),
    printerConfig: () => printing.getConfig(),
    setPrinterConfig: ({ body }) => admin.logChange('printer', () => printing.setConfig(applyPatch(printing.getConfig(), body))),
    announcementConfig: () => outputs.announcementConfig(),
    setAnnouncementConfig: ({ body }) => admin.logChange('announcements', () => outputs.setAnnouncementConfig(applyPatch(outputs.announcementConfig(), body))),
    boardsConfig: () => ({ boards: outputs.boardsConfig(), buses: outputs.boardsStatus() }),
    reportSummary: ({ query }) => reports.summary(query),
    officeSettings: () => admin.office(),
    setOfficeSettings: ({ body }) => admin.setOffice(body),
    saveService: ({ body }) => admin.saveService(body),
    adminCounters: () => admin.counters(),
    saveCounter: ({ body }) => admin.saveCounter(body),
    adminOfficers: () => admin.officers(),
    saveOfficer: ({ body }) => admin.saveOfficer(body),
    changePassword: ({ body }) => {
      // The hash is slow: made outside the write lock, logged after.
      auth.setAdminPassword(body.password);
      admin.logChange('password', () => undefined);
      return { ok: true as const };
    },
    alerts: () => admin.alerts(queue.now()),
    setBoardsConfig: async ({ body }) => {
      const boards = await outputs.setBoardsConfig(body.boards);
      admin.logChange('boards', () => undefined);
      return { boards, buses: outputs.boardsStatus() };
    },
  };
}
