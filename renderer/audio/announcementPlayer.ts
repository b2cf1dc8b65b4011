// Plays call announcements in the display window, offline: a sequence of short clips (chime,
// phrases, number words) scheduled back to back on one Web Audio clock, so they join without
// gaps. Announcements queue: a new call never cuts off the one being spoken, but a counter's newer
// call replaces its older one not yet spoken, and a call gone stale is dropped (callQueue.ts). A clip
// that cannot be loaded makes that announcement fall back to the system's Vietnamese speech voice.
//
//   const player = createAnnouncementPlayer({ baseUrl: '/voice/', onAudioState, onClipFailed });
//   player.enqueue(msg);   // an AnnounceMessage from the host: chime + "Mời công dân có số thứ tự …"
//   player.pending         // announcements waiting behind the current one
import type { AnnounceMessage } from '../../shared/announcementConfig';
import { voiceScope } from '../../shared/voiceClips';
import { CallQueue } from './callQueue';
import type { DroppedCall } from './callQueue';

/** 'blocked': the browser holds the sound until someone touches the page (its autoplay rule). */
export type AudioState = 'starting' | 'playing' | 'blocked' | 'unsupported';

export interface PlayerOptions {
  /**
   * Where clips live: `${baseUrl}${scope}/${lang}/${id}`, scope the call's zone (`zone-3`) or
   * `office`. The host answers with the zone's recording, the office's, else the generated clip.
   */
  baseUrl: string;
  onAudioState?: (state: AudioState) => void;
  onClipFailed?: (clip: string) => void;
  now?: () => number;
}

/** Announcements kept for diagnostics: enough for support staff to see the last minutes, never a day's. */
export const PLAYED_LOG_SIZE = 50;
/** How long a fresh audio context may take to start before the display says its sound is blocked. */
const BLOCKED_AFTER_MS = 1000;

export interface PlayedAnnouncement {
  seq: number;
  text: string;
  via: 'clips' | 'speech' | 'silent' | 'stale' | 'superseded';
  /** Audio-clock seconds the clips were scheduled from and to (clips only). */
  start: number;
  end: number;
  clips: number;
}

export interface AnnouncementPlayer {
  enqueue(msg: AnnounceMessage): Promise<void>;
  readonly pending: number;
  readonly audioState: AudioState;
  /** The last PLAYED_LOG_SIZE announcements, played or dropped, for tests and diagnostics. */
  readonly log: PlayedAnnouncement[];
}

export function createAnnouncementPlayer(o: PlayerOptions): AnnouncementPlayer {
  const now = o.now ?? (() => performance.now());
  const cache = new Map<string, Promise<AudioBuffer | null>>();
  // The voice revision the cached clips were decoded under: a clip re-recorded is fetched again.
  let cachedVoice: string | undefined;
  let ctx: AudioContext | null = null;
  const queue = new CallQueue();
  let draining: Promise<void> | null = null;
  let speaking = 0;
  let state: AudioState = 'starting';
  const log: AnnouncementPlayer['log'] = [];
  const record = (entry: PlayedAnnouncement) => {
    log.push(entry);
    if (log.length > PLAYED_LOG_SIZE) log.splice(0, log.length - PLAYED_LOG_SIZE);
  };
  const recordDropped = (dropped: DroppedCall[]) => {
    for (const d of dropped) record({ seq: d.call.msg.seq, text: d.call.msg.text, via: d.reason, start: 0, end: 0, clips: 0 });
  };
  const setState = (next: AudioState) => {
    if (next === state) return;
    state = next;
    o.onAudioState?.(next);
  };
  const running: (() => void)[] = [];

  const audio = (): AudioContext | null => {
    if (typeof AudioContext === 'undefined') return null;
    if (!ctx) {
      const ac = new AudioContext();
      ctx = ac;
      const watch = () => {
        if (ac.state === 'running') {
          setState('playing');
          for (const r of running.splice(0)) r();
        }
      };
      ac.addEventListener('statechange', watch);
      // Browsers start audio suspended until someone touches the page; resume on a touch or key.
      const resume = () => void ac.resume().then(watch, () => undefined);
      window.addEventListener('pointerdown', resume);
      window.addEventListener('keydown', resume);
      resume();
      setTimeout(() => {
        if (ac.state !== 'running') setState('blocked');
      }, BLOCKED_AFTER_MS);
    }
    return ctx;
  };
  /** Resolves once the sound can be heard: a blocked display waits here, and its calls age meanwhile. */
  const whenRunning = (): Promise<void> => {
    const ac = audio();
    if (!ac || ac.state === 'running') return Promise.resolve();
    return new Promise((resolve) => running.push(resolve));
  };
  /** Start the audio now (a display that speaks): it says whether it is blocked before the first call. */
  const startAudio = () => {
    if (!audio()) setState('unsupported');
  };

  const load = (scope: string, lang: string, id: string, voice: string | undefined): Promise<AudioBuffer | null> => {
    if (voice !== cachedVoice) {
      cache.clear();
      cachedVoice = voice;
    }
    const key = `${scope}/${lang}/${id}`;
    let p = cache.get(key);
    if (!p) {
      const ac = audio();
      p = ac
        ? fetch(`${o.baseUrl}${key}${voice ? `?v=${encodeURIComponent(voice)}` : ''}`)
            .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))
            .then((b) => ac.decodeAudioData(b))
            .catch(() => {
              o.onClipFailed?.(`${lang}/${id}`);
              // Not kept: the next call tries again (a clip the admin is re-recording, a blip).
              cache.delete(key);
              return null;
            })
        : Promise.resolve(null);
      cache.set(key, p);
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
    // A finished call's nodes leave the graph, so a display open for months does not keep them.
    gain.disconnect();
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
    const scope = voiceScope(m.zoneId ?? null);
    const buffers = await Promise.all(m.clips.map((id) => load(scope, m.lang, id, m.voice)));
    const complete = buffers.length > 0 && buffers.every((b): b is AudioBuffer => b !== null);
    for (let i = 0; i < Math.max(1, m.repeat); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, m.gapMs));
      let via: PlayedAnnouncement['via'] = 'silent';
      let span = { start: 0, end: 0 };
      if (complete) {
        span = await playClips(buffers, m.volume);
        via = 'clips';
      } else if (await speak(m.text, m.lang, m.volume)) via = 'speech';
      record({ seq: m.seq, text: m.text, via, ...span, clips: buffers.length });
    }
  };

  const drain = async () => {
    for (;;) {
      await whenRunning();
      const { next, dropped } = queue.take(now());
      recordDropped(dropped);
      if (!next) return;
      speaking++;
      try {
        await announce(next.msg);
      } finally {
        speaking--;
      }
    }
  };

  startAudio();
  return {
    enqueue(m) {
      recordDropped(queue.push(m, now()));
      draining ??= drain().finally(() => {
        draining = null;
      });
      return draining;
    },
    get pending() {
      return queue.size + speaking;
    },
    get audioState() {
      return state;
    },
    log,
  };
}
