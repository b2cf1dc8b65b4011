import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEVICE_ROLES } from '../../../shared/api/access';
import { contract } from '../../../shared/api/contract';
import type { RouteName } from '../../../shared/api/contract';
import { CounterBoard, HallBoard } from '../../../shared/boardConfig';
import { Service } from '../../../shared/domain';
import { DEFAULT_TICKET_TEMPLATE } from '../../../shared/ticketTemplate';
import type { Host } from '../../../electron/host/host';
import { TEST_ADMIN_PASSWORD, deviceClient, enrollDevice } from '../../helpers/devices';
import type { HttpClient } from '../../helpers/httpClient';
import { pick, prng } from '../../helpers/prng';
import { tempHost } from '../../helpers/tempHost';
import { startHub } from '../../../hub/hub';
import type { Hub } from '../../../hub/hub';
import { hubPostgresPerFile } from '../../helpers/hubPostgres';
import { shapeOf, someKeys, valueFor } from '../../helpers/zodValues';
import { CatalogueCopy } from '../../../electron/host/province/catalogueCopy';
import { catalogueDiff } from '../../../shared/provinceCatalogue';
import type { CatalogueDiff, LocalService } from '../../../shared/provinceCatalogue';
import type { Rnd, ValueOverrides } from '../../helpers/zodValues';
import { VOICE_CLIPS } from '../../../shared/voiceClips';
import { writeZip } from '../../../shared/zipArchive';
import { toneWav } from '../../helpers/voiceWav';
import viCatalog from '../../../shared/locales/vi.json';
import { flattenCatalog } from '../../../shared/i18n/langPack';

// Property: every admin write changes exactly what it was sent. For each admin write route of the
// contract, random valid bodies (a few fields of a settings object, or one entity's fields), then
// everything an admin can read back is compared with what it was plus exactly the sent change.
// A refused write must change nothing at all. Routes come from the contract: a new admin POST
// route fails the first test until it is given a spec here.

let host: Host;
let admin: HttpClient;

