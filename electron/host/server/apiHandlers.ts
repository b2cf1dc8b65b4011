import type { InputOf, OutputOf, RouteName } from '../../../shared/api/contract';
import { applyPatch } from '../../../shared/api/patch';
import { publicDisplay } from '../../../shared/api/publicViews';
import { passwordProblem, pinProblem } from '../../../shared/passwordPolicy';
import type { PrinterConfig } from '../../../shared/printerConfig';
import { AppError } from '../../../shared/errors';
import { screenZone } from '../../../shared/screenZone';
import type { AuthService, Session, SignInCaller } from '../auth/authService';
import type { Device, DeviceRegistry } from '../auth/deviceRegistry';
import type { PairingGuard } from '../auth/pairingGuard';
import type { SecurityAlerts } from '../auth/securityAlerts';
import { GuessBudget, isError } from '../../../shared/guessBudget';
import type { OfficeSetup } from '../auth/officeSetup';
import type { OfficeAdmin } from '../admin/officeAdmin';
import { CatalogueAdmin } from '../admin/catalogueAdmin';
import type { CallOutputs } from '../devices/callOutputs';
import type { ReportQueries } from '../reports/reportQuery';
import type { PrinterFleet } from '../devices/printerFleet';
import type { HealthReport } from '../health/healthReport';
import type { SpeakerStatus } from '../health/speakerStatus';
import type { HelpDesk } from '../admin/helpDesk';
import type { NumberRecovery } from '../recovery/numberRecovery';
import { encodingProblem } from '../printer/testPage';
import type { Actor } from '../queue/actor';
import { ADMIN } from '../queue/actor';
import { CheckinDesk } from '../checkin/checkinDesk';
import type { Appointments } from '../appointments/appointments';
import { toBookingView } from '../appointments/bookingBook';
import { importBookings } from '../appointments/bookingImport';
import { CounterReach } from '../queue/counterReach';
import { OfficeOverview } from '../queue/officeOverview';
import type { ProvinceAdmin } from '../province/provinceAdmin';
import type { RecordedClip, VoiceStore } from '../announcer/voiceStore';
import type { LangStore } from '../lang/langStore';
import { parseVoiceScope } from '../../../shared/voiceClips';
import type { QueueService } from '../queue/queueService';
import { toOfficer, toTicket } from '../queue/rows';
import type { OfficerRow, TicketRow } from '../queue/rows';

export interface CallContext {
  session: Session | null;
  /** Who is calling, for throttles and logs: the remote address over HTTP, the window over IPC. */
  client?: string;
  /** The enrolled device making the call (HTTP); null for anonymous callers and for the shell. */
  device?: Device | null;
  /** Set for the host's own Electron windows (IPC): the window's key. */
  shell?: string;
  /** The raw token of the session just created (login) so the transport can set its cookie. */
}

export type Handler<K extends RouteName> = (input: InputOf<K>, call: CallContext) => OutputOf<K> | Promise<OutputOf<K>>;
export type Handlers = { [K in RouteName]: Handler<K> };

export interface HandlerDeps {
  queue: QueueService;
  auth: AuthService;
  version: string;
  trackUrl: (ticketId: string) => string;
  printers: PrinterFleet;
  outputs: CallOutputs;
  admin: OfficeAdmin;
  reports: ReportQueries;
  /** Why a printer transport may not be used (see printer/transportPolicy.ts), or null. */
  printerTransportProblem: (t: PrinterConfig['transport']) => string | null;
  /** A `file` printer named by a bare file name writes into the data folder's spool folder. */
  spoolPath: (p: string) => string;
  devices: DeviceRegistry;
  /** Pairing open to anyone: each code typed is paid for first (auth/pairingGuard.ts). */
  pairing: PairingGuard;
  securityAlerts: SecurityAlerts;
  setup: OfficeSetup;
  /** Base URL the pairing QR points at (http://host:port). */
  baseUrl: () => string;
  health: HealthReport;
  speakers: SpeakerStatus;
  help: HelpDesk;
  recovery: NumberRecovery;
  /** Devices holding a live connection now (an event stream or a print agent). */
  onlineDevices: () => ReadonlySet<number>;
  /** The link to the province hub (#29). */
  province: ProvinceAdmin;
  /** The office's own recorded voice (#31). */
  voice: VoiceStore;
  /** Office language packs (#31). */
  lang: LangStore;
  /** Appointments (#30): rules, bookings, check-in. */
  appointments: Appointments;
}

