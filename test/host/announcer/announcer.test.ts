import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnouncementConfig } from '../../../shared/announcementConfig';
import type { AnnounceMessage } from '../../../shared/announcementConfig';
import { announcementClips } from '../../../shared/announcementText';
import { createAnnouncer } from '../../../electron/host/announcer/announcer';
import { CallOutputs } from '../../../electron/host/devices/callOutputs';
import { clipPath, renderAnnouncementWav } from '../../../electron/host/announcer/announcementWav';
import { VoiceStore } from '../../../electron/host/announcer/voiceStore';
import { toneWav } from '../../helpers/voiceWav';
import { decodeOgg, oggSeconds, readWav, rms, wavSeconds } from '../../helpers/audio';
import { FakeClock, STAFF, tempDir, tempQueue } from '../../helpers/tempHost';

const AUDIO = path.resolve('resources/audio');

describe('announcements on the host', () => {
  it('announces calls, recalls and resumes in order; quiet hours stay silent', () => {
    const clock = new FakeClock(); // 08:00 local
    const { queue } = tempQueue({ clock });
    const sent: AnnounceMessage[] = [];
    let cfg = AnnouncementConfig.parse({});
    const a = createAnnouncer({ config: () => cfg, services: () => queue.views.serviceNumbers(), publish: (m) => sent.push(m), now: clock.now, timeZone: () => 'Asia/Ho_Chi_Minh' });
    queue.onEvent((e) => a.handle(e));
    queue.counters.open(3, 3);
    const t1 = queue.issuer.issue({ serviceId: 3 });
    queue.issuer.issue({ serviceId: 3 });
    queue.calling.callNext(3, STAFF(3, 3));
    queue.calling.recall(t1.id, STAFF(3, 3));
    const t2 = queue.calling.callNext(3, STAFF(3, 3));
    queue.lifecycle.finish(t2.id, STAFF(3, 3));
    queue.counters.pause(3, 'break', '', STAFF(3, 3));
    queue.counters.resume(3, STAFF(3, 3));
    expect(sent.map((m) => [m.seq, m.kind, m.ticketNumber])).toEqual([
      [1, 'call', 'C001'],
      [2, 'recall', 'C001'],
      [3, 'call', 'C002'],
      [4, 'resume', null],
    ]);
    // Every seeded service numbers 1–999, so the letter is spoken (C001 is not B001).
    expect(sent[0]?.text).toBe('Mời công dân có số thứ tự xê một đến quầy số ba');
    expect(sent[3]?.text).toBe('Quầy số ba tiếp tục phục vụ');
    cfg = AnnouncementConfig.parse({ quietFrom: '07:00', quietTo: '09:00' });
    queue.issuer.issue({ serviceId: 3 });
    queue.calling.callNext(3, STAFF(3, 3));
    expect(sent).toHaveLength(4);
  });

  it('every clip a call can need exists and is not silent, in both voices (a zone may speak both)', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const ids = new Set<string>();
      for (let n = 0; n < 1000; n += 7) for (const id of announcementClips(`A${n}`, (n % 40) + 1, { lang, readPrefix: true })) ids.add(id);
      for (const id of ids) {
        const f = clipPath(id, lang, [AUDIO]);
        expect(f, `${lang}/${id}`).not.toBeNull();
        expect(rms((await decodeOgg(f as string)).samples), `${lang}/${id}`).toBeGreaterThan(0.01);
      }
    }
  });

  it('renders a call to a WAV of exactly its clips, end to end', async () => {
    const clips = announcementClips('B105', 12, { lang: 'vi', readPrefix: true });
    const out = path.join(tempDir(), 'call.wav');
    await renderAnnouncementWav(clips, 'vi', [path.join(tempDir(), 'office-audio'), AUDIO], out);
    const expected = clips.reduce((s, c) => s + oggSeconds(clipPath(c, 'vi', [AUDIO]) as string), 0);
    expect(wavSeconds(out)).toBeCloseTo(expected, 1);
    expect(expected).toBeGreaterThan(4);
    const wav = readWav(out);
    expect([wav.rate, wav.channels]).toEqual([22050, 1]);
    expect(rms(wav.samples)).toBeGreaterThan(0.02);
    // It starts with the first clip itself, sample for sample (to 16-bit precision).
    const first = (await decodeOgg(clipPath(clips[0] as string, 'vi', [AUDIO]) as string)).samples;
    let worst = 0;
    for (let i = 0; i < first.length; i++) worst = Math.max(worst, Math.abs((wav.samples[i] as number) - (first[i] as number)));
    expect(worst).toBeLessThan(1e-3);
  });

  it('renders a call with the zone’s recorded clips where the office recorded them', async () => {
    const dir = tempDir();
    const store = new VoiceStore(path.join(dir, 'audio'), { zone: (id) => (id === 2 ? { id: 2, nameVi: 'Tầng 2', nameEn: '', sortOrder: 0 } : null), zones: () => [] });
    const recorded = toneWav({ tone: 0.5, rate: 16000 });
    store.save(2, 'vi', 'moi_cong_dan', recorded);
    const clips = announcementClips('B105', 12, { lang: 'vi', readPrefix: true });
    const generated = clips.reduce((s, c) => s + oggSeconds(clipPath(c, 'vi', [AUDIO]) as string), 0);
    const out = path.join(dir, 'zone.wav');
    await renderAnnouncementWav(clips, 'vi', [AUDIO], out, { store, zoneId: 2 });
    expect(wavSeconds(out)).toBeCloseTo(generated - oggSeconds(clipPath('moi_cong_dan', 'vi', [AUDIO]) as string) + 0.5, 1);
    // Another zone has no recording of its own and the office none: the generated call.
    await renderAnnouncementWav(clips, 'vi', [AUDIO], out, { store, zoneId: 1 });
    expect(wavSeconds(out)).toBeCloseTo(generated, 1);
  });
});