beforeAll(async () => {
  host = await tempHost();
  admin = deviceClient(host, 'admin');
  expect((await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200);
  // Paired devices for revokeDevice to act on (never the admin's own browser: the test would lock itself out).
  for (const [role, counterId] of [['kiosk', null], ['display', null], ['counter', 1], ['counter', 2], ['rating', 1], ['rating', 3], ['kiosk', null], ['display', null]] as const) enrollDevice(host, role, counterId);
});
afterAll(async () => {
  await host.close();
});

type Obj = Record<string, unknown>;
interface State {
  office: Obj;
  printer: Obj;
  announcements: Obj;
  boards: Obj[];
  services: Obj[];
  counters: Obj[];
  officers: Obj[];
  devices: Obj[];
  serviceGroups: Obj[];
  zones: Obj[];
  /** Each kiosk's own printer setting (its live status is the printer's, not a setting). */
  kioskPrinters: Obj[];
  /** The recorded voice clips (#31). */
  voice: Obj[];
  /** Office language packs (#31). */
  langPacks: Obj[];
  /** Each service's appointment rule, and every booking as stored (#30; `changed_at` is bookkeeping). */
  appointmentRules: Obj[];
  bookings: Obj[];
}

const SERVICE_FIELDS = Object.keys(Service.shape);
const byId = (rows: Obj[]) => [...rows].sort((a, b) => (a.id as number) - (b.id as number));
const only = (o: Obj, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

async function get(p: string) {
  const r = await admin.get(p);
  expect(r.status, p).toBe(200);
  return r.body;
}

async function readState(): Promise<State> {
  const [office, printer, announcements, boards, services, counters, officers, devices, kioskPrinters, serviceGroups, zones, voice, lang, appointmentRules] = await Promise.all(
    ['/api/admin/office', '/api/admin/printer', '/api/admin/announcements', '/api/admin/boards', '/api/services', '/api/admin/counters', '/api/admin/officers', '/api/admin/devices', '/api/admin/kiosk-printers', '/api/service-groups', '/api/zones', '/api/admin/voice', '/api/admin/lang', '/api/admin/appointments/rules'].map(get),
  );
  return {
    office,
    printer,
    announcements,
    boards: boards.boards,
    services: byId((services as Obj[]).map((s) => only(s, SERVICE_FIELDS))),
    counters: byId(counters),
    officers: byId(officers),
    // Last seen is a hint the host refreshes on use (the admin's own reads), not something a write sets.
    devices: byId((devices as Obj[]).map(({ lastSeenAt: _seen, lastAddress: _address, ...d }) => d)),
    kioskPrinters: (kioskPrinters as Obj[]).map((k) => only(k, ['deviceId', 'config'])),
    serviceGroups: byId(serviceGroups),
    zones: byId(zones),
    voice: voice.clips,
    langPacks: lang.packs,
    appointmentRules,
    bookings: (host.db.prepare('SELECT * FROM bookings ORDER BY code').all() as Obj[]).map(({ changed_at: _c, ...b }) => b),
  };
}

const auditCount = () => (host.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'config.changed'").get() as { n: number }).n;
const adminHash = () => (host.db.prepare("SELECT value FROM settings WHERE key = 'admin'").get() as { value: string }).value;

const tmp = os.tmpdir();
const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const dataUrl = (rnd: Rnd) => (rnd() < 0.3 ? '' : TINY_PNG);
const letters = (rnd: Rnd, n: number, from = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') => Array.from({ length: n }, () => pick(rnd, [...from])).join('');
const digits = (rnd: Rnd, n: number) => letters(rnd, n, '0123456789');

/** Values the schemas cannot be read for: patterned strings and fields that reach real devices. */
function overrides(state: () => State): ValueOverrides {
  const codeList = (rnd: Rnd) => Array.from({ length: 1 + Math.floor(rnd() * 5) }, (_, i) => ({ code: `r${i}_${letters(rnd, 4, 'abcdefghijklmnopqrstuvwxyz0123456789')}`, vi: pick(rnd, ['Nghỉ giải lao', 'Người cao tuổi', 'Cán bộ nhiệt tình']), en: pick(rnd, ['Break', 'Elderly', 'Helpful']) }));
  return {
    paths: {
      timeZone: (rnd) => pick(rnd, ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'UTC', 'Không/CóThật']),
      publicBaseUrl: (rnd) => pick(rnd, ['', 'http://192.168.1.10:8080', 'https://motcua.phuong-hoabinh.gov.vn', 'http://10.0.0.5/', 'không phải địa chỉ']),
      ticketTemplate: (rnd) => {
        const lines = DEFAULT_TICKET_TEMPLATE.filter((l, i) => l.text === '{number}' || i % 2 === 0 || rnd() < 0.5);
        return lines.map((l) => (l.text === '{office}' ? { ...l, text: pick(rnd, ['{office}', 'UBND {office}']), size: 1 + Math.floor(rnd() * 2) } : l));
      },
      ratingReasons: codeList,
      priorityGroups: codeList,
      pauseReasons: codeList,
      rangeStart: (rnd) => Math.floor(rnd() * 50),
      rangeEnd: (rnd) => (rnd() < 0.2 ? 1 + Math.floor(rnd() * 30) : 100 + Math.floor(rnd() * 900)),
      serviceIds: (rnd) => state().services.map((s) => s.id as number).filter(() => rnd() < 0.5),
      // Now and then a group or zone that does not exist: refused, nothing written.
      groupId: (rnd) => (rnd() < 0.3 ? null : rnd() < 0.1 ? 999 : pick(rnd, [...state().serviceGroups.map((g) => g.id as number), 999])),
      zoneId: (rnd) => (rnd() < 0.1 ? 999 : pick(rnd, state().zones.map((z) => z.id as number))),
      documents: (rnd) => ['Căn cước công dân', 'Tờ khai theo mẫu', 'Giấy chứng nhận quyền sử dụng đất'].filter(() => rnd() < 0.5),
      documentsEn: (rnd) => ['ID card', 'Application form', 'Land use right certificate'].filter(() => rnd() < 0.5),
      transport: (rnd) =>
        pick(rnd, [
          { kind: 'none' },
          { kind: 'file', path: path.join(tmp, `motcua-prop-${digits(rnd, 6)}.bin`) },
          { kind: 'tcp', host: '127.0.0.1', port: 1 + Math.floor(rnd() * 60000) },
          { kind: 'serial', path: path.join(tmp, `no-such-tty-${digits(rnd, 4)}`), baudRate: pick(rnd, [9600, 19200, 115200]) },
          // A kiosk's print agent: any of the office's kiosks (now and then one that is not a kiosk: refused).
          { kind: 'agent', deviceId: pick(rnd, state().devices.filter((d) => d.role === 'kiosk' || rnd() < 0.1).map((d) => d.id as number)) },
        ]),
      'boards[].port': (rnd) => path.join(tmp, `no-such-rs485-${digits(rnd, 3)}`),
      'boards[].counterId': (rnd) => pick(rnd, state().counters.map((c) => c.id as number)),
      // A hall board's zone (now and then one that does not exist: refused); addresses as the form offers them.
      'boards[].zoneId': (rnd) => (rnd() < 0.1 ? 999 : pick(rnd, state().zones.map((z) => z.id as number))),
      'boards[].address': (rnd) => 1 + Math.floor(rnd() * 32),
      'zones[].zoneId': (rnd) => (rnd() < 0.1 ? 999 : pick(rnd, state().zones.map((z) => z.id as number))),
    },
    patterns: {
      '^[a-z][a-z0-9_]{0,31}$': (rnd) => `c_${letters(rnd, 5, 'abcdefghijklmnopqrstuvwxyz')}`,
      '^([01]\\d|2[0-3]):[0-5]\\d$': (rnd) => `${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${pick(rnd, ['00', '15', '30', '45'])}`,
      '^[A-Z0-9_]{1,16}$': (rnd) => `X${digits(rnd, 4)}`,
      '^[A-Z]{1,3}$': (rnd) => letters(rnd, 1 + Math.floor(rnd() * 3)),
      // Six digits: the office has not allowed short PINs (issue #13).
      '^\\d{4,8}$': (rnd) => digits(rnd, 6),
      '^(data:image\\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+)?$': dataUrl,
    },
  };
}

/** Parse each sent field with its own schema: what the host is expected to store for it (trimmed etc.). */
function normalized(shape: Record<string, z.ZodType>, body: Obj): Obj {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, shape[k]!.parse(v)]));
}

interface WriteSpec {
  iterations: number;
  /** Set the office up for this iteration (through the admin API) before the state is read. */
  prepare?(rnd: Rnd, s: State): Promise<void>;
  /** The path to post to, for routes with a parameter. */
  path?(rnd: Rnd, s: State): string;
  /** Whether an accepted write appears in the event log as config.changed. */
  audited: boolean;
  body(rnd: Rnd, s: State): Obj | undefined;
  /** The state after the accepted write, from the state before, the body and the response. */
  expect(s: State, body: Obj | undefined, response: Obj): State;
}

function settingsPatch(route: RouteName, key: 'office' | 'printer' | 'announcements', iterations: number, state: () => State): WriteSpec {
  const shape = shapeOf(contract[route].body);
  return {
    iterations,
    audited: true,
    body: (rnd) => Object.fromEntries(someKeys(rnd, Object.keys(shape)).map((k) => [k, valueFor(shape[k]!, rnd, overrides(state), k)])),
    expect: (s, body) => ({ ...s, [key]: { ...s[key], ...normalized(shape, body ?? {}) } }),
  };
}

