// The one API contract. The HTTP server, the Electron IPC bridge and the renderer's client are all
// typed from this table, and every input is validated with its zod schema at the boundary.
import { z } from 'zod';
import { AnnouncementConfig } from '../announcementConfig';
import { BoardsConfig } from '../boardConfig';
import { PrinterConfig } from '../printerConfig';
import { OfficeConfig } from '../domain';
import * as a from './adminSchemas';
import { ReportQuery, ReportSummary } from './reportSchemas';
import { routePaths } from './routePaths';
import * as s from './schemas';
import * as dv from './deviceSchemas';
import * as vc from './voiceSchemas';
import * as lp from './langSchemas';
import * as ap from './appointmentSchemas';
import { AppointmentRule } from '../bookingProtocol';

export type Auth = 'public' | 'staff' | 'admin';
export type Method = 'GET' | 'POST';

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  path: string;
  auth: Auth;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** HTTP status on success (default 200). */
  status?: number;
  /** A route whose success status depends on what it did (check-in: 200 next step, 201 a ticket). */
  statusOf?: (output: z.infer<R>) => number;
}

function route<P extends z.ZodType = typeof s.NoInput, Q extends z.ZodType = typeof s.NoInput, B extends z.ZodType = typeof s.NoInput, R extends z.ZodType = z.ZodType>(
  def: { method: Method; path: string; auth: Auth; response: R; status?: number; statusOf?: (output: z.infer<R>) => number; params?: P; query?: Q; body?: B },
): RouteDef<P, Q, B, R> {
  return {
    ...def,
    params: (def.params ?? s.NoInput) as P,
    query: (def.query ?? s.NoInput) as Q,
    body: (def.body ?? s.NoInput) as B,
  };
}

const ticketOp = <B extends z.ZodType = typeof s.NoInput>(where: { method: Method; path: string }, response: z.ZodType, body?: B) =>
  route({ ...where, auth: 'staff', params: s.TicketIdParam, body, response });

