import type Database from 'better-sqlite3';
import type { OfficeConfig, OpeningWindow } from '../../../shared/domain';
import { hashSecret } from '../auth/secretHash';
import type { PinHasher } from '../auth/pinHasher';
import { OfficeSettings } from '../config/officeSettings';
import { CENTRE_OFFICE, CENTRE_SIZE, seedCentreRows } from './centreSeed';

export interface SeedOptions {
  /**
   * Scripted installs and tests only (MOTCUA_ADMIN_PASSWORD): without it no admin password exists
   * and the office starts with the setup page.
   */
  adminPassword?: string;
  /** Scripted installs, tests and benches: officer i (from 1) gets pins[i - 1]. Without it no PIN works until setup. */
  officerPins?: readonly string[];
  pinHasher?: PinHasher;
  /** Tests and demos at night want services open at any hour; a real office keeps its hours. */
  alwaysOpen?: boolean;
  /** `centre` (MOTCUA_SEED=centre): the sample provincial centre instead of the ward office. */
  sample?: 'ward' | 'centre';
}

const WEEKDAY_HOURS: OpeningWindow[] = [
  { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
  { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
  { days: [6], from: '07:30', to: '11:30' },
];

const SERVICES = [
  { code: 'HT', vi: 'Hộ tịch', en: 'Civil status registration', prefix: 'A', icon: 'family' },
  { code: 'CT', vi: 'Chứng thực', en: 'Certification of copies and signatures', prefix: 'B', icon: 'stamp' },
  { code: 'DD', vi: 'Đất đai', en: 'Land', prefix: 'C', icon: 'land' },
  { code: 'TP', vi: 'Tư pháp', en: 'Justice', prefix: 'D', icon: 'scales' },
  { code: 'LDTBXH', vi: 'Lao động – Thương binh và Xã hội', en: 'Labour, Invalids and Social Affairs', prefix: 'E', icon: 'people' },
  { code: 'TKQ', vi: 'Trả kết quả', en: 'Collect results', prefix: 'F', icon: 'inbox' },
];

const OFFICERS = [
  { name: 'Nguyễn Thị Lan', title: 'Công chức Tư pháp – Hộ tịch' },
  { name: 'Trần Văn Hùng', title: 'Công chức Địa chính – Xây dựng' },
  { name: 'Lê Thị Mai', title: 'Công chức Văn hóa – Xã hội' },
  { name: 'Phạm Minh Tuấn', title: 'Công chức Văn phòng – Thống kê' },
];

// Counter → service codes in the order the counter serves them.
const COUNTERS: { number: number; services: string[] }[] = [
  { number: 1, services: ['HT', 'CT'] },
  { number: 2, services: ['CT', 'HT', 'TP'] },
  { number: 3, services: ['DD', 'TKQ'] },
  { number: 4, services: ['LDTBXH', 'TP', 'TKQ'] },
];

const OFFICE: Partial<OfficeConfig> = {
  name: 'UBND Phường Hòa Bình — Bộ phận Tiếp nhận và Trả kết quả',
  nameEn: 'Hoa Binh Ward People’s Committee — One-Stop Reception Desk',
  address: '1 Đường Lê Lợi, Phường Hòa Bình',
  ratingReasons: [
    { code: 'friendly', vi: 'Cán bộ nhiệt tình, chu đáo', en: 'Helpful, attentive staff' },
    { code: 'fast', vi: 'Giải quyết nhanh', en: 'Quickly handled' },
    { code: 'long_wait', vi: 'Thời gian chờ lâu', en: 'Long wait' },
    { code: 'attitude', vi: 'Thái độ chưa tốt', en: 'Poor attitude' },
    { code: 'unclear', vi: 'Hướng dẫn chưa rõ ràng', en: 'Unclear guidance' },
    { code: 'facilities', vi: 'Cơ sở vật chất chưa tốt', en: 'Poor facilities' },
  ],
};

/** First run only: a sample ward office the admin then edits. Returns false when already seeded. */
export function seedIfEmpty(db: Database.Database, opts: SeedOptions): boolean {
  const seeded = db.prepare("SELECT 1 FROM settings WHERE key = 'office'").get();
  if (seeded) return false;
  if (opts.sample === 'centre') return seedCentre(db, opts);
  const settings = new OfficeSettings(db);
  // No default credentials: without explicit ones the PINs are unusable and the admin has none.
  const officerHashes = OFFICERS.map((_, i) => {
    const pin = opts.officerPins?.[i];
    return pin && opts.pinHasher ? opts.pinHasher.hashSync(pin) : '';
  });
  const adminHash = opts.adminPassword ? hashSecret(opts.adminPassword) : null;
  db.transaction(() => {
    // The office keeps the hours; every service follows them until the admin gives one its own.
    settings.set({ ...OFFICE, hours: opts.alwaysOpen ? [] : WEEKDAY_HOURS } as OfficeConfig);
    if (adminHash) settings.setRaw('admin', { hash: adminHash, mustChange: false });
    const insService = db.prepare(
      'INSERT INTO services (code, name_vi, name_en, prefix, range_start, range_end, daily_quota, hours, sort_order, icon, alert_minutes) VALUES (?, ?, ?, ?, 1, 999, NULL, ?, ?, ?, 45)',
    );
    const ids = new Map<string, number>();
    SERVICES.forEach((s, i) => {
      ids.set(s.code, Number(insService.run(s.code, s.vi, s.en, s.prefix, '[]', i + 1, s.icon).lastInsertRowid));
    });
    const insOfficer = db.prepare('INSERT INTO officers (name, title, pin_hash) VALUES (?, ?, ?)');
    OFFICERS.forEach((o, i) => insOfficer.run(o.name, o.title, officerHashes[i]));
    const insCounter = db.prepare('INSERT INTO counters (number, name) VALUES (?, ?)');
    const insCs = db.prepare('INSERT INTO counter_services (counter_id, service_id, position) VALUES (?, ?, ?)');
    for (const c of COUNTERS) {
      const cid = Number(insCounter.run(c.number, `Quầy ${c.number}`).lastInsertRowid);
      c.services.forEach((code, pos) => insCs.run(cid, ids.get(code), pos));
    }
  }).immediate();
  return true;
}

function seedCentre(db: Database.Database, opts: SeedOptions): boolean {
  const settings = new OfficeSettings(db);
  const hashes = Array.from({ length: CENTRE_SIZE.officers }, (_, i) => {
    const pin = opts.officerPins?.[i];
    return pin && opts.pinHasher ? opts.pinHasher.hashSync(pin) : '';
  });
  const adminHash = opts.adminPassword ? hashSecret(opts.adminPassword) : null;
  db.transaction(() => {
    settings.set({ ...CENTRE_OFFICE, hours: opts.alwaysOpen ? [] : WEEKDAY_HOURS } as OfficeConfig);
    if (adminHash) settings.setRaw('admin', { hash: adminHash, mustChange: false });
    seedCentreRows(db, { hours: '[]', officerHashes: (i) => hashes[i] ?? '' });
  }).immediate();
  return true;
}

export const SAMPLE_OFFICER_NAMES = OFFICERS.map((o, i) => ({ officerId: i + 1, name: o.name }));
