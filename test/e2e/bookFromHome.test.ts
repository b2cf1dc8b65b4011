// Issue #30 end to end: a citizen books on the province hub's public page on a phone, the office
// pulls the booking over its hub link, and on the day the citizen checks in at the office's kiosk —
// one by typing the code, another by holding the booking's QR to a keyboard-wedge scanner — and gets
// a number with the slot, called ahead of a walk-in who came after the appointment's moment. A real
// hub on real PostgreSQL, a real office host (its clock moved to the day) joined through the join
// flow, Chromium for the phone and the kiosk.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OutboxReader } from '../../electron/host/province/outboxReader';
import { joinProvince } from '../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../electron/host/province/provinceLinkFile';
import { startHub } from '../../hub/hub';
import { deviceClient, enrollDevice, signedInAdmin, signedInCounter } from '../helpers/devices';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';
import { FakeClock } from '../helpers/tempHost';
import { wedgeScan } from '../helpers/wedgeScanner';

const pg = hubPostgresPerFile();
const { browser, host: startHost } = browserWithHostPerTest();

/** What the phone page shows ("LH-ACDE-HKMN") as the office stores it ("LH-ACDEHKMN"). */
const stored = (shown: string) => shown.trim().replace(/^LH-(\w{4})-(\w{4})$/, 'LH-$1$2');

