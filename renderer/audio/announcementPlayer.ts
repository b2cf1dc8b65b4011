// Plays call announcements in the display window, offline: a sequence of short clips (chime,
// phrases, number words) scheduled back to back on one Web Audio clock, so they join without
// gaps. Announcements queue: a new call never cuts off the one being spoken. A clip that cannot
// be loaded makes that announcement fall back to the system's Vietnamese speech voice, if any.
//
//   const player = createAnnouncementPlayer({ baseUrl: '/audio/' });
//   player.call('A012', 3);            // chime + "Mời công dân có số thứ tự mười hai đến quầy số ba"
//   player.pending                      // announcements waiting behind the current one
import { announcementClips, announcementText } from '../../shared/announcementText';

export interface PlayerOptions {
  /** Where clips live: `${baseUrl}${lang}/${id}.ogg` (the host serves DATA/audio first, then the shipped set). */
  baseUrl: string;
  lang?: 'vi' | 'en';
  readPrefix?: boolean;
  /** How many times each call is spoken, and the pause between repeats. */
  repeat?: number;
  gapMs?: number;
  volume?: number;
}

export interface AnnouncementPlayer {
  call(ticketNumber: string, counterNumber: number): Promise<void>;
  readonly pending: number;
  /** Every announcement actually played, for tests and diagnostics. */
  readonly log: { text: string; via: 'clips' | 'speech' | 'silent'; at: number }[];
}

export function createAnnouncementPlayer(o: PlayerOptions): AnnouncementPlayer {
  const lang = o.lang ?? 'vi';
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

  const load = (id: string): Promise<AudioBuffer | null> => {
    let p = cache.get(id);
    if (!p) {
      const ac = audio();
      p = ac
        ? fetch(`${o.baseUrl}${lang}/${id}.ogg`)
            .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))
            .then((b) => ac.decodeAudioData(b))
            .catch(() => null)
        : Promise.resolve(null);
      cache.set(id, p);
    }
    return p;
  };

  const playClips = async (buffers: AudioBuffer[]): Promise<void> => {
    const ac = audio();
    if (!ac) return;
    await ac.resume().catch(() => undefined);
    const gain = ac.createGain();
    gain.gain.value = o.volume ?? 1;
    gain.connect(ac.destination);
    let t = ac.currentTime + 0.05;
    for (const b of buffers) {
      const src = ac.createBufferSource();
      src.buffer = b;
      src.connect(gain);
      src.start(t);
      t += b.duration;
    }
    await new Promise((r) => setTimeout(r, (t - ac.currentTime) * 1000 + 50));
  };

  const speak = (text: string): Promise<boolean> =>
    new Promise((resolve) => {
      const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
      const voice = synth?.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
      if (!synth || !voice) return resolve(false);
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.volume = o.volume ?? 1;
      u.onend = () => resolve(true);
      u.onerror = () => resolve(false);
      synth.speak(u);
    });

  const announce = async (ticketNumber: string, counterNumber: number) => {
    const opts = { lang, readPrefix: o.readPrefix ?? false };
    const text = announcementText(ticketNumber, counterNumber, opts);
    const buffers = await Promise.all(announcementClips(ticketNumber, counterNumber, opts).map(load));
    const complete = buffers.every((b): b is AudioBuffer => b !== null);
    for (let i = 0; i < Math.max(1, o.repeat ?? 1); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, o.gapMs ?? 1500));
      let via: 'clips' | 'speech' | 'silent' = 'silent';
      if (complete) {
        await playClips(buffers);
        via = 'clips';
      } else if (await speak(text)) via = 'speech';
      log.push({ text, via, at: Date.now() });
    }
  };

  return {
    call(ticketNumber, counterNumber) {
      pending++;
      chain = chain.then(() => announce(ticketNumber, counterNumber)).finally(() => pending--);
      return chain;
    },
    get pending() {
      return pending;
    },
    log,
  };
}
