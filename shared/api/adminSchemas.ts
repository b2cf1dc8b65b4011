import { z } from 'zod';
import { AnnouncementConfig, ZoneAnnouncementList } from '../announcementConfig';
import { CounterStatus, OfficeConfig, OpeningWindow, PriorityGroupDef, TicketState } from '../domain';
import { hoursProblems, hoursProblemText, isIsoDate } from '../openingHours';
import { PrinterConfig } from '../printerConfig';
import { duplicateCodes, isPublicBaseUrl, isTimeZone } from '../settingsRules';
import { TicketTemplate } from '../ticketTemplate';
import { patchOf } from './patch';

// Every admin write is a patch: an edit changes the fields it sends and nothing else. Creating a
// row (no id) takes the defaults below for what it does not send; the whole row is validated again
// after merging, so an edit can never leave a row that a fresh create would refuse.

const Name = z.string().trim().min(1).max(120);
const Id = z.number().int().positive().optional();

/** A short list a citizen reads standing at the kiosk, not the procedure's full dossier. */
const DocumentList = z.array(z.string().trim().min(1).max(160)).max(12);
const Documents = DocumentList.default([]);
const serviceFields = {
  code: z.string().trim().regex(/^[A-Z0-9_]{1,16}$/, 'mã: chữ in hoa, số'),
  nameVi: Name,
  nameEn: z.string().trim().max(120).default(''),
  prefix: z.string().regex(/^[A-Z]{1,3}$/, 'tiền tố: 1–3 chữ in hoa'),
  rangeStart: z.number().int().min(0).max(999_999).default(1),
  rangeEnd: z.number().int().min(1).max(999_999).default(999),
  dailyQuota: z.number().int().positive().nullable().default(null),
  hours: z.array(OpeningWindow).max(14).default([]),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  icon: z.string().max(40).default(''),
  alertMinutes: z.number().int().min(1).max(600).nullable().default(45),
  groupId: z.number().int().positive().nullable().default(null),
  descriptionVi: z.string().trim().max(300).default(''),
  descriptionEn: z.string().trim().max(300).default(''),
  documents: Documents,
  /** The same list in English; empty until the office translates it (the kiosk then shows `documents`). */
  documentsEn: Documents,
};
/** A whole service as stored: a new one (defaults filled) or an edited one after the merge. */
export const ServiceFields = z
  .strictObject(serviceFields)
  .refine((s) => s.rangeEnd >= s.rangeStart, { message: 'rangeEnd must be ≥ rangeStart', path: ['rangeEnd'] });
/**
 * Hours as the admin sends them: from before to, sessions of a day not overlapping, at most two a
 * day. Only a sent value is checked: hours stored by an earlier version still load and stay as they
 * are when an edit does not touch them.
 */
export const HoursInput = z
  .array(OpeningWindow)
  .max(14)
  .superRefine((hours, ctx) => {
    for (const p of hoursProblems(hours)) ctx.addIssue({ code: 'custom', message: hoursProblemText(p) });
  });
export const ServiceInput = patchOf(serviceFields).extend({ id: Id, hours: HoursInput.optional() }).strict();

const counterFields = {
  number: z.number().int().min(1).max(999),
  name: Name,
  active: z.boolean().default(true),
  /** In the order the counter calls them. */
  serviceIds: z.array(z.number().int().positive()).max(50),
  /** m009 gives every office zone 1; a centre adds more. */
  zoneId: z.number().int().positive().default(1),
};
export const CounterFields = z.strictObject(counterFields);
export const CounterInput = patchOf(counterFields).extend({ id: Id }).strict();

const officerFields = {
  name: Name,
  title: z.string().trim().max(120).default(''),
  photo: z.string().max(300_000).regex(/^(data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+)?$/).nullable().default(null),
  active: z.boolean().default(true),
};
export const OfficerFields = z.strictObject(officerFields);
/** `pin` is never read back; sent, it replaces the officer's PIN (a new officer needs one). */
export const OfficerInput = patchOf(officerFields)
  .extend({ id: Id, pin: z.string().regex(/^\d{4,8}$/).optional() })
  .strict();

const codeList = (max: number, min = 0) =>
  z
    .array(PriorityGroupDef)
    .min(min)
    .max(max)
    .refine((l) => duplicateCodes(l).length === 0, 'mã bị trùng');

/** Office holidays: real dates, each once (the screen sorts them; order carries no meaning). */
export const HolidayList = z
  .array(z.string())
  .max(400)
  .superRefine((days, ctx) => {
    const seen = new Set<string>();
    for (const d of days) {
      if (!isIsoDate(d)) ctx.addIssue({ code: 'custom', message: `ngày nghỉ không hợp lệ: ${d} (YYYY-MM-DD)` });
      else if (seen.has(d)) ctx.addIssue({ code: 'custom', message: `ngày nghỉ bị trùng: ${d}` });
      seen.add(d);
    }
  });

