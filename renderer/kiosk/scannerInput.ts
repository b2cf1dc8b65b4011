import { useEffect, useRef } from 'react';

/**
 * A USB barcode scanner is a keyboard that types fast and ends with Enter. Collect such bursts
 * and hand over the ticket id found in a scanned tracking URL (…/t/<id>) or a bare id.
 */
export function useTicketScanner(onTicketId: (id: string) => void): void {
  const cb = useRef(onTicketId);
  cb.current = onTicketId;
  useEffect(() => {
    let buffer = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      const now = performance.now();
      if (now - last > 100) buffer = '';
      last = now;
      if (e.key === 'Enter') {
        const m = /\/t\/([A-Za-z0-9]{8,32})\b/.exec(buffer) ?? /^([A-Za-z0-9]{14})$/.exec(buffer);
        buffer = '';
        if (m?.[1]) cb.current(m[1]);
        return;
      }
      if (e.key.length === 1) buffer = (buffer + e.key).slice(-200);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
