// Office language packs on disk (issue #31): DATA/lang/<code>/messages.json + meta.json, and
// screens.json (where the admin turned it on). A pack is judged in full before it lands (zip limits
// from the directory, then shared/i18n/langPack.ts), written beside the packs and renamed into
// place, so a refused or half-copied import leaves the running languages as they were. A pack
// edited by hand and broken is listed with its reason and served to no screen.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { LANG_PACK_LIMITS, LangPackCode, LangPackProblem, PACK_SCREENS, checkLangPack } from '../../../shared/i18n/langPack';
import type { CheckedPack, LangPackMeta, PackScreen } from '../../../shared/i18n/langPack';
import { zipEntries, zipEntryData } from '../../../shared/zipArchive';
import viCatalog from '../../../shared/locales/vi.json';

export const LANG_DIR = 'lang';
const FILES = ['messages.json', 'meta.json'] as const;

export type PackScreens = Record<PackScreen, boolean>;

export interface LangPackView {
  code: string;
  meta: LangPackMeta | null;
  /** Why the pack on disk is not usable (edited by hand since import); null when it is. */
  problem: string | null;
  translated: number;
  total: number;
  missing: string[];
  screens: PackScreens;
}

interface Loaded {
  code: string;
  pack: CheckedPack | null;
  problem: string | null;
  screens: PackScreens;
}

const NO_SCREENS: PackScreens = { kiosk: false, track: false, rating: false, display: false };
const TOTAL = countLeaves(viCatalog);

function countLeaves(tree: object): number {
  return Object.values(tree).reduce<number>((n, v) => n + (v && typeof v === 'object' ? countLeaves(v as object) : 1), 0);
}

const invalid = (why: string): never => {
  throw new AppError('LANG_PACK_INVALID', `Gói ngôn ngữ không hợp lệ: ${why}; các ngôn ngữ đang dùng giữ nguyên`);
};

export class LangStore {
  private readonly root: string;
  private packs = new Map<string, Loaded>();

  constructor(dataDir: string) {
    this.root = path.join(dataDir, LANG_DIR);
    fs.mkdirSync(this.root, { recursive: true });
    // A host stopped between an import's two renames comes back with the pack it had.
    for (const name of fs.readdirSync(this.root).filter((n) => n.startsWith('.previous-'))) {
      const back = path.join(this.root, name.slice('.previous-'.length));
      if (!fs.existsSync(back)) fs.renameSync(path.join(this.root, name), back);
    }
    for (const leftover of fs.readdirSync(this.root).filter((n) => n.startsWith('.'))) fs.rmSync(path.join(this.root, leftover), { recursive: true, force: true });
    for (const code of fs.readdirSync(this.root)) if (LangPackCode.safeParse(code).success) this.packs.set(code, this.load(code));
  }

  private load(code: string): Loaded {
    const dir = path.join(this.root, code);
    let screens = { ...NO_SCREENS };
    try {
      const s = JSON.parse(fs.readFileSync(path.join(dir, 'screens.json'), 'utf8')) as Partial<PackScreens>;
      screens = Object.fromEntries(PACK_SCREENS.map((k) => [k, s[k] === true])) as PackScreens;
    } catch {
      // No screens.json yet: a pack starts turned off.
    }
    try {
      const [messages, meta] = FILES.map((f) => {
        const file = path.join(dir, f);
        const size = fs.statSync(file).size;
        if (size > LANG_PACK_LIMITS.messagesBytes) throw new LangPackProblem(`${f} quá lớn`);
        return fs.readFileSync(file);
      }) as [Buffer, Buffer];
      const pack = checkLangPack(viCatalog, messages, meta);
      if (pack.meta.code !== code) throw new LangPackProblem(`meta.json ghi mã "${pack.meta.code}" nhưng thư mục là "${code}"`);
      return { code, pack, problem: null, screens };
    } catch (e) {
      const why = e instanceof LangPackProblem ? e.message : `không đọc được (${(e as Error).message.slice(0, 100)})`;
      return { code, pack: null, problem: why, screens };
    }
  }

  list(): LangPackView[] {
    return [...this.packs.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => ({
        code: p.code,
        meta: p.pack?.meta ?? null,
        problem: p.problem,
        translated: p.pack ? Object.keys(p.pack.messages).length : 0,
        total: TOTAL,
        missing: p.pack?.missing ?? [],
        screens: p.screens,
      }));
  }

  /** Packs a screen offers: usable and turned on for it. */
  enabled(): { code: string; name: string; dir: 'ltr' | 'rtl'; font: LangPackMeta['font']; screens: PackScreen[] }[] {
    return [...this.packs.values()]
      .filter((p) => p.pack && PACK_SCREENS.some((s) => p.screens[s]))
      .map((p) => {
        const meta = (p.pack as CheckedPack).meta;
        return { code: p.code, name: meta.name, dir: meta.dir, font: meta.font, screens: PACK_SCREENS.filter((s) => p.screens[s]) };
      });
  }

