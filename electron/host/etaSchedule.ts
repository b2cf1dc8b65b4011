import type { Log } from './logger';
import type { QueueService } from './queue/queueService';

/** A burst of changes waits this long for its play: the request that made the change goes first. */
const LEAD_MS = 30;
/**
 * At most one play per this long while changes keep coming. A play of a long line costs a few to
 * tens of milliseconds of the one JS thread; requests arriving meanwhile wait, so playing after
 * every change in a busy morning made every request wait behind one (issue #14).
 */
const GAP_MS = 1000;
/** How often the board is asked whether its play has aged out (it redoes it once a minute). */
const AGE_CHECK_MS = 5000;

/**
 * Plays the forecast off the request path: coalesced per burst of queue changes, on a timer, so
 * reads (the issue answer, the kiosk's tiles, phones) take the last play and never play themselves.
 * `played` is told after each new play (the host pushes `eta.changed` so screens refetch once).
 */
export function playEtaInBackground(queue: QueueService, log: Log, played: () => void): () => void {
  queue.eta.playInBackground();
  let pending: NodeJS.Timeout | null = null;
  let lastEnd = 0;
  const play = () => {
    pending = null;
    try {
      const redone = queue.eta.refresh(queue.now());
      lastEnd = Date.now();
      if (redone) played();
    } catch (e) {
      lastEnd = Date.now();
      log({ level: 'error', msg: 'ETA refresh failed', error: String(e) });
    }
  };
  const schedule = () => {
    if (pending) return;
    pending = setTimeout(play, Math.max(LEAD_MS, lastEnd + GAP_MS - Date.now()));
  };
  const stop = queue.onEvent(schedule);
  const ageCheck = setInterval(schedule, AGE_CHECK_MS);
  ageCheck.unref();
  return () => {
    stop();
    clearInterval(ageCheck);
    if (pending) clearTimeout(pending);
  };
}