const clipView = (c: RecordedClip) => ({ ...c, zoneId: parseVoiceScope(c.scope)?.zoneId ?? null });

function signInCaller(call: CallContext): SignInCaller {
  if (call.device) return { device: call.device };
  if (call.shell) return { shell: true, key: call.shell };
  throw new AppError('DEVICE_NOT_ENROLLED');
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
  const { trackUrl, printers, outputs, admin, reports } = d;
  const printing = printers.host;
  const reach = new CounterReach(queue.ctx.db);
  const catalogueAdmin = new CatalogueAdmin(queue);
  const overview = new OfficeOverview(queue);
  const checkins = new CheckinDesk(queue, d.appointments);
  /** The citizen's ticket as the kiosk shows and prints it. */
  const issued = (row: TicketRow) => {
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
      appointmentAt: row.appointment_at ?? null,
      // The print job was queued by the ticket.issued listener, before this line runs.
      print: printers.ticketPrint(row.id),
    };
  };
  // Walk-up rating: the guesser pays for wrong check codes (10 at once, then one a minute per
  // device), and so does everyone together (100, then 100 an hour) — never the ticket guessed at,
  // so nobody can lock a citizen out of their own rating.
  const checkCodes = new GuessBudget({ perGuesser: { perMinute: 1, burst: 10 }, overall: { perMinute: 100 / 60, burst: 100 }, refusal: 'CHECK_CODE_LOCKED', now: queue.now });
  /** A printer setting that may be used: the transport goes to a printer, a spool file into the spool folder. */
  const checkedPrinter = (next: PrinterConfig): PrinterConfig => {
    const problem = d.printerTransportProblem(next.transport) ?? encodingProblem(next);
    if (problem) throw new AppError('BAD_REQUEST', `Máy in: ${problem}`);
    return next.transport.kind === 'file' ? { ...next, transport: { ...next.transport, path: d.spoolPath(next.transport.path) } } : next;
  };
  // The reach check and the operation run in one transaction, so the ticket cannot move between.
  const atDesk = <T>(ticketId: string, session: Session | null, op: (a: Actor) => T): T => {
    const a = actorOf(session);
    return queue.ctx.tx(() => {
      if (!a.admin) reach.assert(ticketId, a.counterId);
      return op(a);
    });
  };
  const staffSession = (token: string, counterId: number, officerId: number) => {
    const counter = queue.views.listCounters().find((c) => c.id === counterId);
    const officer = queue.ctx.db.prepare('SELECT * FROM officers WHERE id = ?').get(officerId) as OfficerRow | undefined;
    if (!counter || !officer) throw new AppError('NOT_FOUND');
    return { token, kind: 'staff' as const, counter: queue.ctx.counterView(queue.ctx.counter(counterId)), officer: toOfficer(officer) };
  };

  return {
    // Anyone may ask; only an enrolled device or the host's own window hears paths, names and errors.
    health: (_input, call) => d.health.view({ version: d.version, time: queue.now() }, !!(call.device || call.shell)),
    databaseRecovery: () => d.recovery.view(),
    provinceLink: () => d.province.view(),
    provinceJoin: ({ body }) => d.province.join(body),
    provincePushNow: () => d.province.pushNow(),
    provinceCatalogue: () => d.province.catalogue(),
    provinceCatalogueApply: ({ body }) => d.province.applyCatalogue(body),
    recoverNumbering: ({ body }) => {
      admin.logChange('numbering', () => d.recovery.confirm(body.floors));
      d.recovery.reload();
      d.health.invalidate();
      return d.recovery.view();
    },
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
        kioskAccess: { largeText: o.kioskLargeText, highContrast: o.kioskHighContrast },
        languages: o.languages,
        languagePacks: d.lang.enabled(),
        nameRetentionDays: o.checkin.nameRetentionDays,
      };
    },
    listServices: () => queue.views.listServices(),
    listCounters: () => queue.views.listCounters(),
    listOfficers: () =>
      (queue.ctx.db.prepare('SELECT * FROM officers WHERE active = 1 ORDER BY id').all() as OfficerRow[]).map(toOfficer),
    // Phones may look at the wall too, but never learn a ticket id from it. An enrolled display's
    // own zone wins over `?zone=` (shared/screenZone.ts); it is read with the device on every request.
    display: ({ query }, call) => {
      const state = queue.views.display(screenZone(call.device?.zoneId, query.zone) ?? undefined);
      return call.device || call.shell ? state : publicDisplay(state);
    },
    reportSpeaker: ({ body }, call) => {
      // The host's own windows never need a tap (Electron lets them play); only enrolled displays report.
      if (call.device) {
        d.speakers.report(call.device, body, queue.now());
        d.health.invalidate();
      }
      return { ok: true as const };
    },
    listServiceGroups: () => queue.catalogue.groups(),
    listZones: () => queue.catalogue.zones(),

    issueTicket: ({ body }, call) => {
      // An enrolled kiosk is named by its device (its own printer prints the ticket); the shell's
      // own kiosk window may name itself.
      const kioskId = call.device ? `device:${call.device.id}` : body.kioskId;
      return issued(queue.issuer.issue({ serviceId: body.serviceId, priority: body.priority ?? null, kioskId }));
    },
    checkin: ({ body }, call) => {
      const kioskId = call.device ? `device:${call.device.id}` : undefined;
      const out = checkins.check(body, kioskId);
      if (out.step !== 'ticket') return out;
      const booking = out.kind === 'appointment' ? { booking: out.booking } : {};
      return { step: 'ticket' as const, kind: out.kind, dossierCode: out.dossierCode, ticket: issued(out.row), ...booking };
    },
    appointmentRules: () => d.appointments.rules.list(),
    saveAppointmentRule: ({ body }) => {
      const rule = admin.logChange('appointments', () => d.appointments.rules.save(body));
      d.appointments.book.onChange();
      return rule;
    },
    appointmentSlots: ({ query }) => {
      const { book, rules } = d.appointments;
      const capacity = rules.of(query.serviceId)?.capacity ?? 0;
      const now = queue.now();
      return rules
        .slotsOn(query.serviceId, query.day)
        .filter((sl) => sl.start > now)
        .map((sl) => {
          const booked = book.live(sl.serviceId, sl.start);
          return { start: sl.start, minutes: sl.minutes, capacity, booked, free: Math.max(0, capacity - booked) };
        });
    },
    bookingsOfDay: ({ query }) => d.appointments.book.onDay(query.day).map(toBookingView),
    createBooking: ({ body }) => {
      const b = d.appointments.book.book({ serviceId: body.serviceId, slotStart: body.slotStart, idNumber: body.idNumber ?? null }, 'admin');
      return d.appointments.book.view(b.code);
    },
    importBookings: ({ body }) => {
      const made = importBookings(d.appointments.book, body.csv, 'admin:import');
      return { imported: made.length, bookings: made.map((b) => d.appointments.book.view(b.code)) };
    },
    cancelBookingStaff: ({ params }) => {
      d.appointments.book.cancel(params.code, 'admin');
      return d.appointments.book.view(params.code);
    },
    undoBookingCheckin: ({ params }, call) => {
      d.appointments.checkin.undo(params.code, actorOf(call.session));
      return d.appointments.book.view(params.code);
    },
    cancelBooking: ({ body }, call) => {
      const kiosk = call.device ? `device:${call.device.id}` : `shell:${call.shell ?? ''}`;
      const b = d.appointments.codeGuesses.attempt(kiosk, () => d.appointments.book.cancel(body.code, `kiosk:${kiosk}`), isError('BOOKING_UNKNOWN'));
      return { code: b.code, state: b.state };
    },
    lookupTicket: ({ query }) => queue.lookup.publicView(query.number),
    verifyTicket: ({ body }, call) =>
      checkCodes.attempt(call.device ? `device:${call.device.id}` : `shell:${call.shell ?? ''}`, () => queue.lookup.verify(body.number, body.code), isError('WRONG_CHECK_CODE')),
    getTicket: ({ params }) => queue.views.ticketStatus(params.id),
    ticketPrint: ({ params }) => {
      queue.ctx.ticket(params.id);
      return printers.ticketPrint(params.id);
    },
    rate: ({ params, body }) => {
      const r = queue.ratings.rate({ ticketId: params.id, score: body.score, reasons: body.reasons, comment: body.comment, source: body.source });
      return { ok: true as const, ...r };
    },

    login: async ({ body }, call) => {
      const { token } = await auth.loginStaff(body.counterId, body.officerId, body.pin, signInCaller(call), body.takeOver);
      return staffSession(token, body.counterId, body.officerId);
    },
    adminLogin: async ({ body }, call) => ({ kind: 'admin' as const, ...(await auth.loginAdmin(body.password, signInCaller(call))) }),
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
      const state = queue.views.counterState(params.id);
      // The checked-in name is for the officer's desk; the rating tablet faces the citizen's side.
      return call.device?.role === 'rating' ? { ...state, citizen: null } : state;
    },
    pendingRating: ({ params }, call) => {
      // The answer names a ticket the form rates with: only that counter's own tablet, the
      // signed-in admin, or the host's own window may ask.
      if (call.device?.role === 'rating' && call.device.counterId !== params.id) throw new AppError('FORBIDDEN', 'Máy đánh giá thuộc quầy khác');
      if (call.device?.role === 'admin' && call.session?.kind !== 'admin') throw new AppError('UNAUTHORIZED');
      queue.ctx.counter(params.id);
      return queue.ratings.pendingAt(params.id);
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

    callSpecific: ({ params, body }, call) => atDesk(params.id, call.session, (a) => t(queue.calling.callSpecific(params.id, ownCounter(a, body.counterId), a))),
    recall: ({ params }, call) => atDesk(params.id, call.session, (a) => t(queue.calling.recall(params.id, a))),
    start: ({ params }, call) => atDesk(params.id, call.session, (a) => t(queue.lifecycle.start(params.id, a))),
    skip: ({ params }, call) => atDesk(params.id, call.session, (a) => t(queue.lifecycle.skip(params.id, a))),
    reactivate: ({ params }, call) => atDesk(params.id, call.session, (a) => t(queue.lifecycle.reactivate(params.id, a))),
    park: ({ params }, call) => atDesk(params.id, call.session, (a) => t(queue.lifecycle.park(params.id, a))),
    unpark: ({ params, body }, call) => atDesk(params.id, call.session, (a) => t(queue.calling.unpark(params.id, ownCounter(a, body.counterId), a))),
    finish: ({ params, body }, call) => atDesk(params.id, call.session, (a) => t(queue.lifecycle.finish(params.id, a, body.dossierCode))),
    cancel: ({ params }, call) => atDesk(params.id, call.session, (a) => t(queue.lifecycle.cancel(params.id, a))),
    transfer: ({ params, body }, call) => {
      const target = body.serviceId !== undefined ? { serviceId: body.serviceId } : { counterId: body.counterId as number };
      return atDesk(params.id, call.session, (a) => t(queue.lifecycle.transfer(params.id, target, a)));
    },

    printerStatus: (_i, call) => printers.forDevice(call.device).view(),
    printJobs: (_i, call) => printers.jobs(call.device, 50),
    reprint: ({ params }, call) => printers.reprint(params.id, call.device),
    printTestPage: () => printing.printTestPage(),
    printerConfig: () => printing.getConfig(),
    setPrinterConfig: ({ body }) => admin.logChange('printer', () => printing.setConfig(checkedPrinter(applyPatch(printing.getConfig(), body)))),
    kioskPrinters: () => d.devices.list().filter((dv) => dv.role === 'kiosk' && !dv.revokedAt).map((dv) => printers.kioskView(dv.id)),
    setKioskPrinter: ({ params, body }) => {
      const kiosk = d.devices.get(params.id);
      if (!kiosk || kiosk.role !== 'kiosk' || kiosk.revokedAt) throw new AppError('NOT_FOUND', 'Không có kiosk này');
      admin.logChange('kioskPrinter', () => printers.setKioskConfig(kiosk.id, checkedPrinter(applyPatch(printers.kioskConfig(kiosk.id), body))));
      return printers.kioskView(kiosk.id);
    },
    kioskPrinterTest: ({ params }) => printers.kioskTestPage(params.id),
    announcementConfig: () => outputs.announcementConfig(),
    setAnnouncementConfig: ({ body }) => admin.logChange('announcements', () => outputs.setAnnouncementConfig(applyPatch(outputs.announcementConfig(), body))),
    langPacks: () => ({ packs: d.lang.list() }),
    importLangPack: ({ body }) => admin.logChange('langPack', () => d.lang.importZip(Buffer.from(body.zip, 'base64'))),
    setLangPackScreens: ({ body }) => admin.logChange('langPack', () => d.lang.setScreens(body.code, body.screens)),
    deleteLangPack: ({ body }) => admin.logChange('langPack', () => ({ deleted: d.lang.remove(body.code) })),
    langPack: ({ params }) => d.lang.messages(params.code),
    voiceClips: () => ({ clips: d.voice.list().map(clipView), revision: d.voice.revision() }),
    saveVoiceClip: ({ body }) => admin.logChange('voice', () => clipView(d.voice.save(body.zoneId, body.lang, body.clip, Buffer.from(body.wav, 'base64')))),
    deleteVoiceClip: ({ body }) => admin.logChange('voice', () => ({ deleted: d.voice.remove(body.zoneId, body.lang, body.clip), clips: d.voice.list().map(clipView) })),
    exportVoicePack: () => {
      const zip = d.voice.exportPack();
      return { fileName: 'giong-doc-motcua.zip', zip: Buffer.from(zip).toString('base64'), clips: d.voice.list().length };
    },
    importVoicePack: ({ body }) => admin.logChange('voice', () => d.voice.importPack(Buffer.from(body.zip, 'base64'))),
    voiceTestCall: ({ body }) => {
      const m = outputs.testCall(body);
      return { clips: m.clips, zoneId: m.zoneId, text: m.text };
    },
    boardsConfig: () => ({ boards: outputs.boardsConfig(), buses: outputs.boardsStatus(), zones: outputs.zoneBoardsStatus() }),
    reportSummary: ({ query }) => reports.summary(query),
    officeSettings: () => admin.office(),
    setOfficeSettings: ({ body }) => admin.setOffice(body),
    saveService: ({ body }) => admin.saveService(body),
    adminCounters: () => admin.counters(),
    saveCounter: ({ body }) => admin.saveCounter(body),
    saveServiceGroup: ({ body }) => catalogueAdmin.saveGroup(body),
    saveZone: ({ body }) => catalogueAdmin.saveZone(body),
    deleteServiceGroup: ({ params }) => catalogueAdmin.deleteGroup(params.id),
    deleteZone: ({ params }) => catalogueAdmin.deleteZone(params.id),
    exportCatalogue: () => queue.catalogue.catalogueRows(),
    importCatalogue: ({ body }) => catalogueAdmin.importCatalogue(body),
    adminOfficers: () => admin.officers(),
    saveOfficer: async ({ body }) => {
      if (body.pin) {
        const bad = pinProblem(body.pin, d.setup.allowShortPins());
        if (bad) throw new AppError('BAD_REQUEST', bad);
      }
      const pinHash = body.pin ? await auth.hashPin(body.pin) : null;
      // A new PIN or a deactivation takes effect now, not when the old session expires, and the
      // display stops naming the officer at a desk: one transaction, counter.closed events after it.
      return queue.ctx.tx(() => {
        const saved = admin.saveOfficer(body, pinHash);
        if (pinHash || !saved.active) {
          auth.endOfficerSessions(saved.id);
          queue.counters.closeAllOf(saved.id, ADMIN);
        }
        return saved;
      });
    },
    changePassword: async ({ body }, call) => {
      const o = queue.settings.get();
      const weak = passwordProblem(body.password, [o.name, o.nameEn, ...o.name.split(/\s+/)]);
      if (weak) throw new AppError('WEAK_PASSWORD', weak);
      // The hash is slow and runs off the main thread; every other admin session ends with it.
      await auth.setAdminPassword(body.password, call.session);
      admin.logChange('password', () => undefined);
      return { ok: true as const };
    },
    alerts: () => admin.alerts(queue.now()),
    callStaff: (_input, call) => {
      if (!call.device) throw new AppError('DEVICE_NOT_ENROLLED');
      return d.help.ask(call.device, queue.now());
    },
    kioskHelp: (_input, call) => (call.device ? d.help.ofKiosk(call.device.id, queue.now()) : null),
    helpRequests: () => d.help.open(queue.now()),
    answerHelp: ({ params }, call) => {
      const a = actorOf(call.session);
      const counter = a.counterId === null ? null : queue.views.listCounters().find((c) => c.id === a.counterId);
      const by = counter ? `${counter.name}${counter.officerName ? ` — ${counter.officerName}` : ''}` : 'Quản trị';
      const answered = d.help.answer(params.id, by, queue.now());
      if (!answered) throw new AppError('NOT_FOUND', 'Yêu cầu hỗ trợ không còn (đã có người nhận hoặc đã quá hạn)');
      return answered;
    },
    officeOverview: () => overview.build(admin.alerts(queue.now())),
    setupStatus: ({ query }) => {
      const valid = d.setup.tokenValid(query.token);
      const office = queue.settings.get();
      return { required: !d.setup.isDone(), tokenValid: valid, officeName: office.name, officeNameEn: office.nameEn, officers: valid ? d.setup.officersNeedingPins() : [] };
    },
    completeSetup: async ({ body }, call) => {
      const { deviceToken, printer } = await d.setup.complete(body, call.client ?? null);
      // Which printer the office has; where it is plugged in is set later on the printer panel.
      if (printer.kind === 'printer') printers.host.setConfig({ ...printers.host.getConfig(), profile: printer.profile });
      return { ok: true as const, deviceToken };
    },
    pairDevice: ({ body }, call) => {
      const { token, device } = d.pairing.pair(body.code, call.client ?? `shell:${call.shell ?? ''}`, body.name);
      return { ok: true as const, token, device };
    },
    thisDevice: (_input, call) => call.device ?? null,
    createPairingCode: ({ body }) =>
      admin.logChange('devices', () => {
        const { code, expiresAt } = d.devices.createPairingCode(body.role, body.counterId, body.name, body.zoneId);
        return { code, expiresAt, pairUrl: `${d.baseUrl()}/pair?code=${code}` };
      }),
    listDevices: () => {
      const online = d.onlineDevices();
      return d.devices.list().map((dev) => ({ ...dev, online: dev.revokedAt === null && online.has(dev.id) }));
    },
    deviceAlerts: () => d.securityAlerts.recent(),
    revokeDevice: ({ params }) => admin.logChange('devices', () => d.devices.revoke(params.id)),
    // Live: the config.changed event makes the kiosk re-read its device and the display its state.
    setDeviceZone: ({ params, body }) => admin.logChange('devices', () => d.devices.setZone(params.id, body.zoneId)),
    setBoardsConfig: async ({ body }) => {
      const boards = await outputs.setBoardsConfig(body.boards);
      admin.logChange('boards', () => undefined);
      return { boards, buses: outputs.boardsStatus(), zones: outputs.zoneBoardsStatus() };
    },
  };
}
