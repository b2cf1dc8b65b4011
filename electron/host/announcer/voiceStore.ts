// The office's own recorded voice (issue #31): clips kept under DATA/audio/voice/<scope>/<lang>/<id>.wav,
// scope `office` for the whole office and `zone-<id>` for a zone's own. A call in a zone plays the
// zone's clip, else the office's, else the generated one shipped with motcua. Every write is checked
// whole before the file is touched, and lands by rename: a refused or interrupted upload leaves the
// clip the hall hears as it was.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { SERVICE_CLIP } from '../../../shared/guidanceClips';
import { VOICE_CLIPS, VOICE_LANGS, VOICE_LIMITS, isVoiceClip, parseVoiceScope, voiceScope } from '../../../shared/voiceClips';
import type { ClipSource, VoiceLang, VoiceScope } from '../../../shared/voiceClips';
import { parseWav } from '../../../shared/wavFile';
import type { WavInfo } from '../../../shared/wavFile';
import { writeZip, zipEntries, zipEntryData } from '../../../shared/zipArchive';
import type { Zone } from '../../../shared/domain';

export const VOICE_DIR = 'voice';
const MANIFEST = 'manifest.json';
/** Services whose names a pack may carry, per language and scope (a provincial centre has a few hundred procedures). */
const PACK_SERVICE_NAMES = 400;
/** A pack holds at most every clip of both languages for the office and 50 zones, plus its manifest. */
const PACK_MAX_ENTRIES = 1 + (VOICE_CLIPS.vi.length + VOICE_CLIPS.en.length + 2 * PACK_SERVICE_NAMES) * 51;
/** The pack as uploaded: what the clips of a busy office fit in, with room (checked before inflating). */
export const PACK_MAX_BYTES = 32 * 1024 * 1024;
const MANIFEST_MAX_BYTES = 1024 * 1024;

export interface RecordedClip {
  scope: VoiceScope;
  lang: VoiceLang;
  clip: string;
  seconds: number;
  bytes: number;
}

export interface PackEntry {
  /** null: the office's set; otherwise the zone by its Vietnamese name (ids differ between offices). */
  zone: string | null;
  lang: VoiceLang;
  clip: string;
  seconds: number;
  file: string;
}

/** Checks one uploaded clip: a mono 16-bit WAV of a known clip, ≤ 1 MB, ≤ 10 s. Throws the refusal. */
export function checkClip(lang: string, clip: string, bytes: Uint8Array): WavInfo {
  if (!isVoiceClip(lang, clip)) throw new AppError('VOICE_CLIP_UNKNOWN', `Không có đoạn đọc "${String(clip).slice(0, 40)}" cho ngôn ngữ ${String(lang).slice(0, 8)}`);
  if (bytes.length > VOICE_LIMITS.maxBytes) throw new AppError('VOICE_CLIP_TOO_BIG', `Tệp ghi âm ${(bytes.length / 1024 / 1024).toFixed(1)} MB, quá giới hạn 1 MB`);
  const info = parseWav(bytes);
  if (typeof info === 'string') throw new AppError('VOICE_NOT_AUDIO', `Tệp ghi âm không dùng được: ${info}`);
  if (info.rate < VOICE_LIMITS.minRate || info.rate > VOICE_LIMITS.maxRate) throw new AppError('VOICE_NOT_AUDIO', `Tần số lấy mẫu ${info.rate} Hz không được hỗ trợ (8000–48000 Hz)`);
  if (info.seconds > VOICE_LIMITS.maxSeconds) throw new AppError('VOICE_CLIP_TOO_LONG', `Đoạn ghi âm dài ${info.seconds.toFixed(1)} giây, quá giới hạn ${VOICE_LIMITS.maxSeconds} giây`);
  return info;
}

export class VoiceStore {
  private readonly root: string;
  private rev: number;

  constructor(
    audioDir: string,
    private readonly zones: { zone(id: number): Zone | null; zones(): Zone[] },
  ) {
    this.root = path.join(audioDir, VOICE_DIR);
    this.recoverSwap();
    // Stamped on every announcement: a display drops the clips it decoded under another stamp.
    this.rev = Date.now();
  }

  /** The voice set's version: changes with every kept, deleted or imported clip. */
  revision(): string {
    return this.rev.toString(36);
  }

  private file(scope: VoiceScope, lang: VoiceLang, clip: string): string {
    return path.join(this.root, scope, lang, `${clip}.wav`);
  }

  private zoneScope(zoneId: number | null): VoiceScope {
    if (zoneId !== null && !this.zones.zone(zoneId)) throw new AppError('ZONE_NOT_FOUND', `Không có khu vực ${zoneId}`);
    return voiceScope(zoneId);
  }