describe('custom announcement wording', () => {
  it('uses the office template, spoken by speech synthesis (no clips for custom words)', () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock });
    const sent: AnnounceMessage[] = [];
    const cfg = AnnouncementConfig.parse({ template: 'Xin mời số {số} đến quầy {quầy}' });
    const a = createAnnouncer({ config: () => cfg, services: () => queue.views.serviceNumbers(), publish: (m) => sent.push(m), now: clock.now, timeZone: () => 'Asia/Ho_Chi_Minh' });
    queue.onEvent((e) => a.handle(e));
    queue.counters.open(1, 1);
    queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    expect(sent[0]).toMatchObject({ text: 'Xin mời số a một đến quầy một', clips: [] });
  });
});

describe('announcements per zone (provincial centre, two floors)', () => {
  it('floor 2 speaks with its own volume and languages and goes quiet at 16:30; floor 1 keeps the office voice', async () => {
    const clock = new FakeClock(); // Monday 08:00 in Hà Nội
    const { queue } = tempQueue({ clock, sample: 'centre' });
    const sent: AnnounceMessage[] = [];
    const out = new CallOutputs(queue, (m) => sent.push(m as AnnounceMessage), () => undefined);
    try {
      const stored = out.setAnnouncementConfig(
        AnnouncementConfig.parse({ lang: 'vi', volume: 1, zones: [{ zoneId: 2, lang: 'both', volume: 0.4, repeat: 2, quietFrom: '16:30', quietTo: '07:00' }] }),
      );
      expect(stored.zones).toEqual([{ zoneId: 2, enabled: true, lang: 'both', volume: 0.4, repeat: 2, quietFrom: '16:30', quietTo: '07:00' }]);
      const counters = queue.views.listCounters();
      const one = counters.find((c) => c.zoneId === 1) as (typeof counters)[number];
      const two = counters.find((c) => c.zoneId === 2) as (typeof counters)[number];
      queue.counters.open(one.id, one.id);
      queue.counters.open(two.id, two.id);
      const callAt = (c: typeof one) => {
        const t = queue.issuer.issue({ serviceId: c.serviceIds[0] as number });
        queue.calling.callNext(c.id, STAFF(c.id, c.id));
        queue.lifecycle.finish(t.id, STAFF(c.id, c.id));
        return t.number;
      };
      const summary = () => sent.map((m) => ({ zoneId: m.zoneId, lang: m.lang, volume: m.volume, repeat: m.repeat, ticket: m.ticketNumber }));

      const a = callAt(one);
      const b = callAt(two);
      expect(summary()).toEqual([
        { zoneId: 1, lang: 'vi', volume: 1, repeat: 1, ticket: a },
        // Floor 2: Vietnamese, then English, softer, twice each.
        { zoneId: 2, lang: 'vi', volume: 0.4, repeat: 2, ticket: b },
        { zoneId: 2, lang: 'en', volume: 0.4, repeat: 2, ticket: b },
      ]);
      expect(sent[2]?.clips.length).toBeGreaterThan(3);
      expect(sent.map((m) => m.seq)).toEqual([1, 2, 3]);

      // 16:45: floor 2's quiet hours. Its calls are silent; floor 1's are spoken as before.
      clock.t = Date.UTC(2026, 10, 23, 9, 45);
      sent.length = 0;
      callAt(two);
      const c = callAt(one);
      expect(summary()).toEqual([{ zoneId: 1, lang: 'vi', volume: 1, repeat: 1, ticket: c }]);

      // Floor 2 set back to the office's voice (its entry removed): it speaks again, as floor 1 does.
      out.setAnnouncementConfig({ ...out.announcementConfig(), zones: [] });
      sent.length = 0;
      const d = callAt(two);
      expect(summary()).toEqual([{ zoneId: 2, lang: 'vi', volume: 1, repeat: 1, ticket: d }]);
    } finally {
      await out.close();
    }
  });

  it('an announcement setting stored before zones existed reads unchanged', () => {
    const old = { enabled: true, lang: 'en', readPrefix: true, repeat: 2, gapMs: 800, volume: 0.7, quietFrom: '12:00', quietTo: '13:00', announceResume: false, template: null };
    expect(AnnouncementConfig.parse(old)).toEqual({ ...old, zones: [] });
  });
});