/** saveService / saveCounter / saveOfficer: edit a few fields of one row, or create a row with all of them. */
function entityWrite(route: RouteName, key: 'services' | 'counters' | 'officers' | 'serviceGroups' | 'zones', iterations: number, state: () => State, view: (sent: Obj) => Obj = (x) => x): WriteSpec {
  const shape = shapeOf(contract[route].body);
  const fields = Object.keys(shape).filter((k) => k !== 'id');
  return {
    iterations,
    audited: true,
    body: (rnd, s) => {
      const o = overrides(state);
      const rows = s[key];
      if (rows.length === 0 || rnd() < 0.2) return Object.fromEntries(fields.map((k) => [k, valueFor(shape[k]!, rnd, o, k)]));
      const row = pick(rnd, rows);
      // A PIN costs a scrypt hash: keep it to a few of the officer edits.
      const editable = fields.filter((k) => k !== 'pin' || rnd() < 0.2);
      return { id: row.id, ...Object.fromEntries(someKeys(rnd, editable).map((k) => [k, valueFor(shape[k]!, rnd, o, k)])) };
    },
    expect: (s, body, response) => {
      const sent = view(normalized(shape, body ?? {}));
      const rows = body?.id === undefined ? [...s[key], { ...only(response, Object.keys(s[key][0] ?? response)), ...sent, id: response.id }] : s[key].map((r) => (r.id === body.id ? { ...r, ...sent } : r));
      return { ...s, [key]: rows };
    },
  };
}

function boardsWrite(iterations: number, state: () => State): WriteSpec {
  const boardsSchema = shapeOf(contract.setBoardsConfig.body).boards!;
  const board = (boardsSchema as unknown as { element: z.ZodType }).element;
  const shapes = { counter: shapeOf(CounterBoard), hall: shapeOf(HallBoard) };
  return {
    iterations,
    audited: true,
    body: (rnd, s) => {
      const o = overrides(state);
      const boards = s.boards.map((b) => ({ ...b }));
      const op = rnd();
      if (boards.length === 0 || op < 0.25) boards.push(valueFor(board, rnd, o, 'boards[]') as Obj);
      else if (op < 0.4) boards.splice(Math.floor(rnd() * boards.length), 1);
      else {
        // One field of one board, as the form edits it (a board does not change its kind).
        const b = pick(rnd, boards);
        const boardShape = shapes[b.kind as 'counter' | 'hall'];
        const k = pick(rnd, Object.keys(boardShape).filter((f) => f !== 'kind'));
        b[k] = valueFor(boardShape[k]!, rnd, o, `boards[].${k}`);
      }
      return { boards };
    },
    expect: (s, body) => ({ ...s, boards: boardsSchema.parse(body?.boards) as Obj[] }),
  };
}

/** Pairing codes: valid for a role (and counter, for counter PCs and tablets); nothing the admin reads changes until a device pairs. */
function pairingCodeWrite(iterations: number): WriteSpec {
  return {
    iterations,
    audited: true,
    body: (rnd, s) => {
      const role = pick(rnd, DEVICE_ROLES);
      const needsCounter = role === 'counter' || role === 'rating';
      const counterId = needsCounter === rnd() < 0.85 ? pick(rnd, [...s.counters.map((c) => c.id as number), 999]) : null;
      // A zone for a kiosk or display (m012); now and then one that does not exist or a role that has none: refused.
      const zoned = role === 'kiosk' || role === 'display';
      const zoneId = zoned === rnd() < 0.85 && rnd() < 0.6 ? pick(rnd, [...s.zones.map((z) => z.id as number), 999]) : null;
      return { role, counterId, name: pick(rnd, ['', 'Máy quầy 1', 'Kiosk sảnh']), zoneId };
    },
    expect: (s) => s,
  };
}

/** Revoking one of the office's devices (now and then one that is gone or already revoked). */
function revokeWrite(iterations: number): WriteSpec {
  return {
    iterations,
    audited: true,
    path: (rnd, s) => {
      const others = s.devices.filter((d) => d.role !== 'admin').map((d) => d.id as number);
      return `/api/admin/devices/${rnd() < 0.1 ? 999_999 : pick(rnd, others)}/revoke`;
    },
    body: () => undefined,
    // A revoked kiosk's own printer is forgotten with it.
    expect: (s, _body, response) => ({
      ...s,
      devices: s.devices.map((d) => (d.id === response.id ? { ...d, revokedAt: response.revokedAt } : d)),
      kioskPrinters: s.kioskPrinters.filter((k) => k.deviceId !== response.id),
    }),
  };
}

/** A kiosk's or display's zone (now and then a counter PC, or a zone that does not exist: refused). */
function deviceZoneWrite(iterations: number): WriteSpec {
  let target = 0;
  return {
    iterations,
    audited: true,
    path: (rnd, s) => {
      const zoned = s.devices.filter((d) => (d.role === 'kiosk' || d.role === 'display') && d.revokedAt === null);
      target = (rnd() < 0.1 || zoned.length === 0 ? pick(rnd, s.devices.filter((d) => d.role === 'counter')) : pick(rnd, zoned)).id as number;
      return `/api/admin/devices/${target}/zone`;
    },
    body: (rnd, s) => ({ zoneId: rnd() < 0.3 ? null : rnd() < 0.1 ? 999 : pick(rnd, s.zones.map((z) => z.id as number)) }),
    expect: (s, body) => ({ ...s, devices: s.devices.map((d) => (d.id === target ? { ...d, zoneId: body?.zoneId } : d)) }),
  };
}