// Stricter than what the stored config is read with: a value saved by an older version still loads,
// but nothing new that would break the office (an unknown time zone, a QR that opens nothing) is saved.
export const OfficePatch = patchOf(OfficeConfig.shape)
  .extend({
    timeZone: z.string().refine(isTimeZone, 'múi giờ không hợp lệ').optional(),
    publicBaseUrl: z.string().max(300).refine(isPublicBaseUrl, 'địa chỉ phải bắt đầu bằng http:// hoặc https://').optional(),
    ratingReasons: codeList(30).optional(),
    priorityGroups: codeList(20).optional(),
    pauseReasons: codeList(20, 1).optional(),
    holidays: HolidayList.optional(),
    hours: HoursInput.optional(),
    ticketTemplate: TicketTemplate.refine((t) => t.some((l) => l.kind === 'text' && l.text.includes('{number}')), 'phiếu phải có dòng {number}').optional(),
  })
  .strict();
export const PrinterPatch = patchOf(PrinterConfig.shape);
export const AnnouncementPatch = patchOf(AnnouncementConfig.shape).extend({ zones: ZoneAnnouncementList.optional() }).strict();

export const PasswordBody = z.object({ password: z.string().min(8, 'ít nhất 8 ký tự').max(200) }).strict();

/** A kiosk's "Gọi nhân viên hỗ trợ" (#31): someone at it needs a person, shown on the counters. */
export const HelpRequest = z.object({
  id: z.number().int(),
  kioskName: z.string(),
  zoneId: z.number().int().nullable(),
  requestedAt: z.number(),
  answeredAt: z.number().nullable(),
  /** "Quầy 2 — Trần Văn Hùng": who said they are coming. */
  answeredBy: z.string().nullable(),
});
export const HelpRequestIdParam = z.object({ id: z.coerce.number().int().positive().max(1_000_000_000) }).strict();
export const WaitAlert = z.object({ ticketId: z.string(), number: z.string(), serviceId: z.number().int(), waitedMinutes: z.number().int(), thresholdMinutes: z.number().int() });

/** The manager's live view (#28 point 15): counters, the line of each service, and the wait alerts. */
export const OfficeOverview = z.object({
  now: z.number().int(),
  counters: z.array(
    z.object({
      id: z.number().int(),
      number: z.number().int(),
      name: z.string(),
      status: CounterStatus,
      officerName: z.string().nullable(),
      /** The citizen at the counter, and since when (served since, or called since). */
      current: z.object({ number: z.string(), state: TicketState, since: z.number().int() }).nullable(),
      pauseReason: z.string().nullable(),
      pausedSince: z.number().int().nullable(),
      servedToday: z.number().int(),
    }),
  ),
  lines: z.array(
    z.object({
      serviceId: z.number().int(),
      prefix: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      waiting: z.number().int(),
      oldestQueuedAt: z.number().int().nullable(),
      /** A new ticket's estimate; null while no open counter serves the service. */
      etaMinutes: z.number().int().nullable(),
      openCounters: z.number().int(),
      openNow: z.boolean(),
    }),
  ),
  alerts: z.array(WaitAlert),
});

const groupFields = {
  nameVi: Name,
  nameEn: z.string().trim().max(120).default(''),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  icon: z.string().max(40).default(''),
};
export const ServiceGroupFields = z.strictObject(groupFields);
export const ServiceGroupInput = patchOf(groupFields).extend({ id: Id }).strict();

const zoneFields = {
  nameVi: z.string().trim().min(1).max(80),
  nameEn: z.string().trim().max(80).default(''),
  sortOrder: z.number().int().min(0).max(1000).default(0),
};
export const ZoneFields = z.strictObject(zoneFields);
export const ZoneInput = patchOf(zoneFields).extend({ id: Id }).strict();

/** The group or zone a delete route names in its path. */
export const CatalogueIdParam = z.object({ id: z.coerce.number().int().positive().max(1_000_000) }).strict();
/** A deleted group's procedures stay, ungrouped: their codes, so the admin sees what moved. */
export const GroupDeleted = z.object({ ok: z.literal(true), ungrouped: z.array(z.string()) });
/** A deleted zone's kiosks and displays serve the whole office again: their device ids. */
export const ZoneDeleted = z.object({ ok: z.literal(true), devicesToWholeOffice: z.array(z.number().int()) });

