import { startDbWorker } from './dbWorker';
import type { KeptDevice, RestorePrepared } from './restoreCheck';

export function prepareRestoreInWorker(uploaded: string, out: string, keeps: { settings: Record<string, string>; devices: readonly KeptDevice[] }): Promise<RestorePrepared> {
  const { settings, devices } = keeps;
  return new Promise((resolve) => {
    const worker = startDbWorker('restoreWorker', { uploaded, out, settings, devices });
    let answered = false;
    worker.once('message', (m: RestorePrepared) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', (e) => resolve({ ok: false, reason: `kiểm tra thất bại (${String(e.message).slice(0, 120)})` }));
    worker.once('exit', () => {
      if (!answered) resolve({ ok: false, reason: 'kiểm tra bị dừng' });
    });
  });
}
