// A kiosk's camera as a scanner (#30): frames are decoded in the browser with zxing-cpp compiled to
// WebAssembly (the zxing-wasm package, shipped with the screens: no CDN, works offline). What it
// reads goes the same way as a USB scanner's burst: to POST /api/checkin, which tells what it is.
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** Frames decoded per second: enough for a card held still, light on a kiosk's CPU. */
const FRAMES_PER_SECOND = 5;
/** The same code is not sent again while it stays in front of the camera this long. */
const SAME_CODE_MS = 4000;

let prepared = false;
function prepare(): void {
  if (prepared) return;
  prepared = true;
  prepareZXingModule({ overrides: { locateFile: (file: string, prefix: string) => (file.endsWith('.wasm') ? wasmUrl : prefix + file) }, fireImmediately: false });
}

export interface CameraScan {
  stop(): void;
}

/**
 * Opens the camera into `video` and reads codes from it until stopped. QR (ID cards, bookings,
 * receipts), and the 1-D and matrix codes dossier receipts also carry.
 */
export async function startCameraScan(video: HTMLVideoElement, onText: (text: string) => void): Promise<CameraScan> {
  prepare();
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' }, audio: false });
  video.srcObject = stream;
  video.muted = true;
  await video.play().catch(() => undefined);
  const canvas = document.createElement('canvas');
  const g = canvas.getContext('2d', { willReadFrequently: true });
  let stopped = false;
  let busy = false;
  let last = { text: '', at: 0 };
  const timer = window.setInterval(() => {
    if (stopped || busy || !g || video.readyState < 2 || video.videoWidth === 0) return;
    busy = true;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    g.drawImage(video, 0, 0);
    const frame = g.getImageData(0, 0, canvas.width, canvas.height);
    readBarcodes(frame, { formats: ['QRCode', 'DataMatrix', 'Code128', 'PDF417', 'Aztec'], tryHarder: true, maxNumberOfSymbols: 1 })
      .then((found) => {
        const text = found.find((r) => r.isValid && r.text)?.text;
        if (!text || stopped) return;
        const now = Date.now();
        if (text === last.text && now - last.at < SAME_CODE_MS) return;
        last = { text, at: now };
        onText(text);
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, 1000 / FRAMES_PER_SECOND);
  return {
    stop() {
      stopped = true;
      window.clearInterval(timer);
      for (const t of stream.getTracks()) t.stop();
      video.srcObject = null;
    },
  };
}