/** One procedure of an imported spreadsheet (shared/catalogueSheet.ts); `group` by name, '' for none. */
export const CatalogueRow = z.strictObject({
  code: serviceFields.code,
  group: z.string().trim().max(120).default(''),
  nameVi: Name,
  nameEn: serviceFields.nameEn,
  prefix: serviceFields.prefix,
  descriptionVi: serviceFields.descriptionVi,
  documents: serviceFields.documents,
  /** Absent when the sheet has no English documents column (one exported before m013): what is stored stays. */
  documentsEn: DocumentList.optional(),
});
export const CatalogueImport = z.strictObject({ rows: z.array(CatalogueRow).min(1).max(500) });
export const CatalogueImportResult = z.object({ created: z.number().int(), updated: z.number().int(), groupsCreated: z.number().int() });

/** After a damaged write-ahead log (#27): what each source says about today's last numbers, per service. */
export const RecoveryView = z.object({
  damaged: z.boolean(),
  damage: z.object({ detectedAt: z.number(), reason: z.string(), detail: z.string(), walCopy: z.string() }).nullable(),
  latestBackup: z.string().nullable(),
  businessDay: z.string(),
  services: z.array(
    z.object({
      serviceId: z.number().int(),
      name: z.string(),
      prefix: z.string(),
      inDatabase: z.number().int().nullable(),
      inLog: z.number().int().nullable(),
      inDamagedLog: z.number().int().nullable(),
      suggested: z.number().int(),
    }),
  ),
});

/** The admin's confirmation: per service, the highest number seen on paper today (numbering resumes above). */
export const RecoverNumberingBody = z
  .object({ floors: z.array(z.object({ serviceId: z.number().int().positive(), lastSeq: z.number().int().min(0).max(999_999) }).strict()).max(500) })
  .strict();

/** The office's link to its province hub (#29), as the admin's "Kết nối tỉnh" tab shows it. */
export const ProvinceLinkView = z.object({
  joined: z.boolean(),
  hubUrl: z.string().nullable(),
  officeId: z.string().nullable(),
  officeName: z.string().nullable(),
  joinedAt: z.number().nullable(),
  lastPushAt: z.number().nullable(),
  lastError: z.string().nullable(),
  /** Events recorded here that the hub has not acknowledged yet. */
  pendingEvents: z.number().int().min(0),
  generation: z.string().nullable(),
  generationReason: z.string().nullable(),
  /** The newest catalogue version pulled from the province (its panel reloads when this moves). */
  cataloguePulled: z.number().int().nullable(),
  /** Why the last pull of the catalogue failed, in Vietnamese; null when it worked. */
  catalogueError: z.string().nullable(),
});
const FieldChange = z.object({ field: z.enum(['nameVi', 'nameEn', 'documents', 'documentsEn']), local: z.union([z.string(), z.array(z.string())]), province: z.union([z.string(), z.array(z.string())]) });
const CatalogueItem = z.object({
  code: z.string(),
  nameVi: z.string(),
  field: z.string(),
  serviceId: z.number().int().nullable(),
  serviceName: z.string().nullable(),
  updates: z.array(FieldChange),
  conflicts: z.array(FieldChange),
  newLink: z.boolean(),
});
/** The province's catalogue at this office (#29): what the province published, what the office runs, and what applying would do. */
export const ProvinceCatalogueView = z.object({
  published: z.object({ version: z.number().int(), publishedAt: z.number(), receivedAt: z.number(), procedures: z.number().int() }).nullable(),
  applied: z.object({ version: z.number().int(), appliedAt: z.number() }).nullable(),
  diff: z
    .object({
      added: z.array(CatalogueItem),
      changed: z.array(CatalogueItem),
      conflicts: z.array(CatalogueItem),
      removed: z.array(z.object({ code: z.string(), serviceId: z.number().int(), serviceName: z.string() })),
      unchanged: z.number().int(),
    })
    .nullable(),
  /** Why the last pull failed, in Vietnamese; null when it worked. */
  pullError: z.string().nullable(),
});
/** Apply version N: per conflicting procedure (by code), keep the office's values or take the province's. */
export const ProvinceCatalogueApplyBody = z.strictObject({
  version: z.number().int().positive(),
  choices: z.record(z.string().max(40), z.enum(['local', 'province'])).default({}),
});
export const ProvinceCatalogueApplyResult = z.object({
  result: z.object({ version: z.number().int(), added: z.number().int(), updated: z.number().int(), keptLocal: z.number().int(), tookProvince: z.number().int(), unlinked: z.number().int() }),
  view: ProvinceCatalogueView,
});
export const ProvinceJoinBody = z.strictObject({ hubUrl: z.string().trim().min(4).max(300), code: z.string().trim().min(4).max(40) });
