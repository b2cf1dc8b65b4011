import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Zone } from '../../shared/domain';
import { VOICE_LIMITS, recordableClips, voiceScope } from '../../shared/voiceClips';
import type { ClipGroup, VoiceClip, VoiceLang } from '../../shared/voiceClips';
import { encodeWav } from '../../shared/wavFile';
import { processTake } from '../audio/clipProcessing';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { errorText, fmt, useLang } from '../i18n';
import { voiceText } from '../i18nVoice';
import { FileInput } from './FormField';
import { startRecording, toBase64 } from './voice/micRecorder';
import type { Recording } from './voice/micRecorder';

// Quản trị → Giọng đọc (issue #31): the office records the clips the announcements are built
// from, one after another, from the keyboard. The flow is made for speed: Space starts, Space
// stops (the take is trimmed, levelled and played back at once), Enter keeps it and selects the
// next clip, R records it again. Nothing but the kept WAV leaves the browser.

type Phase = 'idle' | 'recording' | 'processing' | 'review' | 'saving';
interface Review {
  wav: Uint8Array;
  url: string;
  recordedSeconds: number;
  seconds: number;
  gainDb: number;
}
type Note = { ok: boolean; text: string } | null;

const s1 = (x: number, lang: string) => x.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const GROUPS: ClipGroup[] = ['phrase', 'number', 'letter', 'chime', 'guidance', 'service'];

