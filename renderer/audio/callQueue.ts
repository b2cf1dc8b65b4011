import type { AnnounceMessage } from '../../shared/announcementConfig';

/**
 * A call not yet spoken this long after it reached the display is dropped, not spoken late: the
 * citizen has seen it on the screen by then, and a hall hearing last minute's numbers back to back
 * (a display whose sound was blocked, then tapped) walks people to the wrong counter.
 */
export const STALE_CALL_MS = 15_000;

export interface QueuedCall {
  msg: AnnounceMessage;
  /** The display's clock (ms) when the call arrived. */
  receivedAt: number;
}

export type DropReason = 'stale' | 'superseded';
export interface DroppedCall {
  call: QueuedCall;
  reason: DropReason;
}

/**
 * The calls a display has yet to speak, in order. A counter calling again before its earlier call
 * was spoken replaces it (the citizen wanted now is the newer one); calls too old to help are
 * dropped when their turn comes. Pure, so the rules are tested without audio.
 */
export class CallQueue {
  private readonly calls: QueuedCall[] = [];

  /** Adds a call; returns the ones it replaced. */
  push(msg: AnnounceMessage, receivedAt: number): DroppedCall[] {
    const dropped: DroppedCall[] = [];
    for (let i = this.calls.length - 1; i >= 0; i--) {
      const c = this.calls[i] as QueuedCall;
      // The admin's test call and a real call never stand for each other.
      if (c.msg.counterNumber === msg.counterNumber && c.msg.zoneId === msg.zoneId && (c.msg.kind === 'test') === (msg.kind === 'test')) {
        this.calls.splice(i, 1);
        dropped.unshift({ call: c, reason: 'superseded' });
      }
    }
    this.calls.push({ msg, receivedAt });
    return dropped;
  }

  /** The next call to speak at `now`, after dropping those gone stale. */
  take(now: number): { next: QueuedCall | null; dropped: DroppedCall[] } {
    const dropped: DroppedCall[] = [];
    for (;;) {
      const c = this.calls.shift();
      if (!c) return { next: null, dropped };
      if (now - c.receivedAt > STALE_CALL_MS) dropped.push({ call: c, reason: 'stale' });
      else return { next: c, dropped };
    }
  }

  get size(): number {
    return this.calls.length;
  }
}
