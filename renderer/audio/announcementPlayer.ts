// Plays call announcements in the display window, offline: a sequence of short clips (chime,
// phrases, number words) scheduled back to back on one Web Audio clock, so they join without
// gaps. Announcements queue: a new call never cuts off the one being spoken. A clip that cannot
// be loaded makes that announcement fall back to the system's Vietnamese speech voice, if any.
//
//   const player = createAnnouncementPlayer({ baseUrl: '/audio/' });
//   player.enqueue(msg);   // an AnnounceMessage from the host: chime + "Mời công dân có số thứ tự …"
//   player.pending         // announcements waiting behind the current one
import type { AnnounceMessage } from '../../shared/announcementConfig';

export interface PlayerOptions {
  /** Where clips live: `${baseUrl}${lang}/${id}.ogg` (the host serves DATA/audio first, then the shipped set). */
  baseUrl: string;
}

export interface PlayedAnnouncement {
  seq: number;
  text: string;
  via: 'clips' | 'speech' | 'silent';
  /** Audio-clock seconds the clips were scheduled from and to (clips only). */
  start: number;
  end: number;
  clips: number;
}

export interface AnnouncementPlayer {
  enqueue(msg: AnnounceMessage): Promise<void>;
  readonly pending: number;
  /** Every announcement actually played, for tests and diagnostics. */
  readonly log: PlayedAnnouncement[];
}

export function createAnnouncementPlayer(o: PlayerOptions): AnnouncementPlayer {
  const cache = new Map<string, Promise<AudioBuffer | null>>();
  let ctx: AudioContext | null = null;
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const log: AnnouncementPlayer['log'] = [];

  const audio = (): AudioContext | null => {
    if (typeof AudioContext === 'undefined') return null;
    if (!ctx) {
      ctx = new AudioContext();
      // Browsers start audio suspended until someone touches the page; resume on the first touch.
      const resume = () => void ctx?.resume();
      window.addEventListener('pointerdown', resume, { once: true });
      window.addEventListener('keydown', resume, { once: true });
    }
    return ctx;
  };

  const load = (lang: string, id: string): Promise<AudioBuffer | null> => {
    let p = cache.get(`${lang}/${id}`);
    if (!p) {
      const ac = audio();
      p = ac
        ? fetch(`${o.baseUrl}${lang}/${id}.ogg`)
            .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))
            .then((b) => ac.decodeAudioData(b))
            .catch(() => null)
        : Promise.resolve(null);
      cache.set(`${lang}/${id}`, p);
    }
    return p;
  };

  const playClips = async (buffers: AudioBuffer[], volume: number): Promise<{ start: number; end: number }> => {
    const ac = audio();
    if (!ac) return { start: 0, end: 0 };
    await ac.resume().catch(() => undefined);
    const gain = ac.createGain();
    gain.gain.value = volume;
    gain.connect(ac.destination);
    const start = ac.currentTime + 0.05;
    let t = start;
    let last: AudioBufferSourceNode | null = null;
    for (const b of buffers) {
      const src = ac.createBufferSource();
      src.buffer = b;
      src.connect(gain);
      src.start(t);
      t += b.duration;
      last = src;
    }
    // Done when the audio clock has played the last clip, not when the wall clock says so: on a
    // busy PC the audio clock runs behind, and the next call would start over this one's end.
    // The timer only keeps a stalled audio device from holding every later call.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, (t - ac.currentTime) * 1000 + 5000);
      if (last)
        last.onended = () => {
          clearTimeout(timer);
          resolve();
        };
    });
    return { start, end: t };
  };

  const speak = (text: string, lang: string, volume: number): Promise<boolean> =>
    new Promise((resolve) => {
      const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
      const voice = synth?.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
      if (!synth || !voice) return resolve(false);
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.volume = volume;
      u.onend = () => resolve(true);
      u.onerror = () => resolve(false);
      synth.speak(u);
    });

  const announce = async (m: AnnounceMessage) => {
    const buffers = await Promise.all(m.clips.map((id) => load(m.lang, id)));
    const complete = buffers.length > 0 && buffers.every((b): b is AudioBuffer => b !== null);
    for (let i = 0; i < Math.max(1, m.repeat); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, m.gapMs));
      let via: PlayedAnnouncement['via'] = 'silent';
      let span = { start: 0, end: 0 };
      if (complete) {
        span = await playClips(buffers, m.volume);
        via = 'clips';
      } else if (await speak(m.text, m.lang, m.volume)) via = 'speech';
      log.push({ seq: m.seq, text: m.text, via, ...span, clips: buffers.length });
    }
  };

  return {
    enqueue(m) {
      pending++;
      chain = chain.then(() => announce(m)).finally(() => pending--);
      return chain;
    },
    get pending() {
      return pending;
    },
    log,
  };
}
