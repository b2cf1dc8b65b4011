// A phone's tracking page hears only its own ticket and its service's "now calling" (issue #14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Host } from '../../../electron/host/host';
import { STAFF, eventually, tempHost } from '../../helpers/tempHost';

let host: Host;
beforeAll(async () => {
  host = await tempHost({});
});
afterAll(async () => {
  await host.close();
});

function follow(query: string): Promise<{ ws: WebSocket; messages: Record<string, unknown>[]; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events${query}`);
    const messages: Record<string, unknown>[] = [];
    const closed = new Promise<void>((r) => ws.on('close', () => r()));
    ws.on('message', (d) => messages.push(JSON.parse(String(d)) as Record<string, unknown>));
    ws.on('open', () => resolve({ ws, messages, closed }));
    ws.on('error', reject);
  });
}

describe('tracking page subscription', () => {
  it('pushes its own ticket and its service\'s calls, nothing else of the hall', async () => {
    const q = host.queue;
    q.counters.open(1, 1);
    const other = q.issuer.issue({ serviceId: 1 });
    const mine = q.issuer.issue({ serviceId: 1 });
    const phone = await follow(`?track=${mine.id}`);
    await eventually(() => phone.messages.some((m) => m.type === 'hello'));
    const hall = phone.messages.length;
    // Another service's tickets: not this phone's business.
    q.issuer.issue({ serviceId: 2 });
    q.issuer.issue({ serviceId: 3 });
    // Its service calls the one before it: "now calling", and (after the play) one place less.
    q.calling.callNext(1, STAFF(1, 1));
    const calling = await eventually(() => phone.messages.find((m) => m.type === 'track.calling'));
    expect(calling).toMatchObject({ serviceId: 1, nowCalling: { number: other.number, counterNumber: 1, counterName: 'Quầy 1' } });
    const moved = await eventually(() => phone.messages.find((m) => m.type === 'track.status' && (m.status as { ahead: number }).ahead === 0));
    expect(moved).toMatchObject({ status: { id: mine.id, state: 'waiting' } });
    // Its own call: the status says where to go, without a fetch.
    q.calling.callNext(1, STAFF(1, 1));
    const called = await eventually(() => phone.messages.find((m) => m.type === 'track.status' && (m.status as { state: string }).state === 'called'));
    expect(called).toMatchObject({ status: { id: mine.id, counter: { number: 1 } } });
    // Never a hall event, and never another ticket's id.
    const types = new Set(phone.messages.slice(hall).map((m) => m.type));
    expect([...types].sort()).toEqual(['track.calling', 'track.status']);
    expect(JSON.stringify(phone.messages)).not.toContain(other.id);
    // A transfer: it follows the citizen's new row.
    const t = q.lifecycle.transfer(mine.id, { serviceId: 2 }, STAFF(1, 1));
    const after = await eventually(() => phone.messages.find((m) => m.type === 'track.status' && (m.status as { id: string }).id === t.id));
    expect(after).toMatchObject({ status: { number: mine.number, serviceId: 2, state: 'waiting' } });
    phone.ws.close();
    await phone.closed;
  });

  it('issue #28: "now calling" ends when its citizen is done, and a paused counter takes the minutes away', async () => {
    const q = host.queue;
    // Counter 3 alone serves Đất đai (service 3).
    q.counters.open(3, 3);
    const first = q.issuer.issue({ serviceId: 3 });
    const mine = q.issuer.issue({ serviceId: 3 });
    const phone = await follow(`?track=${mine.id}`);
    await eventually(() => phone.messages.some((m) => m.type === 'hello'));
    // The file's host is shared: Đất đai may still have a ticket of the first test before ours.
    for (let c = q.calling.callNext(3, STAFF(3, 3)); c.id !== first.id; c = q.calling.callNext(3, STAFF(3, 3))) q.lifecycle.finish(c.id, STAFF(3, 3));
    await eventually(() => phone.messages.find((m) => m.type === 'track.calling' && (m.nowCalling as { number: string } | null)?.number === first.number));
    q.lifecycle.finish(first.id, STAFF(3, 3));
    await eventually(() => phone.messages.find((m) => m.type === 'track.calling' && m.nowCalling === null));
    const withMinutes = await eventually(() => phone.messages.find((m) => m.type === 'track.status' && typeof (m.status as { etaMinutes: unknown }).etaMinutes === 'number'));
    expect(withMinutes).toMatchObject({ status: { id: mine.id, state: 'waiting', ahead: 0 } });
    const seen = phone.messages.length;
    q.counters.pause(3, 'break', '', STAFF(3, 3));
    const paused = await eventually(() => phone.messages.slice(seen).find((m) => m.type === 'track.status'));
    expect(paused).toMatchObject({ status: { id: mine.id, state: 'waiting', etaMinutes: null } });
    phone.ws.close();
    await phone.closed;
  });

  it('an unknown or malformed ticket id gets no socket', async () => {
    for (const q of ['?track=NOPE0000000000', '?track=../../etc', '?track=']) {
      await expect(follow(q)).rejects.toBeTruthy();
    }
  });
});
