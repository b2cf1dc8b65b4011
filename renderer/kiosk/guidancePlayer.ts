// The kiosk's spoken guidance (#31): says one step's clips in order, in the office's recorded voice
// where it has one (the host serves /voice/<scope>/<lang>/<clip>: the zone's, the office's, else
// the generated clip). A new step interrupts the one being said (the citizen has moved on); "nghe
// lại" says the last step again; the volume is the citizen's own, for this visit only.

/** Clips said and how each ended, kept for support staff and tests: enough for one visit, never a day's. */
export const GUIDANCE_LOG_SIZE = 200;

export interface SaidClip {
  clip: string;
  /** 'playing': being said now; 'said': played to its end; 'cut': a newer step or "dừng" stopped it; 'failed': it could not be loaded. */
  how: 'playing' | 'said' | 'cut' | 'failed';
}

export interface GuidancePlayer {
  say(clips: readonly string[]): void;
  repeat(): void;
  stop(): void;
  volume: number;
  readonly log: readonly SaidClip[];
  close(): void;
}

export const VOLUME_STEPS = [0.25, 0.5, 0.75, 1] as const;

export function createGuidancePlayer(urlOf: (clip: string) => string): GuidancePlayer {
  let ctx: AudioContext | null = null;
  let gain: GainNode | null = null;
  let volume = 0.75;
  let last: readonly string[] = [];
  /** Bumped by every new step or stop: a sequence that sees another number has been interrupted. */
  let turn = 0;
  let current: AudioBufferSourceNode | null = null;
  const cache = new Map<string, Promise<AudioBuffer | null>>();
  const log: SaidClip[] = [];
  const note = (entry: SaidClip) => {
    log.push(entry);
    if (log.length > GUIDANCE_LOG_SIZE) log.splice(0, log.length - GUIDANCE_LOG_SIZE);
  };

  const audio = (): { ac: AudioContext; out: GainNode } | null => {
    if (typeof AudioContext === 'undefined') return null;
    if (!ctx || !gain) {
      ctx = new AudioContext();
      gain = ctx.createGain();
      gain.gain.value = volume;
      gain.connect(ctx.destination);
    }
    // The citizen's tap on the speech button is the gesture that lets the kiosk speak.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    return { ac: ctx, out: gain };
  };

  const load = (ac: AudioContext, clip: string): Promise<AudioBuffer | null> => {
    let p = cache.get(clip);
    if (!p) {
      p = fetch(urlOf(clip))
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))
        .then((b) => ac.decodeAudioData(b))
        .catch(() => null);
      cache.set(clip, p);
      // A failed load is tried again next time (the host may have been restarting).
      void p.then((b) => b === null && cache.delete(clip));
    }
    return p;
  };

  const play = (ac: AudioContext, out: GainNode, buffer: AudioBuffer): Promise<void> =>
    new Promise((resolve) => {
      const src = ac.createBufferSource();
      src.buffer = buffer;
      src.connect(out);
      src.onended = () => resolve();
      current = src;
      src.start();
    });

  const run = async (clips: readonly string[], mine: number) => {
    const a = audio();
    if (!a) return;
    // Fetch the whole step at once, so the clips follow each other without waiting on the network.
    const buffers = clips.map((c) => load(a.ac, c));
    for (let i = 0; i < clips.length; i++) {
      const clip = clips[i] as string;
      const buffer = await buffers[i];
      if (mine !== turn) return;
      if (!buffer) {
        note({ clip, how: 'failed' });
        continue;
      }
      const entry: SaidClip = { clip, how: 'playing' };
      note(entry);
      await play(a.ac, a.out, buffer);
      entry.how = mine === turn ? 'said' : 'cut';
      if (mine !== turn) return;
    }
    current = null;
  };

  const cut = () => {
    turn++;
    const playing = current;
    current = null;
    try {
      playing?.stop();
    } catch {
      // Already ended: nothing to stop.
    }
  };

  return {
    say(clips) {
      cut();
      last = clips;
      if (clips.length > 0) void run(clips, turn);
    },
    repeat() {
      this.say(last);
    },
    stop: cut,
    get volume() {
      return volume;
    },
    set volume(v: number) {
      volume = Math.min(1, Math.max(0, v));
      if (gain) gain.gain.value = volume;
    },
    get log() {
      return log;
    },
    close() {
      cut();
      void ctx?.close().catch(() => undefined);
      ctx = null;
      gain = null;
      cache.clear();
    },
  };
}