  /** An enabled pack's strings, for the public screens; a pack that is off is not served. */
  messages(code: string): { code: string; messages: Record<string, string> } {
    const p = this.packs.get(code);
    if (!p?.pack || !PACK_SCREENS.some((s) => p.screens[s])) throw new AppError('LANG_PACK_NOT_FOUND', `Không có gói ngôn ngữ "${code.slice(0, 20)}" đang bật`);
    return { code, messages: p.pack.messages };
  }

  setScreens(code: string, screens: PackScreens): LangPackView {
    const p = this.packs.get(code);
    if (!p) throw new AppError('LANG_PACK_NOT_FOUND', `Không có gói ngôn ngữ "${code.slice(0, 20)}"`);
    if (!p.pack && PACK_SCREENS.some((s) => screens[s])) invalid(`gói "${code}" đang hỏng (${p.problem ?? ''}), không bật được`);
    const file = path.join(this.root, code, 'screens.json');
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(screens));
    fs.renameSync(`${file}.tmp`, file);
    p.screens = { ...screens };
    return this.list().find((v) => v.code === code) as LangPackView;
  }

  remove(code: string): boolean {
    if (!this.packs.has(code)) return false;
    const gone = path.join(this.root, `.removed-${code}`);
    fs.renameSync(path.join(this.root, code), gone);
    fs.rmSync(gone, { recursive: true, force: true });
    this.packs.delete(code);
    return true;
  }

  /**
   * Imports a pack zip (messages.json and meta.json at its root, or in one folder). Replacing a
   * pack of the same code keeps where it was turned on.
   */
  importZip(bytes: Uint8Array): LangPackView {
    if (bytes.length > LANG_PACK_LIMITS.zipBytes) invalid(`tệp ${(bytes.length / 1024 / 1024).toFixed(1)} MB, quá giới hạn ${LANG_PACK_LIMITS.zipBytes / 1024 / 1024} MB`);
    const entries = zipEntries(bytes, 16);
    if (entries === 'damaged') invalid('tệp zip bị hỏng');
    if (entries === 'too-big') invalid('quá nhiều tệp trong gói (tối đa 16)');
    const list = (entries as Exclude<typeof entries, string>).filter((e) => !e.name.endsWith('/') && !e.name.startsWith('__MACOSX/'));
    // Judged from the directory before anything is inflated.
    const read = (file: (typeof FILES)[number], limit: number): Uint8Array => {
      const found = list.filter((e) => e.name === file || e.name.endsWith(`/${file}`));
      if (found.length !== 1) return invalid(found.length ? `có ${found.length} tệp ${file}` : `thiếu tệp ${file}`);
      const e = found[0] as (typeof list)[number];
      if (e.size > limit) return invalid(`${file} lớn ${(e.size / 1024).toFixed(0)} kB, quá giới hạn ${(limit / 1024).toFixed(0)} kB`);
      const data = zipEntryData(bytes, e);
      if (data === 'damaged') return invalid(`${file} bị hỏng`);
      if (e.method === 0) return data;
      if (e.method !== 8) return invalid(`${file} nén theo cách không hỗ trợ`);
      try {
        // A directory that lies about sizes stops here: never more than the limit is inflated.
        const out = new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: limit }));
        if (out.length !== e.size) invalid(`${file} không đúng kích thước khai báo`);
        return out;
      } catch (err) {
        if (err instanceof AppError) throw err;
        return invalid(`${file} không giải nén được hoặc lớn hơn khai báo`);
      }
    };
    const messages = read('messages.json', LANG_PACK_LIMITS.messagesBytes);
    const meta = read('meta.json', LANG_PACK_LIMITS.metaBytes);
    let pack: CheckedPack;
    try {
      pack = checkLangPack(viCatalog, messages, meta);
    } catch (e) {
      if (e instanceof LangPackProblem) return invalid(e.message);
      throw e;
    }
    const code = pack.meta.code;
    if (!this.packs.has(code) && this.packs.size >= LANG_PACK_LIMITS.packs) invalid(`đơn vị đã có ${LANG_PACK_LIMITS.packs} gói; hãy xóa bớt trước`);
    const screens = this.packs.get(code)?.screens ?? { ...NO_SCREENS };
    // Written beside the packs, then swapped in by rename: the running pack stays until then.
    const incoming = path.join(this.root, `.incoming-${code}`);
    const previous = path.join(this.root, `.previous-${code}`);
    const target = path.join(this.root, code);
    fs.rmSync(incoming, { recursive: true, force: true });
    fs.mkdirSync(incoming, { recursive: true });
    fs.writeFileSync(path.join(incoming, 'messages.json'), `${JSON.stringify(pack.messages, null, 2)}\n`);
    fs.writeFileSync(path.join(incoming, 'meta.json'), `${JSON.stringify(pack.meta, null, 2)}\n`);
    fs.writeFileSync(path.join(incoming, 'screens.json'), JSON.stringify(screens));
    fs.rmSync(previous, { recursive: true, force: true });
    if (fs.existsSync(target)) fs.renameSync(target, previous);
    fs.renameSync(incoming, target);
    fs.rmSync(previous, { recursive: true, force: true });
    this.packs.set(code, { code, pack, problem: null, screens });
    return this.list().find((v) => v.code === code) as LangPackView;
  }
}
