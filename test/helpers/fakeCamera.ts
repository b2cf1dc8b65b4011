import fs from 'node:fs';
import QRCode from 'qrcode';

/**
 * A video file Chromium plays as its camera (`--use-file-for-fake-video-capture`): a QR code of
 * `text`, black on white, in the middle of a 320×240 frame, as a card held up to a kiosk's camera
 * looks once in focus. Y4M (raw YUV 4:2:0) at 10 frames a second, which Chromium loops: first
 * `blankFrames` of an empty white frame (the citizen still reaching for their card), then as many
 * of the code (held still long enough for a kiosk decoding a few frames a second).
 */
export function qrCameraFile(text: string, file: string, blankFrames = 0, moduleSize = 5): string {
  const W = 320;
  const H = 240;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = n * moduleSize;
  const x0 = Math.floor((W - side) / 2);
  const y0 = Math.floor((H - side) / 2);
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < moduleSize; dy++) y.fill(16, (y0 + r * moduleSize + dy) * W + x0 + c * moduleSize, (y0 + r * moduleSize + dy) * W + x0 + (c + 1) * moduleSize);
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const blank = Buffer.alloc(W * H, 235);
  const frame = (luma: Buffer) => [Buffer.from('FRAME\n'), luma, chroma, chroma];
  const frames = [...Array.from({ length: blankFrames }, () => frame(blank)).flat(), ...Array.from({ length: Math.max(10, blankFrames) }, () => frame(y)).flat()];
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...frames]));
  return file;
}
