// The one audio format an office's recordings are kept in: PCM WAV, mono, 16-bit. Chromium and
// Electron decode it natively, it needs no encoder in the browser, and a 10-second clip at
// 22.05 kHz is 441 KB. Pure, so the admin's browser writes it and the host checks it with the
// same code.

export interface WavInfo {
  rate: number;
  channels: number;
  bits: number;
  /** Offset and length of the samples in the file. */
  dataOffset: number;
  dataBytes: number;
  seconds: number;
}

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);

/** The header of a PCM WAV file, or why the bytes are not one (a sentence for the admin). */
export function parseWav(b: Uint8Array): WavInfo | string {
  if (b.length < 44 || ascii(b, 0) !== 'RIFF' || ascii(b, 8) !== 'WAVE') return 'không phải tệp âm thanh WAV';
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let fmt: { format: number; channels: number; rate: number; bits: number } | null = null;
  for (let o = 12; o + 8 <= b.length; ) {
    const id = ascii(b, o);
    const size = view.getUint32(o + 4, true);
    const body = o + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > b.length) return 'phần mô tả định dạng WAV bị hỏng';
      fmt = { format: view.getUint16(body, true), channels: view.getUint16(body + 2, true), rate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!fmt) return 'tệp WAV thiếu phần mô tả định dạng';
      if (fmt.format !== 1 || fmt.bits !== 16) return 'chỉ nhận WAV PCM 16 bit';
      if (fmt.channels !== 1) return 'chỉ nhận âm thanh một kênh (mono)';
      if (body + size > b.length) return 'tệp WAV bị cắt cụt';
      if (size < 2) return 'tệp WAV không có âm thanh';
      return { rate: fmt.rate, channels: 1, bits: 16, dataOffset: body, dataBytes: size, seconds: size / 2 / fmt.rate };
    }
    o = body + size + (size % 2);
  }
  return 'tệp WAV không có dữ liệu âm thanh';
}

/** Samples of a parsed mono 16-bit WAV, scaled to −1…1. */
export function wavSamples(b: Uint8Array, info: WavInfo): Float32Array {
  const view = new DataView(b.buffer, b.byteOffset + info.dataOffset, info.dataBytes);
  const out = new Float32Array(Math.floor(info.dataBytes / 2));
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true) / 0x8000;
  return out;
}

/** Mono 16-bit PCM WAV of `samples` (−1…1, clipped). */
export function encodeWav(samples: Float32Array, rate: number): Uint8Array {
  const out = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(out.buffer);
  const put = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  put(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  put(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  put(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const c = Math.max(-1, Math.min(1, samples[i] as number));
    view.setInt16(44 + i * 2, Math.round(c < 0 ? c * 0x8000 : c * 0x7fff), true);
  }
  return out;
}
