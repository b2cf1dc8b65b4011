import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { writeZip, zipEntries, zipEntryData } from '../../../shared/zipArchive';
import type { AnnounceMessage } from '../../../shared/announcementConfig';
import { deviceClient, signedInAdmin, signedInCounter } from '../../helpers/devices';
import type { HttpClient } from '../../helpers/httpClient';
import { tempHost } from '../../helpers/tempHost';
import { paddedWav, toneWav } from '../../helpers/voiceWav';
import { zipFile } from '../../helpers/zipFile';

// Issue #31, the office's own voice: what the host keeps, refuses and serves.
let host: Host;
let admin: HttpClient;
let zoneId: number;

beforeAll(async () => {
  host = await tempHost();
  admin = await signedInAdmin(host);
  const z = await admin.post('/api/admin/zones', { nameVi: 'Tầng 2', nameEn: 'Floor 2' });
  expect(z.status).toBe(200);
  zoneId = z.body.id;
});
afterAll(async () => {
  await host.close();
});

const b64 = (b: Buffer | Uint8Array) => Buffer.from(b).toString('base64');
const put = (clip: string, wav: Buffer, zone: number | null = null, lang = 'vi') => admin.post('/api/admin/voice/clips', { zoneId: zone, lang, clip, wav: b64(wav) });
const served = async (p: string) => {
  const r = await fetch(`http://127.0.0.1:${host.port}${p}`);
  return { status: r.status, source: r.headers.get('x-voice-source'), type: r.headers.get('content-type'), body: Buffer.from(await r.arrayBuffer()) };
};
const stored = (scope: string, clip: string, lang = 'vi') => path.join(host.dataDir, 'audio', 'voice', scope, lang, `${clip}.wav`);

describe('recording a clip', () => {
  it('keeps a WAV clip for the office, serves it to calls in every zone, and lists it with its length', async () => {
    const wav = toneWav({ tone: 0.8 });
    const r = await put('mot', wav);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ scope: 'office', zoneId: null, lang: 'vi', clip: 'mot', seconds: 0.8 });
    expect(fs.readFileSync(stored('office', 'mot')).equals(wav)).toBe(true);
    for (const scope of ['office', `zone-${zoneId}`]) {
      const s = await served(`/voice/${scope}/vi/mot`);
      expect([s.status, s.source, s.type]).toEqual([200, 'office', 'audio/wav']);
      expect(s.body.equals(wav)).toBe(true);
    }
    // Clips nobody recorded stay the generated ones.
    const hai = await served(`/voice/zone-${zoneId}/vi/hai`);
    expect([hai.status, hai.source, hai.type]).toEqual([200, 'generated', 'audio/ogg']);
    const list = await admin.get('/api/admin/voice');
    expect(list.body.clips).toEqual([{ scope: 'office', zoneId: null, lang: 'vi', clip: 'mot', seconds: 0.8, bytes: wav.length }]);
  });

  it('a zone’s own clip overrides the office’s in that zone only; deleting it falls back to the office’s', async () => {
    const own = toneWav({ tone: 0.5, freq: 660 });
    expect((await put('mot', own, zoneId)).status).toBe(200);
    expect((await served(`/voice/zone-${zoneId}/vi/mot`)).source).toBe('zone');
    expect((await served(`/voice/zone-${zoneId}/vi/mot`)).body.equals(own)).toBe(true);
    expect((await served('/voice/office/vi/mot')).source).toBe('office');
    const del = await admin.post('/api/admin/voice/clips/delete', { zoneId, lang: 'vi', clip: 'mot' });
    expect(del.body.deleted).toBe(true);
    expect((await served(`/voice/zone-${zoneId}/vi/mot`)).source).toBe('office');
    // And the office's deleted: the generated voice again.
    await admin.post('/api/admin/voice/clips/delete', { zoneId: null, lang: 'vi', clip: 'mot' });
    expect((await served(`/voice/zone-${zoneId}/vi/mot`)).source).toBe('generated');
    expect((await admin.get('/api/admin/voice')).body.clips).toEqual([]);
  });
});