/** Deleting a department: its services stay, ungrouped (now and then one that is gone: refused). */
function groupDeleteWrite(iterations: number): WriteSpec {
  let target = 0;
  return {
    iterations,
    audited: true,
    prepare: async (rnd, s) => {
      if (s.serviceGroups.length > 0 && rnd() < 0.5) return;
      const g = await admin.post('/api/admin/service-groups', { nameVi: pick(rnd, ['Sở Tư pháp', 'Đất đai', 'Hộ tịch']) });
      for (const svc of s.services.filter(() => rnd() < 0.3)) await admin.post('/api/admin/services', { id: svc.id, groupId: g.body.id });
    },
    path: (rnd, s) => {
      target = rnd() < 0.1 || s.serviceGroups.length === 0 ? 999 : (pick(rnd, s.serviceGroups).id as number);
      return `/api/admin/service-groups/${target}/delete`;
    },
    body: () => undefined,
    expect: (s) => ({
      ...s,
      serviceGroups: s.serviceGroups.filter((g) => g.id !== target),
      services: s.services.map((svc) => (svc.groupId === target ? { ...svc, groupId: null } : svc)),
    }),
  };
}

/** Deleting a zone: refused while it has counters or is the last; its kiosks and displays go back to the whole office. */
function zoneDeleteWrite(iterations: number): WriteSpec {
  let target = 0;
  const empty = (s: State) => s.zones.filter((z) => !s.counters.some((c) => c.zoneId === z.id));
  return {
    iterations,
    audited: true,
    prepare: async (rnd, s) => {
      if (empty(s).length > 0 && rnd() < 0.5) return;
      const z = await admin.post('/api/admin/zones', { nameVi: pick(rnd, ['Tầng 2', 'Sảnh B', 'Khu C']) });
      const zoned = s.devices.filter((d) => (d.role === 'kiosk' || d.role === 'display') && d.revokedAt === null);
      for (const d of zoned.filter(() => rnd() < 0.5)) await admin.post(`/api/admin/devices/${d.id as number}/zone`, { zoneId: z.body.id });
    },
    path: (rnd, s) => {
      const free = empty(s);
      target = rnd() < 0.8 && free.length > 0 ? (pick(rnd, free).id as number) : rnd() < 0.5 ? 999 : (pick(rnd, s.zones).id as number);
      return `/api/admin/zones/${target}/delete`;
    },
    body: () => undefined,
    expect: (s) => ({ ...s, zones: s.zones.filter((z) => z.id !== target), devices: s.devices.map((d) => (d.zoneId === target ? { ...d, zoneId: null } : d)) }),
  };
}

/** One kiosk's own printer: a patch of its setting; a device that is not a kiosk is 404. */
function kioskPrinterWrite(iterations: number, state: () => State): WriteSpec {
  const shape = shapeOf(contract.setKioskPrinter.body);
  let target = 0;
  return {
    iterations,
    audited: true,
    path: (rnd, s) => {
      const kiosks = s.kioskPrinters.map((k) => k.deviceId as number);
      target = rnd() < 0.1 ? pick(rnd, s.devices.filter((d) => d.role === 'display').map((d) => d.id as number)) : pick(rnd, kiosks);
      return `/api/admin/kiosk-printers/${target}`;
    },
    body: (rnd) => Object.fromEntries(someKeys(rnd, Object.keys(shape)).map((k) => [k, valueFor(shape[k]!, rnd, overrides(state), k)])),
    expect: (s, body) => ({
      ...s,
      kioskPrinters: s.kioskPrinters.map((k) => (k.deviceId === target ? { ...k, config: { ...(k.config as Obj), ...normalized(shape, body ?? {}) } } : k)),
    }),
  };
}

/** A spreadsheet re-importing some of the office's procedures (now and then one code twice: refused). */
function catalogueImportWrite(iterations: number): WriteSpec {
  const row = (contract.importCatalogue.body as unknown as { shape: { rows: { element: z.ZodType } } }).shape.rows.element;
  return {
    iterations,
    audited: true,
    body: (rnd, s) => {
      const picked = s.services.filter(() => rnd() < 0.4).slice(0, 3);
      const chosen = picked.length > 0 ? picked : [pick(rnd, s.services)];
      const rows = chosen.map((svc) => ({
        code: svc.code,
        group: '',
        nameVi: pick(rnd, ['Hộ tịch', 'Chứng thực bản sao', ' Đăng ký đất đai ']),
        nameEn: pick(rnd, ['', 'Civil status', 'Land']),
        prefix: letters(rnd, 1 + Math.floor(rnd() * 2)),
        descriptionVi: pick(rnd, ['', 'Mang bản chính để đối chiếu']),
        documents: ['Căn cước công dân', 'Tờ khai theo mẫu'].filter(() => rnd() < 0.5),
        // A sheet from before m013 has no English documents column: the row leaves them as stored.
        ...(rnd() < 0.5 ? { documentsEn: ['ID card', 'Application form'].filter(() => rnd() < 0.5) } : {}),
      }));
      if (rnd() < 0.15) rows.push({ ...rows[0]! });
      return { rows };
    },
    expect: (s, body) => {
      const rows = ((body?.rows ?? []) as unknown[]).map((r) => row.parse(r) as Obj);
      return {
        ...s,
        services: s.services.map((svc) => {
          const r = rows.find((x) => x.code === svc.code);
          return r ? { ...svc, nameVi: r.nameVi, nameEn: r.nameEn, prefix: r.prefix, descriptionVi: r.descriptionVi, documents: r.documents, ...(r.documentsEn ? { documentsEn: r.documentsEn } : {}), groupId: null } : svc;
        }),
      };
    },
  };
}

