import { Camera } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useLang } from '../i18n';
import type { CameraScan as Scan } from './cameraScanner';

/** Whether the machine has a camera at all (labels stay hidden until one is opened; the kind does not). */
async function hasCamera(): Promise<boolean> {
  if (!navigator.mediaDevices?.enumerateDevices) return false;
  try {
    return (await navigator.mediaDevices.enumerateDevices()).some((d) => d.kind === 'videoinput');
  } catch {
    return false;
  }
}

/**
 * The check-in step's camera (#30), where the kiosk has one: a live picture the citizen holds their
 * card or receipt up to. Opened only on this step and closed when it ends, so the camera's light is
 * on only while a citizen is scanning. A kiosk without a camera shows nothing here.
 */
export function CameraScan({ onScan }: { onScan: (text: string) => void }) {
  const { t } = useLang();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'none' | 'opening' | 'on' | 'failed'>('none');
  const handler = useRef(onScan);
  handler.current = onScan;

  useEffect(() => {
    let scan: Scan | null = null;
    let live = true;
    void hasCamera().then(async (yes) => {
      if (!yes || !live || !video.current) return;
      setState('opening');
      try {
        // The decoder (≈ 1 MB with its WebAssembly) loads only on kiosks that have a camera.
        const { startCameraScan } = await import('./cameraScanner');
        if (!live || !video.current) return;
        const s = await startCameraScan(video.current, (text) => handler.current(text));
        if (!live) return s.stop();
        scan = s;
        setState('on');
      } catch {
        // Refused or busy: the USB scanner and the typed code still work.
        if (live) setState('failed');
      }
    });
    return () => {
      live = false;
      scan?.stop();
    };
  }, []);

  return (
    <div className={`camera-scan ${state}`} data-testid="camera-scan" data-state={state} hidden={state === 'none' || state === 'failed'}>
      <video ref={video} playsInline muted aria-hidden="true" />
      <p>
        <Camera aria-hidden="true" size={32} /> {t.cameraHold}
      </p>
    </div>
  );
}