  /** Every recorded clip, office's and zones', with its length. */
  list(): RecordedClip[] {
    const out: RecordedClip[] = [];
    let scopes: string[] = [];
    try {
      scopes = fs.readdirSync(this.root);
    } catch {
      return out;
    }
    for (const s of scopes.sort()) {
      if (!parseVoiceScope(s)) continue;
      for (const lang of VOICE_LANGS) {
        // The folder's own files, not the fixed list: a service's recorded name (dv_<id>) is a clip too.
        let names: string[] = [];
        try {
          names = fs.readdirSync(path.join(this.root, s, lang));
        } catch {
          continue;
        }
        const present = new Set(names.filter((n) => n.endsWith('.wav')).map((n) => n.slice(0, -4)));
        // The fixed list's order (as the admin records them), then services' names by service id.
        const services = [...present].filter((c) => SERVICE_CLIP.test(c)).sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
        for (const clip of [...VOICE_CLIPS[lang].map((c) => c.id).filter((id) => present.has(id)), ...services]) {
          if (!isVoiceClip(lang, clip)) continue;
          const info = readInfo(this.file(s as VoiceScope, lang, clip));
          if (info) out.push({ scope: s as VoiceScope, lang, clip, seconds: Math.round(info.wav.seconds * 100) / 100, bytes: info.bytes });
        }
      }
    }
    return out;
  }