/** Writes that change no setting an admin reads back: the state must stay exactly as it was. */
/** The order the host lists recorded clips in: scope folder, then language, then the clip list's order. */
const clipOrder = (a: Obj, b: Obj) => {
  const rank = (c: Obj) => VOICE_CLIPS[c.lang as 'vi' | 'en'].findIndex((x) => x.id === c.clip);
  return String(a.scope) < String(b.scope) ? -1 : String(a.scope) > String(b.scope) ? 1 : a.lang !== b.lang ? (a.lang === 'vi' ? -1 : 1) : rank(a) - rank(b);
};
const sameClip = (a: Obj, b: Obj) => a.scope === b.scope && a.lang === b.lang && a.clip === b.clip;
const scopeOf = (zoneId: number | null) => (zoneId === null ? 'office' : `zone-${zoneId}`);
/** A zone of the office (now and then the office's own set, or a zone that does not exist: refused). */
const voiceZone = (rnd: Rnd, s: State) => (rnd() < 0.4 ? null : rnd() < 0.1 ? 999 : pick(rnd, s.zones.map((z) => z.id as number)));
const voiceClip = (rnd: Rnd, lang: 'vi' | 'en') => (rnd() < 0.08 ? 'xin_chao' : pick(rnd, VOICE_CLIPS[lang].map((c) => c.id)));

/** Recording one clip: a short WAV (now and then one that is not audio, too long, or an unknown clip). */
function voiceSaveWrite(iterations: number): WriteSpec {
  return {
    iterations,
    audited: true,
    body: (rnd, s) => {
      const lang = pick(rnd, ['vi', 'en'] as const);
      const bad = rnd();
      const wav = bad < 0.06 ? Buffer.from('not a wav file at all '.repeat(8)) : bad < 0.1 ? toneWav({ tone: 10.2, rate: 8000 }) : toneWav({ tone: 0.2 + Math.floor(rnd() * 8) / 10, freq: 300 + Math.floor(rnd() * 400) });
      return { zoneId: voiceZone(rnd, s), lang, clip: voiceClip(rnd, lang), wav: wav.toString('base64') };
    },
    expect: (s, _body, response) => {
      const kept = only(response, ['scope', 'zoneId', 'lang', 'clip', 'seconds', 'bytes']);
      return { ...s, voice: [...s.voice.filter((c) => !sameClip(c, kept)), kept].sort(clipOrder) };
    },
  };
}

/** Back to the generated voice: one recorded clip, or one never recorded (accepted, nothing to delete). */
function voiceDeleteWrite(iterations: number): WriteSpec {
  return {
    iterations,
    audited: true,
    body: (rnd, s) => {
      if (s.voice.length > 0 && rnd() < 0.7) {
        const c = pick(rnd, s.voice);
        return { zoneId: c.zoneId, lang: c.lang, clip: c.clip };
      }
      const lang = pick(rnd, ['vi', 'en'] as const);
      return { zoneId: voiceZone(rnd, s), lang, clip: voiceClip(rnd, lang) };
    },
    expect: (s, body) => ({ ...s, voice: s.voice.filter((c) => !sameClip(c, { scope: scopeOf(body?.zoneId as number | null), lang: body?.lang, clip: body?.clip })) }),
  };
}

/** What the last pack body holds, as the host should list it once imported. */
let packClips: Obj[] = [];
/** A pack replaces the whole recorded set: a few clips for the office and the zones, by zone name. */
function voicePackWrite(iterations: number): WriteSpec {
  return {
    iterations,
    audited: true,
    body: (rnd, s) => {
      const clips = new Map<string, { zone: Obj | null; lang: 'vi' | 'en'; clip: string; wav: Buffer }>();
      for (let i = Math.floor(rnd() * 5); i > 0; i--) {
        const zone = rnd() < 0.5 ? null : pick(rnd, s.zones);
        const lang = pick(rnd, ['vi', 'en'] as const);
        const clip = pick(rnd, VOICE_CLIPS[lang].map((c) => c.id));
        clips.set(`${zone?.id ?? 'office'}/${lang}/${clip}`, { zone, lang, clip, wav: toneWav({ tone: 0.1 + Math.floor(rnd() * 5) / 10 }) });
      }
      const list = [...clips.values()].map((c, i) => ({ ...c, file: `${i}.wav` }));
      // Now and then a bad clip among the good ones: the whole pack is refused.
      const broken = rnd() < 0.1 && list.length > 0;
      const manifest = { format: 'motcua-voice', version: 1, clips: list.map((c) => ({ zone: c.zone ? c.zone.nameVi : null, lang: c.lang, clip: c.clip, seconds: 0, file: c.file })) };
      const zip = writeZip([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...list.map((c, i) => ({ name: c.file, data: broken && i === 0 ? Buffer.from('broken'.repeat(20)) : c.wav }))]);
      packClips = list.map((c) => ({ scope: scopeOf((c.zone?.id as number | undefined) ?? null), zoneId: c.zone?.id ?? null, lang: c.lang, clip: c.clip, seconds: Math.round(((c.wav.length - 44) / 2 / 22050) * 100) / 100, bytes: c.wav.length }));
      return { zip: Buffer.from(zip).toString('base64') };
    },
    expect: (s) => ({ ...s, voice: [...packClips].sort(clipOrder) }),
  };
}

