import type { SkipReadiness } from '../../../shared/api/schemas';
import type { TicketRow } from './rows';

/**
 * A no-show only after the citizen had a fair chance: called twice (a recall after this call), or
 * `minSeconds` since the call. Null when the ticket is not waiting for its citizen to come.
 */
export function skipReadiness(t: Pick<TicketRow, 'state' | 'called_at' | 'recalled_at'>, minSeconds: number, now: number): SkipReadiness | null {
  if (t.state !== 'called' || t.called_at === null) return null;
  const recalled = t.recalled_at !== null && t.recalled_at !== undefined && t.recalled_at >= t.called_at;
  const left = t.called_at + minSeconds * 1000 - now;
  if (recalled || left <= 0) return { ready: true, inSeconds: 0, minSeconds };
  return { ready: false, inSeconds: Math.ceil(left / 1000), minSeconds };
}
