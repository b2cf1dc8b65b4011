// Who may call what, declared once (issue #13). Three kinds of caller: the host PC itself
// (Electron windows over IPC), enrolled devices with a role, and anonymous callers (a phone on
// the office Wi-Fi). The server checks this table before any PIN, password or body is looked at.
// Zod-free, so the browser bundle can read it to explain a refusal.
import type { routePaths } from './routePaths';

export const DEVICE_ROLES = ['kiosk', 'counter', 'rating', 'display', 'admin'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** 'anyone' includes anonymous phones; otherwise the device roles that may call the route. */
export type Callers = 'anyone' | readonly DeviceRole[];

const ALL_DEVICES: readonly DeviceRole[] = DEVICE_ROLES;
const STAFF_DESK: readonly DeviceRole[] = ['counter', 'admin'];
const ADMIN: readonly DeviceRole[] = ['admin'];

type RouteKey = keyof typeof routePaths;

export const routeCallers: Record<RouteKey, Callers> = {
  health: 'anyone',
  config: 'anyone',
  // An enabled pack's strings: the tracking page on a citizen's phone reads them too.
  langPack: 'anyone',
  display: 'anyone',
  // Only an enrolled display's word counts: a stranger must not mark the hall silent (or heard).
  reportSpeaker: ['display'],
  getTicket: 'anyone',
  rate: 'anyone',
  session: 'anyone',
  logout: 'anyone',

  listServices: ALL_DEVICES,
  listCounters: ALL_DEVICES,
  listServiceGroups: ALL_DEVICES,
  // Zone names are on the hall's walls; a display in a plain browser needs them for its heading.
  listZones: 'anyone',
  listOfficers: ['counter', 'rating', 'admin'],
  issueTicket: ['kiosk'],
  // A scan carries a citizen's ID card: only an enrolled kiosk may send one (never a phone).
  checkin: ['kiosk'],
  lookupTicket: ['kiosk', 'counter', 'rating', 'admin'],
  // Number + printed check code → the ticket: walk-up rating at an enrolled kiosk or tablet only,
  // so a phone cannot try codes at all.
  verifyTicket: ['kiosk', 'rating', 'counter', 'admin'],
  ticketPrint: ['kiosk', 'counter', 'admin'],
  printerStatus: ['kiosk', 'counter', 'admin'],

  login: ['counter'],
  adminLogin: ADMIN,

  counterState: ['counter', 'rating', 'admin'],
  // The ticket id it names is what the form rates with: the tablet of that counter (and the admin) only.
  pendingRating: ['rating', 'admin'],
  callNext: STAFF_DESK,
  pause: STAFF_DESK,
  resume: STAFF_DESK,
  callSpecific: STAFF_DESK,
  recall: STAFF_DESK,
  start: STAFF_DESK,
  skip: STAFF_DESK,
  reactivate: STAFF_DESK,
  park: STAFF_DESK,
  unpark: STAFF_DESK,
  finish: STAFF_DESK,
  cancel: STAFF_DESK,
  transfer: STAFF_DESK,
  printJobs: ['kiosk', 'counter', 'admin'],
  reprint: ['kiosk', 'counter', 'admin'],
  alerts: STAFF_DESK,
  // A kiosk asks for a person; the counters and the admin see it and answer.
  callStaff: ['kiosk'],
  kioskHelp: ['kiosk'],
  helpRequests: STAFF_DESK,
  answerHelp: STAFF_DESK,
  officeOverview: ADMIN,

  printTestPage: ADMIN,
  printerConfig: ADMIN,
  setPrinterConfig: ADMIN,
  kioskPrinters: ADMIN,
  setKioskPrinter: ADMIN,
  kioskPrinterTest: ADMIN,
  announcementConfig: ADMIN,
  setAnnouncementConfig: ADMIN,
  langPacks: ADMIN,
  importLangPack: ADMIN,
  setLangPackScreens: ADMIN,
  deleteLangPack: ADMIN,
  voiceClips: ADMIN,
  saveVoiceClip: ADMIN,
  deleteVoiceClip: ADMIN,
  exportVoicePack: ADMIN,
  importVoicePack: ADMIN,
  voiceTestCall: ADMIN,
  boardsConfig: ADMIN,
  setBoardsConfig: ADMIN,
  reportSummary: ADMIN,
  officeSettings: ADMIN,
  setOfficeSettings: ADMIN,
  saveService: ADMIN,
  adminCounters: ADMIN,
  saveCounter: ADMIN,
  saveServiceGroup: ADMIN,
  saveZone: ADMIN,
  deleteServiceGroup: ADMIN,
  deleteZone: ADMIN,
  exportCatalogue: ADMIN,
  importCatalogue: ADMIN,
  adminOfficers: ADMIN,
  saveOfficer: ADMIN,
  changePassword: ADMIN,
  databaseRecovery: ADMIN,
  provinceLink: ADMIN,
  provinceJoin: ADMIN,
  provincePushNow: ADMIN,
  provinceCatalogue: ADMIN,
  provinceCatalogueApply: ADMIN,
  recoverNumbering: ADMIN,

  // Setup needs its one-time token, pairing its one-time code: both are checked by the handler.
  setupStatus: 'anyone',
  completeSetup: 'anyone',
  pairDevice: 'anyone',
  thisDevice: 'anyone',
  createPairingCode: ADMIN,
  listDevices: ADMIN,
  deviceAlerts: ADMIN,
  revokeDevice: ADMIN,
  setDeviceZone: ADMIN,
  appointmentRules: ADMIN,
  saveAppointmentRule: ADMIN,
  appointmentSlots: ADMIN,
  bookingsOfDay: ADMIN,
  createBooking: ADMIN,
  importBookings: ADMIN,
  cancelBookingStaff: ADMIN,
  // The counter that finds a wrong check-in sets it back, as the admin may.
  undoBookingCheckin: STAFF_DESK,
  // The citizen's own "cancel my booking", by code, at an enrolled kiosk (each code paid for first).
  cancelBooking: ['kiosk'],
};

/**
 * The file routes (report exports, backup, restore) stream files, so they sit beside the JSON
 * contract; they are judged by the same rule: an admin device first, then its admin session.
 */
export const fileRouteCallers = {
  reportExport: ADMIN,
  backup: ADMIN,
  restore: ADMIN,
} as const satisfies Record<string, readonly DeviceRole[]>;

/**
 * May this caller use the route? `role` is null for an anonymous caller. A phone may take a
 * number (and see the services) only when the office opened that explicitly.
 */
export function callerAllowed(route: RouteKey, role: DeviceRole | null, opts: { phonesMayTakeNumber?: boolean } = {}): boolean {
  const allowed = routeCallers[route];
  if (allowed === 'anyone') return true;
  if (role === null) return !!opts.phonesMayTakeNumber && (route === 'issueTicket' || route === 'listServices');
  return allowed.includes(role);
}