  /** Keeps a recording: checked whole, written beside, then renamed over the old one. */
  save(zoneId: number | null, lang: string, clip: string, bytes: Uint8Array): RecordedClip {
    const scope = this.zoneScope(zoneId);
    const info = checkClip(lang, clip, bytes);
    const target = this.file(scope, lang as VoiceLang, clip);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.upload`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
    this.rev++;
    return { scope, lang: lang as VoiceLang, clip, seconds: Math.round(info.seconds * 100) / 100, bytes: bytes.length };
  }

  /** Back to the generated voice (or, for a zone, to the office's recording). */
  remove(zoneId: number | null, lang: string, clip: string): boolean {
    const scope = this.zoneScope(zoneId);
    if (!isVoiceClip(lang, clip)) throw new AppError('VOICE_CLIP_UNKNOWN', `Không có đoạn đọc "${String(clip).slice(0, 40)}"`);
    const f = this.file(scope, lang, clip);
    if (!fs.existsSync(f)) return false;
    fs.rmSync(f);
    this.rev++;
    return true;
  }

  /** The recorded file a call in this scope plays, and whose it is; null: the generated voice. */
  resolve(scope: string, lang: string, clip: string): { file: string; source: ClipSource } | null {
    const parsed = parseVoiceScope(scope);
    if (!parsed || !isVoiceClip(lang, clip)) return null;
    if (parsed.zoneId !== null) {
      const own = this.file(scope as VoiceScope, lang, clip);
      if (fs.existsSync(own)) return { file: own, source: 'zone' };
    }
    const office = this.file('office', lang, clip);
    return fs.existsSync(office) ? { file: office, source: 'office' } : null;
  }

  /** The real folder recordings are served from (links out of it are refused by sendFile). */
  get folder(): string {
    return this.root;
  }

  /** Every recorded clip as a zip with a manifest naming zone, language, clip and length. */
  exportPack(): Uint8Array {
    const clips = this.list();
    const zoneName = (scope: VoiceScope) => {
      const z = parseVoiceScope(scope)?.zoneId;
      return z === null || z === undefined ? null : (this.zones.zone(z)?.nameVi ?? null);
    };
    // A deleted zone's leftover clips have no name another office could match: not exported.
    const kept = clips.filter((c) => c.scope === 'office' || zoneName(c.scope) !== null);
    const entries: PackEntry[] = kept.map((c) => ({ zone: zoneName(c.scope), lang: c.lang, clip: c.clip, seconds: c.seconds, file: `${c.scope}/${c.lang}/${c.clip}.wav` }));
    const manifest = { format: 'motcua-voice', version: 1, clips: entries };
    return writeZip([
      { name: MANIFEST, data: new TextEncoder().encode(JSON.stringify(manifest, null, 2)) },
      ...kept.map((c, i) => ({ name: (entries[i] as PackEntry).file, data: new Uint8Array(fs.readFileSync(this.file(c.scope, c.lang, c.clip))) })),
    ]);
  }

  /**
   * Replaces the whole recorded set with a pack's. Every entry is checked first (archive limits,
   * manifest, each clip as an upload is); only then is the new set built beside the current one
   * and swapped in by rename. A pack refused for any reason changes nothing.
   */
  importPack(bytes: Uint8Array): { clips: number; zones: number } {
    const bad = (why: string): never => {
      throw new AppError('VOICE_PACK_INVALID', `Gói giọng đọc không hợp lệ: ${why}; giọng đọc hiện tại giữ nguyên`);
    };
    if (bytes.length > PACK_MAX_BYTES) bad(`tệp ${(bytes.length / 1024 / 1024).toFixed(1)} MB, quá giới hạn ${PACK_MAX_BYTES / 1024 / 1024} MB`);
    const entries = zipEntries(bytes, PACK_MAX_ENTRIES);
    if (entries === 'damaged') bad('tệp zip bị hỏng');
    if (entries === 'too-big') bad('quá nhiều tệp trong gói');
    const list = entries as Exclude<typeof entries, string>;
    // Judged from the directory before anything is inflated: no entry may claim more than a clip.
    let declared = 0;
    for (const e of list) {
      declared += e.size;
      if (e.size > (e.name === MANIFEST ? MANIFEST_MAX_BYTES : VOICE_LIMITS.maxBytes)) bad(`"${e.name.slice(0, 80)}" lớn hơn 1 MB`);
    }
    if (declared > PACK_MAX_ENTRIES * VOICE_LIMITS.maxBytes) bad('gói quá lớn');
    const read = (name: string, limit: number): Uint8Array => {
      const e = list.find((x) => x.name === name);
      if (!e) return bad(`thiếu tệp "${name.slice(0, 80)}"`);
      const data = zipEntryData(bytes, e);
      if (data === 'damaged') return bad(`"${name.slice(0, 80)}" bị hỏng`);
      let out: Uint8Array;
      if (e.method === 0) out = data;
      else if (e.method === 8) {
        try {
          // A directory that lies about sizes stops here: never more than the limit is inflated.
          out = new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: limit }));
        } catch {
          return bad(`"${name.slice(0, 80)}" không giải nén được hoặc lớn hơn khai báo`);
        }
      } else return bad(`"${name.slice(0, 80)}" nén theo cách không hỗ trợ`);
      if (out.length !== e.size) return bad(`"${name.slice(0, 80)}" không đúng kích thước khai báo`);
      return out;
    };
    let manifest: unknown;
    try {
      manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read(MANIFEST, MANIFEST_MAX_BYTES)));
    } catch (e) {
      if (e instanceof AppError) throw e;
      bad('manifest.json không phải JSON hợp lệ');
    }
    const m = manifest as { format?: unknown; version?: unknown; clips?: unknown };
    if (m?.format !== 'motcua-voice' || m.version !== 1 || !Array.isArray(m.clips)) bad('manifest.json không phải của gói giọng đọc motcua (phiên bản 1)');
    const zonesByName = new Map(this.zones.zones().map((z) => [z.nameVi.trim().toLowerCase(), z.id]));
    const planned: { scope: VoiceScope; lang: VoiceLang; clip: string; data: Uint8Array }[] = [];
    const seen = new Set<string>();
    for (const raw of m.clips as unknown[]) {
      const c = raw as Partial<PackEntry>;
      if (!c || typeof c !== 'object' || typeof c.lang !== 'string' || typeof c.clip !== 'string' || typeof c.file !== 'string' || (c.zone !== null && typeof c.zone !== 'string')) bad('một mục trong manifest.json thiếu thông tin');
      const entry = c as PackEntry;
      let zoneId: number | null = null;
      if (entry.zone !== null) {
        const id = zonesByName.get(entry.zone.trim().toLowerCase());
        if (id === undefined) bad(`không có khu vực "${entry.zone.slice(0, 60)}" trong đơn vị này (hãy tạo khu vực cùng tên trước)`);
        zoneId = id as number;
      }
      const scope = voiceScope(zoneId);
      const key = `${scope}/${entry.lang}/${entry.clip}`;
      if (seen.has(key)) bad(`đoạn "${key.slice(0, 80)}" có hai lần`);
      seen.add(key);
      let data: Uint8Array;
      try {
        data = read(entry.file, VOICE_LIMITS.maxBytes);
        checkClip(entry.lang, entry.clip, data);
      } catch (e) {
        if (e instanceof AppError && e.code !== 'VOICE_PACK_INVALID') bad(`"${entry.file.slice(0, 80)}": ${e.message}`);
        throw e;
      }
      planned.push({ scope, lang: entry.lang, clip: entry.clip, data });
    }
    // Everything checked: build the new set beside the current one, then swap the folders.
    const incoming = `${this.root}.incoming`;
    const previous = `${this.root}.previous`;
    fs.rmSync(incoming, { recursive: true, force: true });
    for (const p of planned) {
      const f = path.join(incoming, p.scope, p.lang, `${p.clip}.wav`);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, p.data);
    }
    fs.mkdirSync(incoming, { recursive: true });
    fs.rmSync(previous, { recursive: true, force: true });
    if (fs.existsSync(this.root)) fs.renameSync(this.root, previous);
    fs.renameSync(incoming, this.root);
    fs.rmSync(previous, { recursive: true, force: true });
    this.rev++;
    return { clips: planned.length, zones: new Set(planned.filter((p) => p.scope !== 'office').map((p) => p.scope)).size };
  }

  /** A host stopped between the two renames of an import comes back with the set it had. */
  private recoverSwap(): void {
    const previous = `${this.root}.previous`;
    if (!fs.existsSync(this.root) && fs.existsSync(previous)) fs.renameSync(previous, this.root);
    fs.rmSync(`${this.root}.incoming`, { recursive: true, force: true });
    fs.rmSync(previous, { recursive: true, force: true });
  }
}

function readInfo(f: string): { wav: WavInfo; bytes: number } | null {
  let b: Buffer;
  try {
    b = fs.readFileSync(f);
  } catch {
    return null;
  }
  const wav = parseWav(b);
  return typeof wav === 'string' ? null : { wav, bytes: b.length };
}