// Language packs (#31): a random subset of the catalog's keys, now and then one whose argument
// is dropped (refused whole); screens turned on and off; packs deleted, or a code that has none.
const PACK_CODES = ['km', 'hmn', 'tdd-Latn'];
const flatCatalog = flattenCatalog(viCatalog);
const catalogKeys = Object.keys(flatCatalog);
const packZip = (rnd: Rnd, code: string, broken: boolean) => {
  const messages: Record<string, string> = {};
  for (const k of catalogKeys) if (rnd() < 0.3) messages[k] = broken && Object.keys(messages).length === 0 && (flatCatalog[k] ?? '').includes('{') ? 'mất chỗ điền' : `[${flatCatalog[k]}]`;
  const meta = { code, name: `Thử ${code}`, dir: 'ltr', font: 'Be Vietnam Pro', sample: true };
  return writeZip([{ name: 'messages.json', data: Buffer.from(JSON.stringify(messages)) }, { name: 'meta.json', data: Buffer.from(JSON.stringify(meta)) }]);
};
const withPack = (s: State, view: Obj) => [...s.langPacks.filter((p) => p.code !== view.code), view].sort((a, b) => String(a.code).localeCompare(String(b.code)));
const langImportWrite = (iterations: number): WriteSpec => ({
  iterations,
  audited: true,
  body: (rnd) => ({ zip: Buffer.from(packZip(rnd, pick(rnd, PACK_CODES), rnd() < 0.15)).toString('base64') }),
  expect: (s, _body, response) => ({ ...s, langPacks: withPack(s, response) }),
});
const langScreensWrite = (iterations: number): WriteSpec => ({
  iterations,
  audited: true,
  prepare: async (rnd, s) => {
    if (s.langPacks.length === 0) expect((await admin.post('/api/admin/lang', { zip: Buffer.from(packZip(rnd, pick(rnd, PACK_CODES), false)).toString('base64') })).status).toBe(200);
  },
  body: (rnd, s) => ({ code: rnd() < 0.9 ? (pick(rnd, s.langPacks).code as string) : 'lo', screens: { kiosk: rnd() < 0.5, track: rnd() < 0.5, rating: rnd() < 0.5, display: rnd() < 0.3 } }),
  expect: (s, body) => ({ ...s, langPacks: s.langPacks.map((p) => (p.code === body?.code ? { ...p, screens: body?.screens } : p)) }),
});
const langDeleteWrite = (iterations: number): WriteSpec => ({
  iterations,
  audited: true,
  prepare: async (rnd, s) => {
    if (s.langPacks.length < 2) expect((await admin.post('/api/admin/lang', { zip: Buffer.from(packZip(rnd, pick(rnd, PACK_CODES), false)).toString('base64') })).status).toBe(200);
  },
  body: (rnd, s) => ({ code: rnd() < 0.8 ? (pick(rnd, s.langPacks).code as string) : 'lo' }),
  expect: (s, body) => ({ ...s, langPacks: s.langPacks.filter((p) => p.code !== body?.code) }),
});

const changesNothing = (iterations: number, audited: boolean, body: (rnd: Rnd) => Obj | undefined): WriteSpec => ({ iterations, audited, body, expect: (s) => s });

// Joining the province (#29) needs a province: a real hub on a real PostgreSQL, a fresh one-time code
// per try. The link lives beside the database, so none of the office's settings may change.
const provincePg = hubPostgresPerFile();
let provinceHub: Hub | undefined;
let joinCode = '';
afterAll(async () => {
  await provinceHub?.close();
});
const provinceJoinWrite = (iterations: number): WriteSpec => ({
  iterations,
  audited: false,
  prepare: async () => {
    provinceHub ??= await startHub({ port: 0, databaseUrl: await provincePg.database(), log: () => undefined });
    joinCode = (await provinceHub.offices.add('UBND phường thử')).code;
  },
  body: (rnd) => ({ hubUrl: `http://127.0.0.1:${provinceHub?.port}`, code: pick(rnd, [joinCode, joinCode.toLowerCase(), joinCode.replace(/-/g, ' ')]) }),
  expect: (s) => s,
});

/**
 * Applying the province's catalogue (#29): a version the office holds (stored as a pull stores it)
 * ties some services by code or name and changes their names and documents; each conflict gets a
 * random side. Only the fields the diff names change; a missing choice or an unknown version is
 * refused with nothing changed. (Adding procedures is covered with a real hub in test/hub.)
 */
function catalogueApplyWrite(iterations: number): WriteSpec {
  const copy = () => new CatalogueCopy(host.db);
  let version = 0;
  let diff: CatalogueDiff | null = null;
  let choices: Record<string, 'local' | 'province'> = {};
  return {
    iterations,
    audited: true,
    prepare: async (rnd, s) => {
      version = (copy().latestVersion() ?? 0) + 1;
      const tied = new Map(copy().links().map((l) => [l.serviceId, l.procedureCode]));
      const names = s.services.map((x) => x.nameVi as string);
      // A service tied the first time is found by its name: only names no other service has.
      const candidates = s.services.filter((x) => tied.has(x.id as number) || names.filter((n) => n === x.nameVi).length === 1);
      const chosen = candidates.filter(() => rnd() < 0.6);
      const procedures = (chosen.length > 0 ? chosen : candidates.slice(0, 1)).map((x) => ({
        code: tied.get(x.id as number) ?? `1.${String(x.id).padStart(6, '0')}`,
        nameVi: x.nameVi as string,
        nameEn: pick(rnd, [x.nameEn as string, 'Civil status', 'Land']),
        field: 'Hộ tịch',
        documents: pick(rnd, [x.documents as string[], ['Căn cước công dân'], []]),
        ...(rnd() < 0.5 ? { documentsEn: pick(rnd, [x.documentsEn as string[], ['ID card']]) } : {}),
      }));
      copy().store({ version, publishedAt: Date.now(), procedures });
    },
    body: (rnd, s) => {
      const stored = copy().version(version);
      diff = stored ? catalogueDiff(stored.procedures, s.services as unknown as LocalService[], copy().links()) : null;
      choices = Object.fromEntries((diff?.conflicts ?? []).filter(() => rnd() > 0.1).map((c) => [c.code, pick(rnd, ['local', 'province'] as const)]));
      return { version: rnd() < 0.05 ? 9999 : version, choices };
    },
    expect: (s) => {
      const items = [...(diff?.changed ?? []), ...(diff?.conflicts ?? [])];
      return {
        ...s,
        services: s.services.map((svc) => {
          const item = items.find((i) => i.serviceId === svc.id);
          if (!item) return svc;
          const take = choices[item.code] === 'province' ? [...item.updates, ...item.conflicts] : item.updates;
          return { ...svc, ...Object.fromEntries(take.map((c) => [c.field, c.province])) };
        }),
      };
    },
  };
}

