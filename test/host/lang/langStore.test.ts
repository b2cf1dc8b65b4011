import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { LangStore } from '../../../electron/host/lang/langStore';
import { AppError } from '../../../shared/errors';
import { writeZip } from '../../../shared/zipArchive';
import { flattenCatalog } from '../../../shared/i18n/langPack';
import viCatalog from '../../../shared/locales/vi.json';
import { zipFile } from '../../helpers/zipFile';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function store(): { s: LangStore; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-lang-'));
  dirs.push(dir);
  return { s: new LangStore(dir), dir };
}

const META = { code: 'km', name: 'ភាសាខ្មែរ', nameVi: 'Tiếng Khmer (mẫu thử)', dir: 'ltr', font: 'Noto Sans Khmer', sample: true };
const pack = (messages: unknown, meta: unknown = META) =>
  writeZip([
    { name: 'messages.json', data: Buffer.from(typeof messages === 'string' ? messages : JSON.stringify(messages)) },
    { name: 'meta.json', data: Buffer.from(JSON.stringify(meta)) },
  ]);

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('LANG_PACK_INVALID');
    return (e as AppError).message;
  }
  throw new Error('not refused');
}

describe('office language packs on the host', () => {
  it('imports a partial pack, counts what is missing, serves it only once turned on', () => {
    const { s, dir } = store();
    const view = s.importZip(pack({ chooseService: 'ជ្រើសរើសសេវា', groupCount: '{n} សេវា' }));
    const total = Object.keys(flattenCatalog(viCatalog)).length;
    expect(view).toMatchObject({ code: 'km', translated: 2, total, problem: null, screens: { kiosk: false, track: false, rating: false, display: false } });
    expect(view.missing).toHaveLength(total - 2);
    expect(view.missing).toContain('back');
    expect(s.enabled()).toEqual([]);
    expect(() => s.messages('km')).toThrow(/đang bật/);
    s.setScreens('km', { kiosk: true, track: false, rating: true, display: false });
    expect(s.enabled()).toEqual([{ code: 'km', name: 'ភាសាខ្មែរ', dir: 'ltr', font: 'Noto Sans Khmer', screens: ['kiosk', 'rating'] }]);
    expect(s.messages('km').messages.groupCount).toBe('{n} សេវា');
    // A restarted host reads the same pack and the same screens back.
    expect(new LangStore(dir).list()).toEqual(s.list());
  });

  it('refuses, with its reason, invalid JSON, unknown keys, a dropped or invented argument, bad ICU, a bad meta.json', () => {
    const { s } = store();
    expect(refusal(() => s.importZip(pack('{ "chooseService": ')))).toMatch(/messages.json không phải JSON hợp lệ/);
    expect(refusal(() => s.importZip(pack({ chooseServise: 'x' })))).toMatch(/khóa không có trong bản tiếng Việt: "chooseServise"/);
    expect(refusal(() => s.importZip(pack({ goToZone: 'Mời lên' })))).toMatch(/"goToZone" thiếu chỗ điền \{zone\}/);
    expect(refusal(() => s.importZip(pack({ back: 'Quay lại {number}' })))).toMatch(/"back" có chỗ điền \{number\}/);
    expect(refusal(() => s.importZip(pack({ groupCount: '{n, plural, one {# x}' })))).toMatch(/"groupCount" không đúng cú pháp ICU/);
    expect(refusal(() => s.importZip(pack({ back: 3 })))).toMatch(/"back" phải là một chuỗi/);
    expect(refusal(() => s.importZip(pack({}, { ...META, code: 'vi' })))).toMatch(/meta.json: code/);
    expect(refusal(() => s.importZip(pack({}, { ...META, font: 'Comic Sans' })))).toMatch(/meta.json: font/);
    expect(refusal(() => s.importZip(writeZip([{ name: 'meta.json', data: Buffer.from(JSON.stringify(META)) }])))).toMatch(/thiếu tệp messages.json/);
    expect(refusal(() => s.importZip(Buffer.from('not a zip')))).toMatch(/tệp zip bị hỏng/);
    expect(s.list()).toEqual([]);
  });

  it('refuses a huge file, and a zip whose directory lies about a bomb, before inflating past the limit', () => {
    const { s } = store();
    expect(refusal(() => s.importZip(new Uint8Array(3 * 1024 * 1024)))).toMatch(/quá giới hạn 2 MB/);
    const big = Buffer.alloc(600 * 1024, 0x20);
    const deflated = zlib.deflateRawSync(big);
    expect(refusal(() => s.importZip(zipFile([{ name: 'messages.json', deflated: { bytes: deflated, size: big.length, crc: zlib.crc32(big) } }, { name: 'meta.json', data: JSON.stringify(META) }])))).toMatch(/messages.json lớn 600 kB, quá giới hạn 512 kB/);
    // The directory says 100 bytes; the data inflates to 600 kB: stopped at the declared limit.
    expect(refusal(() => s.importZip(zipFile([{ name: 'messages.json', deflated: { bytes: deflated, size: big.length, crc: zlib.crc32(big) }, declaredSize: 100 }, { name: 'meta.json', data: JSON.stringify(META) }])))).toMatch(/không giải nén được hoặc lớn hơn khai báo/);
  });

  it('a refused import leaves the running pack, its files and its screens as they were', () => {
    const { s, dir } = store();
    s.importZip(pack({ chooseService: 'ជ្រើសរើសសេវា' }));
    s.setScreens('km', { kiosk: true, track: true, rating: false, display: false });
    const files = fs.readdirSync(path.join(dir, 'lang', 'km')).map((f) => [f, fs.readFileSync(path.join(dir, 'lang', 'km', f), 'utf8')]);
    const before = s.list();
    refusal(() => s.importZip(pack({ chooseService: 'ជ្រើសរើសសេវា', goToZone: 'no zone' })));
    expect(s.list()).toEqual(before);
    expect(s.messages('km').messages).toEqual({ chooseService: 'ជ្រើសរើសសេវា' });
    expect(fs.readdirSync(path.join(dir, 'lang', 'km')).map((f) => [f, fs.readFileSync(path.join(dir, 'lang', 'km', f), 'utf8')])).toEqual(files);
    expect(fs.readdirSync(path.join(dir, 'lang'))).toEqual(['km']);
    // A good re-import replaces the strings and keeps where it was turned on.
    expect(s.importZip(pack({ back: 'ត្រឡប់' })).screens).toEqual({ kiosk: true, track: true, rating: false, display: false });
    expect(s.messages('km').messages).toEqual({ back: 'ត្រឡប់' });
  });

  it('a pack broken by hand on disk is listed with its reason and served to no screen', () => {
    const { s, dir } = store();
    s.importZip(pack({ back: 'ត្រឡប់' }));
    s.setScreens('km', { kiosk: true, track: false, rating: false, display: false });
    fs.writeFileSync(path.join(dir, 'lang', 'km', 'messages.json'), '{"back": "{oops}"}');
    const again = new LangStore(dir);
    expect(again.list()[0]).toMatchObject({ code: 'km', meta: null, problem: expect.stringMatching(/"back" có chỗ điền \{oops\}/) });
    expect(again.enabled()).toEqual([]);
    expect(() => again.messages('km')).toThrow();
  });
});

describe('the packs motcua ships', () => {
  it('the template is empty and imports as a pack with everything missing; the pseudo pack covers every key', async () => {
    const { s } = store();
    const dir = path.resolve('resources/lang-template');
    const template = writeZip(['messages.json', 'meta.json'].map((name) => ({ name: `lang-template/${name}`, data: fs.readFileSync(path.join(dir, name)) })));
    const view = s.importZip(template);
    expect(view).toMatchObject({ code: 'xx', translated: 0, problem: null });
    expect(view.missing).toHaveLength(Object.keys(flattenCatalog(viCatalog)).length);
    const { pseudoPack } = await import('../../../scripts/i18nPseudoPack');
    const pseudo = pseudoPack();
    const p = s.importZip(writeZip([{ name: 'messages.json', data: Buffer.from(JSON.stringify(pseudo.messages)) }, { name: 'meta.json', data: Buffer.from(JSON.stringify(pseudo.meta)) }]));
    expect(p).toMatchObject({ code: 'qps-ploc', missing: [], problem: null });
  });
});