export function VoicePanel() {
  const { lang: uiLang } = useLang();
  const v = voiceText(uiLang);
  const zonesQ = useQuery('listZones', {}, (m) => m.type === 'config.changed');
  const voiceQ = useQuery('voiceClips', {}, () => false);
  const [zoneId, setZoneId] = useState<number | null>(null);
  const [lang, setLang] = useState<VoiceLang>('vi');
  const servicesQ = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const services = servicesQ.data;
  const clips = useMemo(() => recordableClips(lang, services ?? []), [lang, services]);
  const [selected, setSelected] = useState<string>(clips[0]?.id ?? '');
  const [phase, setPhase] = useState<Phase>('idle');
  const [review, setReview] = useState<Review | null>(null);
  const [note, setNote] = useState<Note>(null);
  const recording = useRef<Recording | null>(null);
  const player = useRef<HTMLAudioElement | null>(null);
  const recorderBox = useRef<HTMLDivElement>(null);
  const zones: Zone[] = zonesQ.data ?? [];
  const zoneName = (z: Zone) => (uiLang === 'en' && z.nameEn ? z.nameEn : z.nameVi);
  const recorded = voiceQ.data?.clips ?? [];
  const scope = voiceScope(zoneId);
  const own = (id: string) => recorded.find((c) => c.scope === scope && c.lang === lang && c.clip === id);
  const office = (id: string) => recorded.find((c) => c.scope === 'office' && c.lang === lang && c.clip === id);
  const clip = clips.find((c) => c.id === selected) ?? clips[0];
  // The progress counts the set every office records; services' names are extra, counted in their group.
  const core = clips.filter((c) => c.group !== 'service');
  const done = core.filter((c) => own(c.id)).length;

  const focusRecorder = () => recorderBox.current?.focus();
  const play = (url: string) => {
    player.current?.pause();
    const a = new Audio(url);
    player.current = a;
    void a.play().catch(() => undefined);
  };
  const dropReview = useCallback(() => {
    setReview((r) => {
      if (r) URL.revokeObjectURL(r.url);
      return null;
    });
  }, []);

  useEffect(() => () => recording.current?.cancel(), []);
  // Another set or language: start again at its first clip.
  useEffect(() => {
    recording.current?.cancel();
    recording.current = null;
    dropReview();
    setPhase('idle');
    setSelected(recordableClips(lang, [])[0]?.id ?? '');
  }, [lang, zoneId, dropReview]);

  const start = async () => {
    dropReview();
    setNote(null);
    try {
      recording.current = await startRecording();
      setPhase('recording');
    } catch (e) {
      setPhase('idle');
      setNote({ ok: false, text: fmt(v.noMic, { why: (e as Error).message || String(e) }) });
    }
  };

  const stop = async () => {
    const r = recording.current;
    recording.current = null;
    if (!r) return;
    setPhase('processing');
    try {
      const take = await r.stop();
      const p = processTake(take.samples, take.rate);
      if (!p) {
        setPhase('idle');
        setNote({ ok: false, text: v.silent });
        return;
      }
      if (p.seconds > VOICE_LIMITS.maxSeconds) {
        setPhase('idle');
        setNote({ ok: false, text: fmt(v.tooLong, { max: VOICE_LIMITS.maxSeconds }) });
        return;
      }
      const wav = encodeWav(p.samples, p.rate);
      const url = URL.createObjectURL(new Blob([wav as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));
      setReview({ wav, url, recordedSeconds: p.recordedSeconds, seconds: p.seconds, gainDb: p.gainDb });
      setPhase('review');
      // Heard back at once: the admin judges it while reaching for Enter or R.
      play(url);
    } catch (e) {
      setPhase('idle');
      setNote({ ok: false, text: fmt(v.noMic, { why: (e as Error).message || String(e) }) });
    }
  };

  const keep = async () => {
    if (!review || !clip) return;
    setPhase('saving');
    try {
      const saved = await call('saveVoiceClip', { body: { zoneId, lang, clip: clip.id, wav: await toBase64(new Blob([review.wav as Uint8Array<ArrayBuffer>])) } });
      voiceQ.push({ clips: [...recorded.filter((c) => !(c.scope === saved.scope && c.lang === saved.lang && c.clip === saved.clip)), saved], revision: voiceQ.data?.revision ?? '' });
      setNote({ ok: true, text: fmt(v.kept, { say: clip.say || v.groups.chime }) });
      dropReview();
      setPhase('idle');
      // "Record next": the following clip, so the admin only reads, presses Space twice and Enter.
      const i = clips.findIndex((c) => c.id === clip.id);
      const next = clips[i + 1];
      if (next) setSelected(next.id);
      else setNote({ ok: true, text: v.allDone });
    } catch (e) {
      setPhase('review');
      setNote({ ok: false, text: errorText(e, uiLang) });
    }
    focusRecorder();
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key;
    if (key === ' ') {
      e.preventDefault();
      if (phase === 'recording') void stop();
      else if (phase === 'idle' || phase === 'review') void start();
    } else if (key === 'Enter' && phase === 'review') {
      e.preventDefault();
      void keep();
    } else if ((key === 'r' || key === 'R') && phase === 'review') {
      e.preventDefault();
      void start();
    } else if ((key === 'ArrowDown' || key === 'ArrowUp') && (phase === 'idle' || phase === 'review')) {
      e.preventDefault();
      const i = clips.findIndex((c) => c.id === clip?.id);
      const next = clips[Math.max(0, Math.min(clips.length - 1, i + (key === 'ArrowDown' ? 1 : -1)))];
      if (next) {
        dropReview();
        setPhase('idle');
        setSelected(next.id);
      }
    }
  };

  const choose = (c: VoiceClip) => {
    if (phase === 'recording' || phase === 'saving') return;
    dropReview();
    setPhase('idle');
    setSelected(c.id);
    focusRecorder();
  };

  const remove = async (c: VoiceClip) => {
    try {
      const r = await call('deleteVoiceClip', { body: { zoneId, lang, clip: c.id } });
      voiceQ.push({ clips: r.clips, revision: voiceQ.data?.revision ?? '' });
      const back = zoneId !== null && r.clips.some((x) => x.scope === 'office' && x.lang === lang && x.clip === c.id);
      setNote({ ok: true, text: fmt(v.removed, { what: back ? v.removedToOffice : v.removedToGenerated }) });
    } catch (e) {
      setNote({ ok: false, text: errorText(e, uiLang) });
    }
  };

  const testCall = async () => {
    try {
      const r = await call('voiceTestCall', { body: { zoneId, lang } });
      setNote({ ok: true, text: fmt(v.testCallSent, { text: r.text }) });
    } catch (e) {
      setNote({ ok: false, text: errorText(e, uiLang) });
    }
  };

  const exportPack = async () => {
    try {
      const p = await call('exportVoicePack');
      const bytes = Uint8Array.from(atob(p.zip), (ch) => ch.charCodeAt(0));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
      a.download = p.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      setNote({ ok: true, text: fmt(v.exported, { clips: p.clips }) });
    } catch (e) {
      setNote({ ok: false, text: errorText(e, uiLang) });
    }
  };

  const importPack = async (f: File | null) => {
    if (!f) return;
    try {
      const r = await call('importVoicePack', { body: { zip: await toBase64(f) } });
      voiceQ.reload();
      setNote({ ok: true, text: fmt(v.imported, r) });
    } catch (e) {
      setNote({ ok: false, text: errorText(e, uiLang) });
    }
  };

  const status = (c: VoiceClip) => {
    const mine = own(c.id);
    if (mine) return { recorded: true, text: fmt(zoneId === null ? v.recorded : v.ownZone, { s: s1(mine.seconds, uiLang) }) };
    const o = zoneId === null ? undefined : office(c.id);
    if (o) return { recorded: true, text: fmt(v.fromOffice, { s: s1(o.seconds, uiLang) }) };
    // No generated voice says a service's name: until recorded, the kiosk names it by its letter.
    return { recorded: false, text: c.group === 'service' ? v.byLetter : v.generated };
  };
  const clipUrl = (c: VoiceClip) => `/voice/${scope}/${lang}/${c.id}?v=${encodeURIComponent(voiceQ.data?.revision ?? '')}-${recorded.length}-${own(c.id)?.bytes ?? 0}`;

  if (!clip) return null;
  return (
    <div className="voice-panel" data-testid="voice-panel">
      <section className="panel voice-side">
        <h2>{v.title}</h2>
        <p className="form-intro">{v.intro}</p>
        <div className="voice-choose">
          <label>
            {v.scope}
            <select value={zoneId ?? ''} data-testid="voice-scope" onChange={(e) => setZoneId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{v.scopeOffice}</option>
              {zones.length > 1 &&
                zones.map((z) => (
                  <option key={z.id} value={z.id}>
                    {fmt(v.scopeZone, { zone: zoneName(z) })}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {v.lang}
            <select value={lang} data-testid="voice-lang" onChange={(e) => setLang(e.target.value as VoiceLang)}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
        <div
          className={`voice-recorder phase-${phase}`}
          ref={recorderBox}
          tabIndex={0}
          role="group"
          aria-label={v.recorder}
          data-testid="voice-recorder"
          data-phase={phase}
          data-clip={clip.id}
          onKeyDown={onKey}
        >
          <div className="voice-say">
            <span className="form-help">{v.readThis}</span>
            <strong data-testid="voice-say">{clip.say || v.chimeSay}</strong>
          </div>
          <p className="voice-phase" aria-live="polite">
            {phase === 'idle' && v.idle}
            {phase === 'recording' && <span className="voice-rec-dot">● {v.recording}</span>}
            {phase === 'processing' && v.processing}
            {phase === 'saving' && v.saving}
            {phase === 'review' && review && (
              <span data-testid="voice-review" data-recorded={review.recordedSeconds} data-kept={review.seconds}>
                {fmt(v.review, { raw: s1(review.recordedSeconds, uiLang), kept: s1(review.seconds, uiLang), gain: review.gainDb > 0 ? `+${s1(review.gainDb, uiLang)}` : s1(review.gainDb, uiLang) })}
              </span>
            )}
          </p>
          <div className="voice-buttons">
            {phase === 'recording' ? (
              <button type="button" className="btn-primary voice-big" onClick={() => void stop().then(focusRecorder)}>
                ■ {v.stop}
              </button>
            ) : (
              phase !== 'review' && (
                <button type="button" className="btn-primary voice-big" disabled={phase !== 'idle'} onClick={() => void start().then(focusRecorder)}>
                  ● {v.start}
                </button>
              )
            )}
            {phase === 'review' && review && (
              <>
                <button type="button" className="btn-primary voice-big" data-testid="voice-keep" onClick={() => void keep()}>
                  {v.keep}
                </button>
                <button type="button" className="btn-secondary" onClick={() => void start().then(focusRecorder)}>
                  {v.redo}
                </button>
                <button type="button" className="btn-secondary" onClick={() => play(review.url)}>
                  {v.hear}
                </button>
              </>
            )}
          </div>
        </div>
        {note && (
          <div className={note.ok ? 'stat' : 'error-banner'} role={note.ok ? 'status' : 'alert'} data-testid="voice-note">
            {note.text}
          </div>
        )}
        <div className="voice-tools">
          <button type="button" className="btn-secondary" data-testid="voice-test-call" onClick={() => void testCall()} title={v.testCallHelp}>
            {v.testCall}
          </button>
          <button type="button" className="btn-secondary" data-testid="voice-export" onClick={() => void exportPack()}>
            {v.exportPack}
          </button>
        </div>
        <p className="form-help">{v.testCallHelp}</p>
        <label className="voice-import">
          {v.importPack}
          <FileInput accept=".zip,application/zip" testId="voice-import" onFile={(f) => void importPack(f)} />
        </label>
        <p className="form-help">{v.importHelp}</p>
      </section>
      <section className="panel voice-list-panel" aria-label={v.title}>
        <h2 data-testid="voice-progress">{fmt(zoneId === null ? v.progress : v.progressZone, { done, total: core.length })}</h2>
        <div className="voice-list">
          {GROUPS.map((g) => {
            const rows = clips.filter((c) => c.group === g);
            if (!rows.length) return null;
            return (
              <div key={g} className="voice-group">
                <h3>{v.groups[g]}</h3>
                <ul>
                  {rows.map((c) => {
                    const st = status(c);
                    return (
                      <li key={c.id} className={c.id === clip.id ? 'voice-row selected' : 'voice-row'} data-clip={c.id} data-recorded={st.recorded ? 'yes' : 'no'} aria-current={c.id === clip.id}>
                        <button type="button" className="voice-name" onClick={() => choose(c)}>
                          {c.say || v.groups.chime}
                        </button>
                        <span className={st.recorded ? 'voice-state recorded' : 'voice-state'} data-testid="voice-state">
                          {st.text}
                        </span>
                        <span className="voice-row-buttons">
                          {(st.recorded || c.group !== 'service') && (
                            <button type="button" className="btn-secondary" onClick={() => play(clipUrl(c))}>
                              {v.play}
                            </button>
                          )}
                          <button type="button" className="btn-secondary" onClick={() => choose(c)}>
                            {v.record}
                          </button>
                          {own(c.id) && (
                            <button type="button" className="btn-secondary" data-testid="voice-delete" onClick={() => void remove(c)}>
                              {v.remove}
                            </button>
                          )}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
}
