// Issue #28 point 13: "Bỏ qua" (no-show) only after a second call or the office's minimum since
// the call, judged by the host over HTTP on a real SQLite file; the clock is moved, not waited on.
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { signedInAdmin, signedInCounter } from '../../helpers/devices';
import type { HttpClient } from '../../helpers/httpClient';
import { FakeClock, tempHost } from '../../helpers/tempHost';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function desk(clock: FakeClock): Promise<{ h: Host; c: HttpClient }> {
  host = await tempHost({ clock });
  const c = await signedInCounter(host, 1);
  return { h: host, c };
}

async function callOne(h: Host, c: HttpClient): Promise<string> {
  h.queue.issuer.issue({ serviceId: 1 });
  const r = await c.post('/api/counters/1/next');
  expect(r.status).toBe(200);
  return r.body.id as string;
}

const stateOf = (h: Host, id: string) => h.queue.ctx.ticket(id).state;

describe('Bỏ qua (no-show)', () => {
  it('is refused right after a single call with SKIP_TOO_EARLY, changing nothing, and allowed once the minimum has passed', async () => {
    const clock = new FakeClock();
    const { h, c } = await desk(clock);
    const id = await callOne(h, c);
    const eventsBefore = h.db.prepare('SELECT count(*) AS n FROM events').get();

    clock.advance(1000);
    const early = await c.post(`/api/tickets/${id}/skip`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('SKIP_TOO_EARLY');
    expect(early.body.error.message).toBe('Chưa thể bỏ qua: hãy gọi lại công dân hoặc chờ thêm 59 giây');
    expect(stateOf(h, id)).toBe('called');
    expect(h.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual(eventsBefore);
    // The counter screen is told the same, to count down rather than offer the button.
    expect((await c.get('/api/counters/1/state')).body.skip).toEqual({ ready: false, inSeconds: 59, minSeconds: 60 });

    clock.advance(58_000);
    expect((await c.post(`/api/tickets/${id}/skip`)).body.error.message).toContain('chờ thêm 1 giây');
    clock.advance(1000);
    expect((await c.get('/api/counters/1/state')).body.skip).toEqual({ ready: true, inSeconds: 0, minSeconds: 60 });
    const ok = await c.post(`/api/tickets/${id}/skip`);
    expect(ok.status).toBe(200);
    expect(stateOf(h, id)).toBe('skipped');
  });

  it('is allowed at once after a recall, and a recall of an earlier call does not count for the next one', async () => {
    const clock = new FakeClock();
    const { h, c } = await desk(clock);
    const id = await callOne(h, c);
    clock.advance(5000);
    expect((await c.post(`/api/tickets/${id}/recall`)).status).toBe(200);
    expect((await c.get('/api/counters/1/state')).body.skip.ready).toBe(true);
    expect((await c.post(`/api/tickets/${id}/skip`)).status).toBe(200);

    // The citizen turns up late, is put back in line and called again: a fresh call, a fresh minimum.
    clock.advance(60_000);
    expect((await c.post(`/api/tickets/${id}/reactivate`)).status).toBe(200);
    expect((await c.post('/api/counters/1/next')).body.id).toBe(id);
    clock.advance(2000);
    const again = await c.post(`/api/tickets/${id}/skip`);
    expect(again.body.error.code).toBe('SKIP_TOO_EARLY');
    expect(stateOf(h, id)).toBe('called');
  });

  it('follows the office setting: 0 allows it at once, 120 keeps it closed at 60 s', async () => {
    const clock = new FakeClock();
    const { h, c } = await desk(clock);
    const admin = await signedInAdmin(h);
    const office = (await admin.get('/api/admin/office')).body;
    expect(office.skipMinSeconds).toBe(60);

    expect((await admin.post('/api/admin/office', { ...office, skipMinSeconds: 120 })).status).toBe(200);
    const a = await callOne(h, c);
    clock.advance(60_000);
    expect((await c.post(`/api/tickets/${a}/skip`)).body.error).toMatchObject({ code: 'SKIP_TOO_EARLY', message: expect.stringContaining('chờ thêm 60 giây') });
    expect((await c.get('/api/counters/1/state')).body.skip).toEqual({ ready: false, inSeconds: 60, minSeconds: 120 });

    expect((await admin.post('/api/admin/office', { ...office, skipMinSeconds: 0 })).status).toBe(200);
    expect((await c.post(`/api/tickets/${a}/skip`)).status).toBe(200);
    // Out of range is refused with a clear code, and the setting stays as it was.
    const bad = await admin.post('/api/admin/office', { ...office, skipMinSeconds: 3600 });
    expect(bad.status).toBe(400);
    expect((await admin.get('/api/admin/office')).body.skipMinSeconds).toBe(0);
  });
});
