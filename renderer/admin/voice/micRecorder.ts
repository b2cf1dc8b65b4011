// One take from the browser's microphone: MediaRecorder while the admin speaks, then decoded
// straight to mono at the rate clips are kept at (an OfflineAudioContext decodes to its own rate).
import { VOICE_LIMITS } from '../../../shared/voiceClips';

export interface Take {
  samples: Float32Array;
  rate: number;
}

export interface Recording {
  stop(): Promise<Take>;
  cancel(): void;
}

/**
 * Opens the microphone for this take only and closes it after: the browser's "in use" light is
 * honest, and no stream is left open while the admin does something else. Opening costs tens of
 * milliseconds, part of the per-clip overhead measured in test/e2e/adminVoice.test.ts.
 */
export async function startRecording(): Promise<Recording> {
  // The browser's own voice processing would pump the level and eat word ends: the take is levelled later.
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 } });
  const close = () => stream.getTracks().forEach((t) => t.stop());
  let rec: MediaRecorder;
  try {
    rec = new MediaRecorder(stream);
  } catch (e) {
    close();
    throw e;
  }
  const chunks: Blob[] = [];
  rec.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const stopped = new Promise<void>((resolve) => {
    rec.onstop = () => resolve();
  });
  rec.start();
  return {
    async stop() {
      if (rec.state !== 'inactive') rec.stop();
      await stopped;
      close();
      const bytes = await new Blob(chunks, { type: rec.mimeType }).arrayBuffer();
      const ctx = new OfflineAudioContext(1, 1, VOICE_LIMITS.rate);
      const buf = await ctx.decodeAudioData(bytes);
      const samples = new Float32Array(buf.length);
      for (let c = 0; c < buf.numberOfChannels; c++) {
        const ch = buf.getChannelData(c);
        for (let i = 0; i < ch.length; i++) samples[i] = (samples[i] as number) + (ch[i] as number) / buf.numberOfChannels;
      }
      return { samples, rate: buf.sampleRate };
    },
    cancel() {
      if (rec.state !== 'inactive') rec.stop();
      close();
    },
  };
}

/** Base64 of bytes without a string the size of the file per byte (a pack is megabytes). */
export function toBase64(bytes: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(bytes);
  });
}
