import { useEffect, useRef } from 'react';

/**
 * A USB barcode scanner in keyboard-wedge mode is a keyboard that types fast and ends with Enter.
 * A person types a key every 100 ms or more; a scanner every few milliseconds. Two keys closer than
 * BURST_MS apart are a scan: from then on its keys are kept out of whatever field has focus (and the
 * first key, which landed before anyone could tell, is taken back out), so a citizen who scans while
 * the rating comment or the code box has focus does not find the card's text typed into it.
 */
const BURST_MS = 35;
/** A gap this long ends whatever was being collected. */
const GAP_MS = 100;
/** Shorter than any code this kiosk reads: a stray double key is not a scan. */
const MIN_SCAN = 8;

export interface ScanHandlers {
  /** A ticket's QR (its tracking URL …/t/<id>, or a bare id): the walk-up rating. */
  onTicketId: (id: string) => void;
  /** Anything else a scanner typed (an ID card QR, a dossier code…): check-in (#30). */
  onScan: (text: string) => void;
}

type Editable = HTMLInputElement | HTMLTextAreaElement;
const isEditable = (el: Element | null): el is Editable => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;

/** Put a field back as it was, the way React hears it (its onChange runs). */
function restore(field: Editable, value: string): void {
  const proto = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function useKioskScanner(handlers: ScanHandlers): void {
  const cb = useRef(handlers);
  cb.current = handlers;
  useEffect(() => {
    let buffer = '';
    let last = 0;
    let burst = false;
    // The focused field and its value before the key that may have started a scan.
    let before: { field: Editable; value: string } | null = null;
    const onKey = (e: KeyboardEvent) => {
      // When the key came, not when a busy kiosk got round to it: a scan's keys queued behind a
      // render still arrived milliseconds apart.
      const now = e.timeStamp > 0 ? e.timeStamp : performance.now();
      const gap = now - last;
      last = now;
      if (gap > GAP_MS) {
        buffer = '';
        burst = false;
        before = null;
      }
      if (e.key === 'Enter') {
        const text = buffer;
        const wasBurst = burst;
        buffer = '';
        burst = false;
        before = null;
        const m = /\/t\/([A-Za-z0-9]{8,32})\b/.exec(text) ?? /^([A-Za-z0-9]{14})$/.exec(text);
        if (m?.[1]) {
          cb.current.onTicketId(m[1]);
        } else if (wasBurst && text.length >= MIN_SCAN) {
          // The scanner's Enter must not also submit the form the field belongs to.
          e.preventDefault();
          e.stopPropagation();
          cb.current.onScan(text);
        }
        return;
      }
      if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
      if (buffer === '') {
        const el = document.activeElement;
        before = isEditable(el) ? { field: el, value: el.value } : null;
      } else if (gap < BURST_MS) {
        if (!burst && before) restore(before.field, before.value);
        burst = true;
      }
      if (burst) e.preventDefault();
      buffer = (buffer + e.key).slice(-1000);
    };
    // Capture: seen before the field's own handlers, so a prevented key never reaches it.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
