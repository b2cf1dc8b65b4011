import zlib from 'node:zlib';
import type { Bitmap } from './rasterText';

/**
 * A PNG (8-bit, non-interlaced: what image editors save for logos) decoded and thresholded to
 * printer dots, composited over white paper and shrunk to fit `maxWidth`. Null when the image is
 * not a PNG this can read (the ticket then prints without a logo).
 */
export function pngToDots(png: Buffer, maxWidth: number, maxHeight = 240): Bitmap | null {
  if (png.length < 33 || png.readUInt32BE(0) !== 0x89504e47) return null;
  let pos = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let type = 0;
  let interlace = 0;
  let palette: Buffer | null = null;
  let alphaPalette: Buffer | null = null;
  const idat: Buffer[] = [];
  while (pos + 8 <= png.length) {
    const len = png.readUInt32BE(pos);
    const kind = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8] as number;
      type = data[9] as number;
      interlace = data[12] as number;
    } else if (kind === 'PLTE') palette = data;
    else if (kind === 'tRNS') alphaPalette = data;
    else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    pos += 12 + len;
  }
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[type];
  if (!channels || depth !== 8 || interlace !== 0 || !width || !height || width * height > 4_000_000) return null;
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(idat));
  } catch {
    return null;
  }
  const stride = width * channels;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (px[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (px[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (px[(y - 1) * stride + x - channels] as number) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      px[y * stride + x] = (cur + (f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : f === 4 ? paeth : 0)) & 0xff;
    }
  }
  const lum = (x: number, y: number): number => {
    const i = y * stride + x * channels;
    let r: number, g: number, bl: number, alpha: number;
    if (type === 3) {
      const k = px[i] as number;
      r = palette?.[k * 3] ?? 255;
      g = palette?.[k * 3 + 1] ?? 255;
      bl = palette?.[k * 3 + 2] ?? 255;
      alpha = alphaPalette?.[k] ?? 255;
    } else if (type === 0 || type === 4) {
      r = g = bl = px[i] as number;
      alpha = type === 4 ? (px[i + 1] as number) : 255;
    } else {
      r = px[i] as number;
      g = px[i + 1] as number;
      bl = px[i + 2] as number;
      alpha = type === 6 ? (px[i + 3] as number) : 255;
    }
    const l = 0.299 * r + 0.587 * g + 0.114 * bl;
    return (l * alpha + 255 * (255 - alpha)) / 255;
  };
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  const w = Math.max(8, Math.floor((width * scale) / 8) * 8);
  const h = Math.max(1, Math.round(height * scale));
  const dots = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = Math.min(width - 1, Math.floor(x / scale));
      const sy = Math.min(height - 1, Math.floor(y / scale));
      dots[y * w + x] = lum(sx, sy) < 128 ? 1 : 0;
    }
  }
  return { width: w, height: h, dots };
}