async function bookOnPhone(hubPort: number, office: string, service: string): Promise<{ code: string; page: Page }> {
  const ctx = await browser().newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'vi-VN' });
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${hubPort}/book`);
  // The public booking page itself, not the province's sign-in.
  await page.getByRole('heading', { name: 'Chọn nơi làm thủ tục' }).waitFor();
  await page.getByRole('button', { name: office }).click();
  await page.getByRole('button', { name: service }).click();
  await page.getByRole('heading', { name: 'Chọn ngày' }).waitFor();
  await page.locator('.bk-choice').first().click();
  await page.getByRole('heading', { name: 'Chọn giờ' }).waitFor();
  // The earliest time still open: the office offered it, the hub holds its places.
  await page.locator('.bk-time').first().click();
  await page.getByRole('heading', { name: 'Xác nhận đặt lịch' }).waitFor();
  await page.getByRole('button', { name: 'Đặt lịch hẹn' }).click();
  await page.getByRole('heading', { name: 'Đã đặt lịch' }).waitFor();
  return { code: stored((await page.getByTestId('booking-code').textContent()) ?? ''), page };
}

describe('booked from home, checked in at the office (#30)', () => {
  it('hub page → office pull → kiosk check-in by typed code and by scanned QR → numbers with the slot, called ahead of a later walk-in', async () => {
    // The hub's internet address, as a province sets it (`--public-url`): tickets' QR point there.
    const hub = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined, publicUrl: 'https://dichvucong.hoabinh.example' });
    try {
      // The office's clock starts at the hub's time: slots it offers from now on are ahead for both.
      const clock = new FakeClock(Date.now());
      const h = await startHost({ clock, provinceIdleMs: 200 });
      const { code: join } = await hub.offices.add('UBND phường Hòa Bình');
      await joinProvince({ hubUrl: `http://127.0.0.1:${hub.port}`, code: join, links: new ProvinceLinkFile(h.dataDir), outbox: new OutboxReader(h.db) });

      // The office opens every day, all day, so the test does not depend on when it runs; Hộ tịch
      // takes appointments in 30-minute slots, two places each, both bookable from home.
      const admin = await signedInAdmin(h);
      expect((await admin.post('/api/admin/office', { hours: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' }], skipMinSeconds: 0 })).status).toBe(200);
      const ht = h.db.prepare("SELECT id, name_vi FROM services WHERE code = 'HT'").get() as { id: number; name_vi: string };
      expect((await admin.post('/api/admin/appointments/rules', { serviceId: ht.id, enabled: true, slotMinutes: 30, capacity: 2, daysAhead: 2, hubShare: 2 })).status).toBe(200);
      h.province.kick();
      // The hub holds the office's offer once a push has carried it.
      await expect
        .poll(async () => JSON.stringify(await (await fetch(`http://127.0.0.1:${hub.port}/hub/api/public/offices`)).json()), { timeout: 20_000 })
        .toContain('UBND phường Hòa Bình');

      // Two citizens book the earliest time from their phones.
      const first = await bookOnPhone(hub.port, 'UBND phường Hòa Bình', ht.name_vi);
      await first.page.screenshot({ path: shotFile('book-from-home-phone.png'), fullPage: true });
      const second = await bookOnPhone(hub.port, 'UBND phường Hòa Bình', ht.name_vi);
      expect(second.code).not.toBe(first.code);

      // The office pulls them (after a push, or on its minute).
      const held = () => h.db.prepare('SELECT code, service_id, slot_start, state, source FROM bookings ORDER BY code').all() as { code: string; service_id: number; slot_start: number; state: string; source: string }[];
      await expect
        .poll(
          () => {
            // The pull runs at most every few seconds of the office's clock: let that time pass.
            clock.advance(6_000);
            h.province.kick();
            return held().map((b) => b.code).sort();
          },
          { timeout: 20_000, interval: 300 },
        )
        .toEqual([first.code, second.code].sort());
      const slot = held()[0]!.slot_start;
      expect(held().every((b) => b.service_id === ht.id && b.slot_start === slot && b.state === 'booked' && b.source === 'hub')).toBe(true);

      // The day: ten minutes before the slot, the first citizen types the code at the kiosk.
      clock.t = slot - 10 * 60_000;
      const base = `http://127.0.0.1:${h.port}`;
      const kctx = await browser().newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
      await kctx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, 'kiosk'), url: base }]);
      const kiosk = await kctx.newPage();
      await kiosk.goto(`${base}/kiosk`);
      await kiosk.locator('[data-action="checkin"]').waitFor();
      await kiosk.click('[data-action="checkin"]');
      await kiosk.fill('[data-testid="checkin-code"]', first.code.toLowerCase());
      await kiosk.click('[data-action="checkin-go"]');
      await kiosk.locator('[data-testid="ticket-number"]').waitFor();
      const slotText = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(slot);
      expect(await kiosk.textContent('[data-testid="ticket-result"]')).toContain(slotText);
      const firstNumber = (await kiosk.textContent('[data-testid="ticket-number"]'))!.trim();
      await kiosk.screenshot({ path: shotFile('book-from-home-kiosk-ticket.png') });

      // A walk-in takes a number one minute before the slot — after the appointment's moment (slot − 2 min).
      clock.t = slot - 60_000;
      const walkIn = (await deviceClientPost(h, ht.id)) as { id: string; number: string; trackUrl: string };
      // The office has heard the hub's address: the ticket's QR opens the hub's tracking page for it.
      const officeId = JSON.parse(fs.readFileSync(path.join(h.dataDir, 'province-link.json'), 'utf8')).officeId as string;
      expect(walkIn.trackUrl).toBe(`https://dichvucong.hoabinh.example/t/${officeId}/${walkIn.id}`);

      // The second citizen holds the booking's QR to the scanner on the kiosk's first screen.
      await kiosk.click('.kiosk-footer .btn-secondary');
      await kiosk.locator('[data-action="checkin"]').waitFor();
      await wedgeScan(kiosk, second.code);
      await kiosk.locator('[data-testid="ticket-number"]').waitFor();
      const secondNumber = (await kiosk.textContent('[data-testid="ticket-number"]'))!.trim();
      expect(h.db.prepare('SELECT state FROM bookings WHERE code IN (?, ?)').all(first.code, second.code)).toEqual([{ state: 'checkedIn' }, { state: 'checkedIn' }]);

      // At the slot the counter calls: both appointments before the walk-in who came after their moment.
      clock.t = slot;
      const desk = await signedInCounter(h, 1);
      const called: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await desk.post('/api/counters/1/next');
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        const t = r.body as { id: string; number: string };
        called.push(t.number);
        await desk.post(`/api/tickets/${t.id}/start`);
        await desk.post(`/api/tickets/${t.id}/finish`, {});
      }
      expect(called).toEqual([firstNumber, secondNumber, walkIn.number]);

      // The hub hears what became of its bookings through the office's ordinary events.
      await expect
        .poll(
          async () => {
            h.province.kick();
            return (await hub.db.pool.query("SELECT code FROM bookings WHERE code = ANY($1) AND state = 'checkedIn'", [[first.code, second.code]])).rowCount;
          },
          { timeout: 20_000, interval: 300 },
        )
        .toBe(2);
      // From the café across the street: the hub's page for the walk-in's ticket (its path from the QR).
      const phone = await (await browser().newContext({ viewport: { width: 360, height: 740 }, isMobile: true })).newPage();
      await phone.goto(`http://127.0.0.1:${hub.port}${new URL(walkIn.trackUrl).pathname}`);
      await expect.poll(async () => phone.getByTestId('track-number').textContent(), { timeout: 15_000 }).toBe(walkIn.number);
      await phone.screenshot({ path: shotFile('book-from-home-hub-track.png'), fullPage: true });
      await phone.context().close();
      await kctx.close();
    } finally {
      await hub.close();
    }
  }, 180_000);
});

async function deviceClientPost(h: Parameters<typeof enrollDevice>[0], serviceId: number): Promise<unknown> {
  const r = await deviceClient(h, 'kiosk').post('/api/tickets', { serviceId });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
