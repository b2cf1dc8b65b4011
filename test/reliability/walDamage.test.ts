// Issue #27: a damaged write-ahead log must not lose acknowledged tickets silently. The host runs
// as `npm run serve` does (a child process), a kiosk takes 20 numbers, the host is SIGKILLed, the
// log is damaged as a bad sector or a half-finished copy would (header zeroed; cut to a third), and
// the host is started again: it must refuse to issue and say why, and after the admin's recovery
// step no number already acknowledged may be handed out again.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD } from '../helpers/devices';
import { HttpClient } from '../helpers/httpClient';
import { waitExit } from '../helpers/serveProcess';
import { acknowledgedThenDamaged, killStarted, seqOf, startedServe, zeroHeader } from '../helpers/walDamage';
import type { Damaged } from '../helpers/walDamage';

afterEach(killStarted);

async function refusesThenRecovers(c: Damaged, reason: string) {
  // Refuses to issue, and says why: the API error and health.
  const refused = await c.kiosk.post('/api/tickets', { serviceId: 1 });
  expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 503, code: 'DATABASE_DAMAGED' });
  expect(refused.body.error.message).toMatch(/tạm ngừng cấp số/);
  const health = (await c.phone.get('/api/health')).body;
  expect(health).toMatchObject({ ok: false, database: 'damaged' });
  expect(health.details).toBeUndefined();
  const detailed = (await c.kiosk.get('/api/health')).body;
  expect(detailed.details.database.damage).toMatchObject({ reason });
  // The damaged log was kept, byte for byte, beside the database.
  expect(fs.existsSync(detailed.details.database.damage.walCopy)).toBe(true);

  // The admin's recovery step, pre-filled with the best evidence: every acknowledged number is covered.
  expect((await c.admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200);
  const view = (await c.admin.get('/api/admin/database-recovery')).body;
  expect(view).toMatchObject({ damaged: true, damage: { reason } });
  let lost = 0;
  for (const [serviceId, seqs] of c.acked) {
    const s = view.services.find((x: { serviceId: number }) => x.serviceId === serviceId);
    expect(s.suggested, `service ${serviceId}`).toBeGreaterThanOrEqual(Math.max(...seqs));
    // The host's own log saw every number; the damaged log's frames, when its header is what broke.
    expect(s.inLog).toBe(Math.max(...seqs));
    if (reason === 'header') expect(s.inDamagedLog).toBe(Math.max(...seqs));
    if ((s.inDatabase ?? 0) < Math.max(...seqs)) lost++;
  }
  // The damage really took acknowledged numbers out of the database (what SQLite alone would hand out again).
  expect(lost).toBeGreaterThan(0);
  // The admin confirms what was pre-filled (a lower figure would be raised to the evidence anyway).
  const floors = view.services.map((s: { serviceId: number; suggested: number }) => ({ serviceId: s.serviceId, lastSeq: Math.max(0, s.suggested - 5) }));
  const done = await c.admin.post('/api/admin/database-recovery', { floors });
  expect(done.status).toBe(200);
  expect(done.body.damaged).toBe(false);
  expect((await c.phone.get('/api/health')).body).toMatchObject({ ok: true, database: 'ok' });

  // Numbering resumes above every number acknowledged before the damage, also after a restart.
  const issuedAfter = async (kiosk: HttpClient) => {
    for (const [serviceId, seqs] of c.acked) {
      const r = await kiosk.post('/api/tickets', { serviceId });
      expect(r.status).toBe(201);
      expect(seqOf(r.body.number as string), `service ${serviceId}`).toBeGreaterThan(Math.max(...seqs));
    }
  };
  await issuedAfter(c.kiosk);
  c.srv.child.kill('SIGTERM');
  await waitExit(c.srv.child);
  const again = await startedServe(c.dir);
  await issuedAfter(new HttpClient(again.base, c.kiosk.device));
}

describe('a damaged write-ahead log', () => {
  it('header zeroed after a kill: the host refuses numbers and says why; after the admin confirms, no acknowledged number is issued again', async () => {
    const c = await acknowledgedThenDamaged(zeroHeader);
    await refusesThenRecovers(c, 'header');
  }, 90_000);

  it('cut to a third after a kill: the same', async () => {
    const c = await acknowledgedThenDamaged((wal) => fs.truncateSync(wal, Math.floor(fs.statSync(wal).size / 3)));
    await refusesThenRecovers(c, 'index');
  }, 90_000);

  it('a plain kill is not damage: the host issues on, above every acknowledged number', async () => {
    const c = await acknowledgedThenDamaged(() => undefined);
    expect((await c.phone.get('/api/health')).body).toMatchObject({ ok: true, database: 'ok' });
    for (const [serviceId, seqs] of c.acked) {
      const r = await c.kiosk.post('/api/tickets', { serviceId });
      expect(r.status).toBe(201);
      expect(seqOf(r.body.number as string)).toBe(Math.max(...seqs) + 1);
    }
  }, 90_000);
});