describe('refused clips leave the kept one as it was', () => {
  const kept = toneWav({ tone: 0.6, freq: 500 });
  beforeAll(async () => {
    expect((await put('den_quay_so', kept)).status).toBe(200);
  });
  const refusals: [string, () => Promise<{ status: number; body: { error?: { code: string; message: string } } }>, number, string][] = [
    ['not audio', () => put('den_quay_so', Buffer.from('<html>không phải âm thanh</html>'.repeat(20))), 400, 'VOICE_NOT_AUDIO'],
    ['an Ogg file (not the WAV the admin writes)', () => put('den_quay_so', fs.readFileSync('resources/audio/vi/den_quay_so.ogg')), 400, 'VOICE_NOT_AUDIO'],
    ['stereo', () => {
      const w = toneWav({ tone: 0.5 });
      w.writeUInt16LE(2, 22);
      return put('den_quay_so', w);
    }, 400, 'VOICE_NOT_AUDIO'],
    ['a WAV cut short', () => put('den_quay_so', toneWav({ tone: 1 }).subarray(0, 2000)), 400, 'VOICE_NOT_AUDIO'],
    ['over 10 s', () => put('den_quay_so', toneWav({ tone: 10.5, rate: 8000 })), 400, 'VOICE_CLIP_TOO_LONG'],
    ['over 1 MB (a short clip padded)', () => put('den_quay_so', paddedWav(2, 1024 * 1024)), 400, 'VOICE_CLIP_TOO_BIG'],
    ['an unknown clip id', () => put('xin_chao', kept), 404, 'VOICE_CLIP_UNKNOWN'],
    ['a clip of the other language', () => put('digit_1', kept, null, 'vi'), 404, 'VOICE_CLIP_UNKNOWN'],
    ['an unknown zone', () => put('den_quay_so', kept, 999), 404, 'ZONE_NOT_FOUND'],
    ['a traversal in the clip id', () => put('../../motcua', kept), 400, 'BAD_REQUEST'],
    ['a traversal in the language', () => put('den_quay_so', kept, null, '../vi'), 400, 'BAD_REQUEST'],
  ];
  for (const [what, send, status, code] of refusals) {
    it(what, async () => {
      const events = host.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
      const r = await send();
      expect([r.status, r.body.error?.code], JSON.stringify(r.body)).toEqual([status, code]);
      expect(r.body.error?.message.length).toBeGreaterThan(10);
      expect(fs.readFileSync(stored('office', 'den_quay_so')).equals(kept)).toBe(true);
      expect((await served('/voice/office/vi/den_quay_so')).body.equals(kept)).toBe(true);
      expect(fs.readdirSync(path.dirname(stored('office', 'den_quay_so')))).toEqual(['den_quay_so.wav']);
      expect(host.db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual(events);
    });
  }

  it('only an admin session on an admin device may record', async () => {
    const counter = await signedInCounter(host, 1);
    const r = await counter.post('/api/admin/voice/clips', { zoneId: null, lang: 'vi', clip: 'den_quay_so', wav: b64(toneWav({ tone: 0.3 })) });
    expect(r.body.error.code).toBe('DEVICE_ROLE');
    const unsigned = deviceClient(host, 'admin');
    expect((await unsigned.post('/api/admin/voice/clips', { zoneId: null, lang: 'vi', clip: 'den_quay_so', wav: b64(toneWav({ tone: 0.3 })) })).body.error.code).toBe('UNAUTHORIZED');
    expect(fs.readFileSync(stored('office', 'den_quay_so')).equals(kept)).toBe(true);
  });

  it('the clip URL serves known clips only, never a path out of the folder', async () => {
    for (const p of ['/voice/office/vi/..%2F..%2Fmotcua.sqlite', '/voice/office/vi/../../motcua.sqlite', '/voice/zone-0/vi/mot', '/voice/office/../vi/mot', '/voice/office/vi/nope', '/voice/zone-1x/vi/mot']) {
      expect((await served(p)).status, p).toBe(404);
    }
  });
});

describe('packs', () => {
  it('exports the recorded set with a manifest, and imports it into another office (zones matched by name)', async () => {
    expect((await put('mot', toneWav({ tone: 0.4 }), zoneId)).status).toBe(200);
    const ex = await admin.get('/api/admin/voice/pack');
    expect(ex.status).toBe(200);
    const zip = Buffer.from(ex.body.zip, 'base64');
    const entries = zipEntries(zip, 100);
    if (typeof entries === 'string') throw new Error(entries);
    const manifest = JSON.parse(Buffer.from(zipEntryData(zip, entries.find((e) => e.name === 'manifest.json')!) as Uint8Array).toString());
    expect(manifest.clips).toEqual([
      { zone: null, lang: 'vi', clip: 'den_quay_so', seconds: 0.6, file: 'office/vi/den_quay_so.wav' },
      { zone: 'Tầng 2', lang: 'vi', clip: 'mot', seconds: 0.4, file: `zone-${zoneId}/vi/mot.wav` },
    ]);

    const other = await tempHost();
    try {
      const otherAdmin = await signedInAdmin(other);
      // Without a zone of that name the pack is refused and says which zone.
      const refused = await otherAdmin.post('/api/admin/voice/pack', { zip: ex.body.zip });
      expect(refused.body.error.code).toBe('VOICE_PACK_INVALID');
      expect(refused.body.error.message).toContain('Tầng 2');
      expect((await otherAdmin.get('/api/admin/voice')).body.clips).toEqual([]);
      // Another office numbers its zones differently: the name is what matches.
      await otherAdmin.post('/api/admin/zones', { nameVi: 'Sảnh B' });
      const z2 = await otherAdmin.post('/api/admin/zones', { nameVi: 'Tầng 2' });
      const ok = await otherAdmin.post('/api/admin/voice/pack', { zip: ex.body.zip });
      expect(ok.body).toEqual({ clips: 2, zones: 1 });
      const clips = (await otherAdmin.get('/api/admin/voice')).body.clips;
      expect(clips.map((c: { scope: string; clip: string }) => `${c.scope}/${c.clip}`)).toEqual(['office/den_quay_so', `zone-${z2.body.id}/mot`]);
      const r = await fetch(`http://127.0.0.1:${other.port}/voice/zone-${z2.body.id}/vi/mot`);
      expect(r.headers.get('x-voice-source')).toBe('zone');
    } finally {
      await other.close();
    }
  });

  const good = () => ({ name: 'office/vi/mot.wav', data: toneWav({ tone: 0.3 }) });
  const manifest = (clips: object[]) => ({ name: 'manifest.json', data: Buffer.from(JSON.stringify({ format: 'motcua-voice', version: 1, clips })) });
  const entry = { zone: null, lang: 'vi', clip: 'mot', seconds: 0.3, file: 'office/vi/mot.wav' };
  const badPacks: [string, () => Promise<Buffer> | Buffer, string][] = [
    ['not a zip', () => Buffer.from('PK but not really'.repeat(10)), 'zip'],
    ['no manifest', () => Buffer.from(writeZip([good()])), 'manifest.json'],
    ['a manifest that is not JSON', () => Buffer.from(writeZip([{ name: 'manifest.json', data: Buffer.from('{oops') }, good()])), 'JSON'],
    ['one clip that is not audio among good ones', () => Buffer.from(writeZip([manifest([entry, { ...entry, clip: 'hai', file: 'office/vi/hai.wav' }]), good(), { name: 'office/vi/hai.wav', data: Buffer.from('not audio at all, just text'.repeat(10)) }])), 'hai.wav'],
    ['a clip over 10 s', () => Buffer.from(writeZip([manifest([entry]), { name: 'office/vi/mot.wav', data: toneWav({ tone: 11, rate: 8000 }) }])), '10 giây'],
    ['a clip id with a traversal', () => Buffer.from(writeZip([manifest([{ ...entry, clip: '../../../motcua' }]), good()])), 'motcua'],
    ['a file named out of the folder', () => Buffer.from(writeZip([manifest([{ ...entry, file: '../../x.wav' }]), good()])), 'x.wav'],
    ['an unknown zone', () => Buffer.from(writeZip([manifest([{ ...entry, zone: 'Khu không có' }]), good()])), 'Khu không có'],
    // A zip bomb: an entry that says 300 KB and inflates to 40 MB.
    [
      'an entry that inflates past what it declares (zip bomb)',
      () => {
        const raw = Buffer.alloc(40 * 1024 * 1024);
        const deflated = zlib.deflateRawSync(raw);
        return zipFile([{ name: 'manifest.json', data: JSON.stringify({ format: 'motcua-voice', version: 1, clips: [entry] }) }, { name: 'office/vi/mot.wav', deflated: { bytes: deflated, size: raw.length, crc: zlib.crc32(raw) }, declaredSize: 300_000 }]);
      },
      'mot.wav',
    ],
    ['an entry declaring over 1 MB', () => zipFile([{ name: 'manifest.json', data: JSON.stringify({ format: 'motcua-voice', version: 1, clips: [entry] }) }, { name: 'office/vi/mot.wav', data: toneWav({ tone: 0.3 }), declaredSize: 5 * 1024 * 1024 }]), '1 MB'],
  ];
  for (const [what, make, mentions] of badPacks) {
    it(`refuses ${what}; the running voice is untouched`, async () => {
      const before = (await admin.get('/api/admin/voice')).body.clips;
      const file = stored('office', 'den_quay_so');
      const bytes = fs.readFileSync(file);
      const r = await admin.post('/api/admin/voice/pack', { zip: b64(await make()) });
      expect(r.body.error?.code, JSON.stringify(r.body)).toBe('VOICE_PACK_INVALID');
      expect(r.body.error.message).toContain(mentions);
      expect((await admin.get('/api/admin/voice')).body.clips).toEqual(before);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      expect(fs.readdirSync(path.join(host.dataDir, 'audio')).sort()).toEqual(['voice']);
    });
  }
});

describe('test call', () => {
  it('sends a whole call in the zone’s voice to the speakers, without touching the queue', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`);
    const seen: AnnounceMessage[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(String(d));
      if (m.type === 'announce') seen.push(m);
    });
    await new Promise((r) => ws.on('open', r));
    const counts = () => host.db.prepare("SELECT (SELECT COUNT(*) FROM tickets) AS t, (SELECT COUNT(*) FROM events) AS e, (SELECT group_concat(status) FROM counters) AS c").get();
    const before = counts();
    const r = await admin.post('/api/admin/voice/test-call', { zoneId, lang: 'vi', ticketNumber: 'A123', counterNumber: 2 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await expect.poll(() => seen.length).toBe(1);
    const m = seen[0]!;
    expect(m).toMatchObject({ kind: 'test', zoneId, lang: 'vi', ticketNumber: 'A123', counterNumber: 2, text: 'Mời công dân có số thứ tự a một trăm hai mươi ba đến quầy số hai' });
    expect(m.clips).toEqual(['chime', 'moi_cong_dan', 'letter_A', 'mot', 'tram', 'hai', 'muoi2', 'ba', 'den_quay_so', 'hai']);
    expect(m.voice).toBe((await admin.get('/api/admin/voice')).body.revision);
    expect(counts()).toEqual(before);
    expect((await admin.post('/api/admin/voice/test-call', { zoneId: 999, lang: 'vi' })).body.error.code).toBe('ZONE_NOT_FOUND');
    ws.close();
  });
});