export const contract = {
  health: route({ ...routePaths.health, auth: 'public', response: s.Health }),
  config: route({ ...routePaths.config, auth: 'public', response: s.PublicConfig }),
  listServices: route({ ...routePaths.listServices, auth: 'public', response: z.array(s.ServiceStatus) }),
  listCounters: route({ ...routePaths.listCounters, auth: 'public', response: z.array(s.CounterView) }),
  listOfficers: route({ ...routePaths.listOfficers, auth: 'public', response: z.array(s.Officer) }),
  display: route({ ...routePaths.display, auth: 'public', query: s.DisplayQuery, response: s.DisplayState }),
  reportSpeaker: route({ ...routePaths.reportSpeaker, auth: 'public', body: s.SpeakerReport, response: z.object({ ok: z.literal(true) }) }),
  listServiceGroups: route({ ...routePaths.listServiceGroups, auth: 'public', response: z.array(s.ServiceGroup) }),
  listZones: route({ ...routePaths.listZones, auth: 'public', response: z.array(s.Zone) }),

  issueTicket: route({ ...routePaths.issueTicket, auth: 'public', body: s.IssueTicketBody, response: s.IssuedTicket, status: 201 }),
  checkin: route({ ...routePaths.checkin, auth: 'public', body: s.CheckinBody, response: s.CheckinAnswer, statusOf: (a) => (a.step === 'ticket' ? 201 : 200) }),
  lookupTicket: route({ ...routePaths.lookupTicket, auth: 'public', query: s.LookupQuery, response: s.PublicTicketView }),
  verifyTicket: route({ ...routePaths.verifyTicket, auth: 'public', body: s.VerifyTicketBody, response: s.TicketStatus }),
  getTicket: route({ ...routePaths.getTicket, auth: 'public', params: s.TicketIdParam, response: s.TicketStatus }),
  ticketPrint: route({ ...routePaths.ticketPrint, auth: 'public', params: s.TicketIdParam, response: s.TicketPrintView }),
  rate: route({ ...routePaths.rate, auth: 'public', params: s.TicketIdParam, body: s.RatingBody, response: s.RatingResult, status: 201 }),

  login: route({ ...routePaths.login, auth: 'public', body: s.LoginBody, response: s.StaffSession }),
  adminLogin: route({ ...routePaths.adminLogin, auth: 'public', body: s.AdminLoginBody, response: s.AdminSession }),
  session: route({ ...routePaths.session, auth: 'public', response: s.SessionInfo.nullable() }),
  logout: route({ ...routePaths.logout, auth: 'public', response: s.Ok }),

  counterState: route({ ...routePaths.counterState, auth: 'staff', params: s.CounterIdParam, response: s.CounterState }),
  pendingRating: route({ ...routePaths.pendingRating, auth: 'public', params: s.CounterIdParam, response: s.PendingRating }),
  callNext: route({ ...routePaths.callNext, auth: 'staff', params: s.CounterIdParam, response: s.Ticket }),
  pause: route({ ...routePaths.pause, auth: 'staff', params: s.CounterIdParam, body: s.PauseBody, response: s.CounterView }),
  resume: route({ ...routePaths.resume, auth: 'staff', params: s.CounterIdParam, response: s.CounterView }),

  callSpecific: ticketOp(routePaths.callSpecific, s.Ticket, s.CallSpecificBody),
  recall: ticketOp(routePaths.recall, s.Ticket),
  start: ticketOp(routePaths.start, s.Ticket),
  skip: ticketOp(routePaths.skip, s.Ticket),
  reactivate: ticketOp(routePaths.reactivate, s.Ticket),
  park: ticketOp(routePaths.park, s.Ticket),
  unpark: ticketOp(routePaths.unpark, s.Ticket, s.UnparkBody),
  finish: ticketOp(routePaths.finish, s.Ticket, s.FinishBody),
  cancel: ticketOp(routePaths.cancel, s.Ticket),
  transfer: ticketOp(routePaths.transfer, s.Ticket, s.TransferBody),

  printerStatus: route({ ...routePaths.printerStatus, auth: 'public', response: s.PrinterStatusView }),
  printJobs: route({ ...routePaths.printJobs, auth: 'staff', response: z.array(s.PrintJobView) }),
  reprint: route({ ...routePaths.reprint, auth: 'staff', params: s.PrintJobIdParam, response: s.PrintResultView }),
  printTestPage: route({ ...routePaths.printTestPage, auth: 'admin', response: s.PrintResultView }),
  printerConfig: route({ ...routePaths.printerConfig, auth: 'admin', response: PrinterConfig }),
  setPrinterConfig: route({ ...routePaths.setPrinterConfig, auth: 'admin', body: a.PrinterPatch, response: PrinterConfig }),
  kioskPrinters: route({ ...routePaths.kioskPrinters, auth: 'admin', response: z.array(s.KioskPrinterView) }),
  setKioskPrinter: route({ ...routePaths.setKioskPrinter, auth: 'admin', params: dv.DeviceIdParam, body: a.PrinterPatch, response: s.KioskPrinterView }),
  kioskPrinterTest: route({ ...routePaths.kioskPrinterTest, auth: 'admin', params: dv.DeviceIdParam, response: s.PrintResultView }),
  announcementConfig: route({ ...routePaths.announcementConfig, auth: 'admin', response: AnnouncementConfig }),
  setAnnouncementConfig: route({ ...routePaths.setAnnouncementConfig, auth: 'admin', body: a.AnnouncementPatch, response: AnnouncementConfig }),
  langPacks: route({ ...routePaths.langPacks, auth: 'admin', response: lp.LangPackList }),
  importLangPack: route({ ...routePaths.importLangPack, auth: 'admin', body: lp.ImportLangPackBody, response: lp.LangPackView }),
  setLangPackScreens: route({ ...routePaths.setLangPackScreens, auth: 'admin', body: lp.SetLangPackScreensBody, response: lp.LangPackView }),
  deleteLangPack: route({ ...routePaths.deleteLangPack, auth: 'admin', body: lp.LangPackCodeBody, response: lp.LangPackDeleted }),
  langPack: route({ ...routePaths.langPack, auth: 'public', params: lp.LangPackParam, response: lp.LangPackStrings }),
  voiceClips: route({ ...routePaths.voiceClips, auth: 'admin', response: vc.VoiceView }),
  saveVoiceClip: route({ ...routePaths.saveVoiceClip, auth: 'admin', body: vc.SaveVoiceClipBody, response: vc.RecordedClipView }),
  deleteVoiceClip: route({ ...routePaths.deleteVoiceClip, auth: 'admin', body: vc.VoiceClipKey, response: vc.VoiceClipDeleted }),
  exportVoicePack: route({ ...routePaths.exportVoicePack, auth: 'admin', response: vc.VoicePack }),
  importVoicePack: route({ ...routePaths.importVoicePack, auth: 'admin', body: vc.ImportVoicePackBody, response: vc.VoicePackImported }),
  voiceTestCall: route({ ...routePaths.voiceTestCall, auth: 'admin', body: vc.VoiceTestCallBody, response: vc.VoiceTestCallResult }),
  boardsConfig: route({ ...routePaths.boardsConfig, auth: 'admin', response: s.BoardsView }),
  reportSummary: route({ ...routePaths.reportSummary, auth: 'admin', query: ReportQuery, response: ReportSummary }),
  officeSettings: route({ ...routePaths.officeSettings, auth: 'admin', response: OfficeConfig }),
  setOfficeSettings: route({ ...routePaths.setOfficeSettings, auth: 'admin', body: a.OfficePatch, response: OfficeConfig }),
  saveService: route({ ...routePaths.saveService, auth: 'admin', body: a.ServiceInput, response: s.Service }),
  saveServiceGroup: route({ ...routePaths.saveServiceGroup, auth: 'admin', body: a.ServiceGroupInput, response: s.ServiceGroup }),
  exportCatalogue: route({ ...routePaths.exportCatalogue, auth: 'admin', response: z.array(a.CatalogueRow) }),
  importCatalogue: route({ ...routePaths.importCatalogue, auth: 'admin', body: a.CatalogueImport, response: a.CatalogueImportResult }),
  saveZone: route({ ...routePaths.saveZone, auth: 'admin', body: a.ZoneInput, response: s.Zone }),
  deleteServiceGroup: route({ ...routePaths.deleteServiceGroup, auth: 'admin', params: a.CatalogueIdParam, response: a.GroupDeleted }),
  deleteZone: route({ ...routePaths.deleteZone, auth: 'admin', params: a.CatalogueIdParam, response: a.ZoneDeleted }),
  adminCounters: route({ ...routePaths.adminCounters, auth: 'admin', response: z.array(s.Counter) }),
  saveCounter: route({ ...routePaths.saveCounter, auth: 'admin', body: a.CounterInput, response: s.Counter }),
  adminOfficers: route({ ...routePaths.adminOfficers, auth: 'admin', response: z.array(s.Officer) }),
  saveOfficer: route({ ...routePaths.saveOfficer, auth: 'admin', body: a.OfficerInput, response: s.Officer }),
  changePassword: route({ ...routePaths.changePassword, auth: 'admin', body: a.PasswordBody, response: s.Ok }),
  databaseRecovery: route({ ...routePaths.databaseRecovery, auth: 'admin', response: a.RecoveryView }),
  provinceLink: route({ ...routePaths.provinceLink, auth: 'admin', response: a.ProvinceLinkView }),
  provinceJoin: route({ ...routePaths.provinceJoin, auth: 'admin', body: a.ProvinceJoinBody, response: a.ProvinceLinkView }),
  provincePushNow: route({ ...routePaths.provincePushNow, auth: 'admin', response: a.ProvinceLinkView }),
  provinceCatalogue: route({ ...routePaths.provinceCatalogue, auth: 'admin', response: a.ProvinceCatalogueView }),
  provinceCatalogueApply: route({ ...routePaths.provinceCatalogueApply, auth: 'admin', body: a.ProvinceCatalogueApplyBody, response: a.ProvinceCatalogueApplyResult }),
  recoverNumbering: route({ ...routePaths.recoverNumbering, auth: 'admin', body: a.RecoverNumberingBody, response: a.RecoveryView }),
  alerts: route({ ...routePaths.alerts, auth: 'staff', response: z.array(a.WaitAlert) }),
  callStaff: route({ ...routePaths.callStaff, auth: 'public', response: a.HelpRequest, status: 201 }),
  kioskHelp: route({ ...routePaths.kioskHelp, auth: 'public', response: a.HelpRequest.nullable() }),
  helpRequests: route({ ...routePaths.helpRequests, auth: 'staff', response: z.array(a.HelpRequest) }),
  answerHelp: route({ ...routePaths.answerHelp, auth: 'staff', params: a.HelpRequestIdParam, response: a.HelpRequest }),
  officeOverview: route({ ...routePaths.officeOverview, auth: 'admin', response: a.OfficeOverview }),
  setupStatus: route({ ...routePaths.setupStatus, auth: 'public', query: dv.SetupQuery, response: dv.SetupStatus }),
  completeSetup: route({ ...routePaths.completeSetup, auth: 'public', body: dv.SetupBody, response: dv.SetupResult }),
  pairDevice: route({ ...routePaths.pairDevice, auth: 'public', body: dv.PairBody, response: dv.PairResult }),
  thisDevice: route({ ...routePaths.thisDevice, auth: 'public', response: dv.DeviceView.nullable() }),
  createPairingCode: route({ ...routePaths.createPairingCode, auth: 'admin', body: dv.PairingCodeBody, response: dv.PairingCode }),
  listDevices: route({ ...routePaths.listDevices, auth: 'admin', response: z.array(dv.DeviceListRow) }),
  deviceAlerts: route({ ...routePaths.deviceAlerts, auth: 'admin', response: z.array(dv.SecurityAlert) }),
  revokeDevice: route({ ...routePaths.revokeDevice, auth: 'admin', params: dv.DeviceIdParam, response: dv.DeviceView }),
  setDeviceZone: route({ ...routePaths.setDeviceZone, auth: 'admin', params: dv.DeviceIdParam, body: dv.DeviceZoneBody, response: dv.DeviceView }),
  setBoardsConfig: route({ ...routePaths.setBoardsConfig, auth: 'admin', body: z.object({ boards: BoardsConfig }).strict(), response: s.BoardsView }),
  // Appointments (#30).
  appointmentRules: route({ ...routePaths.appointmentRules, auth: 'admin', response: ap.RuleList }),
  saveAppointmentRule: route({ ...routePaths.saveAppointmentRule, auth: 'admin', body: AppointmentRule, response: AppointmentRule }),
  appointmentSlots: route({ ...routePaths.appointmentSlots, auth: 'admin', query: ap.SlotsQuery, response: z.array(ap.SlotView) }),
  bookingsOfDay: route({ ...routePaths.bookingsOfDay, auth: 'admin', query: ap.DayQuery, response: z.array(ap.BookingView) }),
  createBooking: route({ ...routePaths.createBooking, auth: 'admin', body: ap.NewBookingBody, response: ap.BookingView }),
  importBookings: route({ ...routePaths.importBookings, auth: 'admin', body: ap.ImportBookingsBody, response: ap.ImportBookingsAnswer }),
  cancelBookingStaff: route({ ...routePaths.cancelBookingStaff, auth: 'admin', params: ap.BookingCodeParam, response: ap.BookingView }),
  undoBookingCheckin: route({ ...routePaths.undoBookingCheckin, auth: 'staff', params: ap.BookingCodeParam, response: ap.BookingView }),
  cancelBooking: route({ ...routePaths.cancelBooking, auth: 'public', body: ap.BookingCodeBody, response: ap.CancelledBooking }),
} as const;

export type Contract = typeof contract;
export type RouteName = keyof Contract;
export type InputOf<K extends RouteName> = {
  params: z.infer<Contract[K]['params']>;
  query: z.infer<Contract[K]['query']>;
  body: z.infer<Contract[K]['body']>;
};
export type OutputOf<K extends RouteName> = z.infer<Contract[K]['response']>;

/** Parse route inputs; throws ZodError on bad input (mapped to BAD_REQUEST at the boundary). */
export function parseInput<K extends RouteName>(name: K, raw: { params?: unknown; query?: unknown; body?: unknown }): InputOf<K> {
  const def = contract[name];
  return {
    params: def.params.parse(raw.params ?? {}),
    query: def.query.parse(raw.query ?? {}),
    body: def.body.parse(raw.body ?? {}),
  } as InputOf<K>;
}

// Compile-time guard: the zod-free path table and the contract name the same routes.
type KeysMatch = [Exclude<RouteName, keyof typeof routePaths>, Exclude<keyof typeof routePaths, RouteName>] extends [never, never] ? true : false;
export const ROUTE_TABLES_MATCH: KeysMatch = true;
