// The display's call queue (issue #31, "no silent display"): a counter's newer call replaces its
// older one not yet spoken; a call gone stale is dropped instead of spoken late.
import { describe, expect, it } from 'vitest';
import type { AnnounceMessage } from '../../shared/announcementConfig';
import { CallQueue, STALE_CALL_MS } from '../../renderer/audio/callQueue';

const call = (seq: number, counterNumber: number, zoneId: number | null = null): AnnounceMessage => ({
  type: 'announce',
  seq,
  kind: 'call',
  ticketNumber: `A${String(seq).padStart(3, '0')}`,
  counterNumber,
  zoneId,
  lang: 'vi',
  text: `Mời số ${seq} đến quầy ${counterNumber}`,
  clips: ['chime'],
  repeat: 1,
  gapMs: 0,
  volume: 1,
});

describe('CallQueue', () => {
  it('8 calls in 11 s at one counter: only the newest waits to be spoken; other counters keep theirs, in order', () => {
    const q = new CallQueue();
    const replaced: number[] = [];
    q.push(call(1, 2), 0);
    for (let i = 0; i < 8; i++) for (const d of q.push(call(10 + i, 1), i * 1400)) replaced.push(d.call.msg.seq);
    q.push(call(30, 3), 11_000);
    expect(replaced).toEqual([10, 11, 12, 13, 14, 15, 16]);
    const spoken: number[] = [];
    for (let next = q.take(11_000).next; next; next = q.take(11_000).next) spoken.push(next.msg.seq);
    expect(spoken).toEqual([1, 17, 30]);
  });

  it('the admin’s test call and a real call at the same counter number never replace each other', () => {
    const q = new CallQueue();
    q.push(call(1, 1, 2), 0);
    expect(q.push({ ...call(2, 1, 2), kind: 'test' }, 0)).toEqual([]);
    expect(q.push(call(3, 1, 2), 0).map((d) => d.call.msg.seq)).toEqual([1]);
    expect(q.push({ ...call(4, 1, 2), kind: 'test' }, 0).map((d) => d.call.msg.seq)).toEqual([2]);
    expect(q.size).toBe(2);
  });

  it('the same counter number in another zone is another counter', () => {
    const q = new CallQueue();
    q.push(call(1, 1, 1), 0);
    expect(q.push(call(2, 1, 2), 0)).toEqual([]);
    expect(q.size).toBe(2);
  });

  it('blocked sound for 20 s, then a tap: the stale calls are dropped, the fresh one is spoken', () => {
    const q = new CallQueue();
    q.push(call(1, 1), 0);
    q.push(call(2, 2), 3_000);
    q.push(call(3, 3), 19_000);
    const { next, dropped } = q.take(20_000);
    expect(dropped.map((d) => [d.call.msg.seq, d.reason])).toEqual([[1, 'stale'], [2, 'stale']]);
    expect(next?.msg.seq).toBe(3);
    expect(q.take(20_000).next).toBeNull();
  });

  it('a call exactly at the limit is still spoken; one just past it is not', () => {
    const q = new CallQueue();
    q.push(call(1, 1), 0);
    expect(q.take(STALE_CALL_MS).next?.msg.seq).toBe(1);
    q.push(call(2, 1), 0);
    expect(q.take(STALE_CALL_MS + 1).next).toBeNull();
  });
});