// Appointments (#30). A booking needs a service that takes them and a slot still to come: each
// iteration makes sure of both through the admin API (office hours, the service's rule), then picks
// among tomorrow's free slots as the admin's form offers them.
const HOURS_ALL_WEEK = [{ days: [1, 2, 3, 4, 5, 6, 7], from: '07:30', to: '17:00' }];
const hanoiTomorrow = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(Date.now() + 86_400_000);
let bookable: { serviceId: number; day: string; slots: { start: number; minutes: number }[] } | null = null;
async function prepareBookable(s: State): Promise<void> {
  if ((s.office.hours as unknown[]).length === 0 || (s.office.holidays as string[]).length > 0 || s.office.timeZone !== 'Asia/Ho_Chi_Minh') {
    expect((await admin.post('/api/admin/office', { hours: HOURS_ALL_WEEK, holidays: [], timeZone: 'Asia/Ho_Chi_Minh' })).status).toBe(200);
  }
  const day = hanoiTomorrow();
  for (const svc of s.services.filter((x) => x.active)) {
    const rule = s.appointmentRules.find((r) => r.serviceId === svc.id);
    if (!rule?.enabled) {
      expect((await admin.post('/api/admin/appointments/rules', { serviceId: svc.id, enabled: true, slotMinutes: 30, capacity: 3, daysAhead: 7, hubShare: 1 })).status).toBe(200);
    }
    const slots = ((await get(`/api/admin/appointments/slots?serviceId=${svc.id}&day=${day}`)) as { start: number; minutes: number; free: number }[]).filter((x) => x.free > 0);
    if (slots.length > 0) {
      bookable = { serviceId: svc.id as number, day, slots };
      return;
    }
  }
  bookable = null;
}
const bookingRow = (b: Obj, idNumber: string | null): Obj => ({
  code: b.code,
  service_id: b.serviceId,
  slot_start: b.slotStart,
  slot_minutes: b.slotMinutes,
  state: 'booked',
  source: 'office',
  created_at: b.createdAt,
  hub_seq: null,
  id_hash: idNumber === null ? null : host.appointments.matchKey.hash(idNumber),
  id_last4: idNumber === null ? null : idNumber.slice(-4),
  ticket_id: null,
  checked_in_at: null,
  late: 0,
  reoffered_at: null,
  missed_reason: null,
});
const byCode = (rows: Obj[]) => [...rows].sort((a, b) => String(a.code).localeCompare(String(b.code)));
const hhmmHanoi = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(ms);
let sentId: string | null = null;
let importRows: { serviceId: number; start: number }[] = [];
const appointmentWrites = {
  saveAppointmentRule: {
    iterations: 25,
    audited: true,
    body: (rnd: Rnd, s: State) => {
      const capacity = 1 + Math.floor(rnd() * 5);
      return {
        serviceId: rnd() < 0.1 ? 999 : pick(rnd, s.services.map((x) => x.id as number)),
        enabled: rnd() < 0.7,
        slotMinutes: pick(rnd, [10, 15, 20, 30, 60]),
        capacity,
        daysAhead: 1 + Math.floor(rnd() * 30),
        // Now and then more online places than places: refused.
        hubShare: rnd() < 0.1 ? capacity + 1 : Math.floor(rnd() * (capacity + 1)),
      };
    },
    expect: (s: State, body: Obj | undefined) => ({ ...s, appointmentRules: [...s.appointmentRules.filter((r) => r.serviceId !== body!.serviceId), body!].sort((a, b) => (a.serviceId as number) - (b.serviceId as number)) }),
  },
  createBooking: {
    iterations: 25,
    audited: false,
    prepare: async (_rnd: Rnd, s: State) => prepareBookable(s),
    body: (rnd: Rnd) => {
      const b = bookable!;
      const slot = pick(rnd, b.slots);
      sentId = rnd() < 0.3 ? `0791${digits(rnd, 8)}` : null;
      // Now and then a time between two slots, or an ID number of the wrong length: refused.
      const r = rnd();
      return { serviceId: b.serviceId, slotStart: r < 0.1 ? slot.start + 5 * 60_000 : slot.start, ...(r > 0.95 ? { idNumber: '12345' } : sentId ? { idNumber: sentId } : {}) };
    },
    expect: (s: State, _body: Obj | undefined, response: Obj) => ({ ...s, bookings: byCode([...s.bookings, bookingRow(response, sentId)]) }),
  },
  importBookings: {
    iterations: 10,
    audited: false,
    prepare: async (_rnd: Rnd, s: State) => prepareBookable(s),
    body: (rnd: Rnd, s: State) => {
      const b = bookable!;
      const code = s.services.find((x) => x.id === b.serviceId)!.code as string;
      importRows = b.slots.filter(() => rnd() < 0.2).slice(0, 3).map((x) => ({ serviceId: b.serviceId, start: x.start }));
      if (importRows.length === 0) importRows = [{ serviceId: b.serviceId, start: b.slots[0]!.start }];
      const lines = importRows.map((x) => `${code},${b.day},${hhmmHanoi(x.start)}`);
      // Now and then a row that is no slot: the whole file is refused.
      if (rnd() < 0.15) lines.push(`${code},${b.day},07:35`);
      return { csv: ['Mã dịch vụ,Ngày,Giờ', ...lines].join('\n') };
    },
    expect: (s: State, _body: Obj | undefined, response: Obj) => ({ ...s, bookings: byCode([...s.bookings, ...(response.bookings as Obj[]).map((b) => bookingRow(b, null))]) }),
  },
  cancelBookingStaff: {
    iterations: 10,
    audited: false,
    prepare: async (_rnd: Rnd, s: State) => {
      if (s.bookings.some((b) => b.state === 'booked')) return;
      await prepareBookable(s);
      const b = bookable!;
      expect((await admin.post('/api/admin/bookings', { serviceId: b.serviceId, slotStart: b.slots[0]!.start })).status).toBe(200);
    },
    // Mostly one still booked; now and then one already cancelled, or a code nobody holds: refused.
    path: (rnd: Rnd, s: State) => {
      const r = rnd();
      const booked = s.bookings.filter((b) => b.state === 'booked');
      const cancelled = s.bookings.filter((b) => b.state === 'cancelled');
      const code = r < 0.1 ? 'LH-ACDEHKMN' : r < 0.2 && cancelled.length > 0 ? pick(rnd, cancelled).code : pick(rnd, booked).code;
      return `/api/admin/bookings/${String(code)}/cancel`;
    },
    body: () => undefined,
    expect: (s: State, _body: Obj | undefined, response: Obj) => ({ ...s, bookings: s.bookings.map((b) => (b.code === response.code ? { ...b, state: 'cancelled' } : b)) }),
  },
} satisfies Partial<Record<RouteName, WriteSpec>>;

let current: State;
const state = () => current;
const SPECS: Partial<Record<RouteName, WriteSpec>> = {
  setOfficeSettings: settingsPatch('setOfficeSettings', 'office', 80, state),
  setPrinterConfig: settingsPatch('setPrinterConfig', 'printer', 30, state),
  setAnnouncementConfig: settingsPatch('setAnnouncementConfig', 'announcements', 30, state),
  setBoardsConfig: boardsWrite(25, state),
  provinceJoin: provinceJoinWrite(4),
  provincePushNow: changesNothing(3, false, () => undefined),
  provinceCatalogueApply: catalogueApplyWrite(25),
  saveService: entityWrite('saveService', 'services', 50, state),
  saveCounter: entityWrite('saveCounter', 'counters', 40, state, (sent) => sent),
  saveOfficer: entityWrite('saveOfficer', 'officers', 30, state, ({ pin: _pin, ...rest }) => rest),
  saveServiceGroup: entityWrite('saveServiceGroup', 'serviceGroups', 20, state),
  saveZone: entityWrite('saveZone', 'zones', 20, state),
  importCatalogue: catalogueImportWrite(25),
  // Passwords the office policy accepts (issue #13 refuses dictionary words such as "mật khẩu").
  changePassword: changesNothing(3, true, (rnd) => ({ password: `${pick(rnd, ['lan-trong-vuon', 'mưa-phùn-tháng-ba', 'cau-go-ven-song'])}-${digits(rnd, 4)}` })),
  printTestPage: changesNothing(3, false, () => undefined),
  // #27: on a sound database the confirmation only writes floors at today's counters (none lower).
  recoverNumbering: changesNothing(3, true, () => ({ floors: [] })),
  setKioskPrinter: kioskPrinterWrite(30, state),
  kioskPrinterTest: { ...changesNothing(3, false, () => undefined), path: (rnd, s) => `/api/admin/kiosk-printers/${pick(rnd, s.kioskPrinters.map((k) => k.deviceId as number))}/test` },
  createPairingCode: pairingCodeWrite(20),
  revokeDevice: revokeWrite(10),
  setDeviceZone: deviceZoneWrite(20),
  deleteServiceGroup: groupDeleteWrite(12),
  deleteZone: zoneDeleteWrite(12),
  saveVoiceClip: voiceSaveWrite(25),
  deleteVoiceClip: voiceDeleteWrite(15),
  importVoicePack: voicePackWrite(10),
  importLangPack: langImportWrite(12),
  setLangPackScreens: langScreensWrite(12),
  deleteLangPack: langDeleteWrite(8),
  // The test call speaks on the displays and changes nothing an admin can read.
  voiceTestCall: changesNothing(6, false, (rnd) => ({ zoneId: rnd() < 0.5 ? null : 1, lang: pick(rnd, ['vi', 'en']) })),
  ...appointmentWrites,
};

const ADMIN_WRITES = (Object.keys(contract) as RouteName[]).filter((n) => contract[n].auth === 'admin' && contract[n].method === 'POST');

describe('every admin write changes exactly what it was sent', () => {
  it('every admin write route of the contract has a property spec', () => {
    expect(ADMIN_WRITES.filter((n) => !SPECS[n])).toEqual([]);
    expect(ADMIN_WRITES.length).toBeGreaterThanOrEqual(9);
  });

  for (const name of ADMIN_WRITES) {
    const spec = SPECS[name];
    if (!spec) continue;
    it(`${name}: random valid bodies; everything else reads back unchanged`, async () => {
      const rnd = prng(0x5e77 + name.length * 7919);
      const { path: routePath } = contract[name];
      let accepted = 0;
      for (let i = 0; i < spec.iterations; i++) {
        if (spec.prepare) await spec.prepare(rnd, await readState());
        current = await readState();
        const body = spec.body(rnd, current);
        const events = auditCount();
        const hash = adminHash();
        const r = await admin.post(spec.path ? spec.path(rnd, current) : routePath, body);
        const after = await readState();
        const ctx = { name, i, body, status: r.status, error: r.body?.error };
        if (r.status === 200) {
          accepted++;
          expect({ ctx, state: after }).toEqual({ ctx, state: spec.expect(current, body, r.body as Obj) });
          if (spec.audited) expect(auditCount(), JSON.stringify(ctx)).toBe(events + 1);
        } else {
          expect([400, 404, 409], JSON.stringify(ctx)).toContain(r.status);
          expect({ ctx, state: after }).toEqual({ ctx, state: current });
          expect(auditCount(), JSON.stringify(ctx)).toBe(events);
        }
        if (name !== 'changePassword') expect(adminHash()).toBe(hash);
      }
      // Most random valid bodies are accepted, so the property is really exercised.
      expect(accepted, name).toBeGreaterThanOrEqual(Math.ceil(spec.iterations * 0.5));
    }, 120_000);
  }
});
