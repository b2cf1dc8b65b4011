// Issue #30 in Chromium at a phone's size: a citizen opens the hub's public booking page (no
// sign-in), chooses office → procedure → day → time, gives a phone number, gets the code, its QR and
// the time; then cancels it, and finds it again by code. The database holds what the page said.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/hub';
import { HO_TICH, offerOf, vnDay } from '../helpers/bookingRace';
import { PushingOffice, provinceAdmin, pushBatch, ticketEvent } from '../helpers/hubClient';
import { citizenRequest } from '../helpers/bookingRace';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';

const pgServer = hubPostgresPerFile();
const { browser } = browserWithHostPerTest();
const open: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

describe('the hub’s public booking page on a phone', () => {
  it('books a time, shows the code and its QR, cancels it, and finds it again by code', async () => {
    const url = await pgServer.database();
    const hub = await startHub({ port: 0, databaseUrl: url, log: () => undefined });
    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    open.push(() => hub.close(), () => sql.end());
    const day = vnDay(Date.now(), 2);
    const offer = offerOf({ version: 1, midnight: day.midnight, slots: 6, capacity: 2 });
    const office = await PushingOffice.join(hub, 'UBND phường Phú Hội');
    expect((await pushBatch(office, [], { bookingOffer: offer })).status).toBe(200);
    await PushingOffice.join(hub, 'UBND xã chưa nhận lịch');
    const slot = offer.slots[1] as (typeof offer.slots)[number];

    const ctx = await browser().newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'vi-VN' });
    open.push(() => ctx.close());
    const page = await ctx.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text());
    });
    const res = await page.goto(`http://127.0.0.1:${hub.port}/book`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    // The booking page, not the province's sign-in: its title and its first step.
    await page.getByRole('heading', { name: 'Đặt lịch hẹn làm thủ tục hành chính' }).waitFor();
    await page.getByRole('heading', { name: 'Chọn nơi làm thủ tục' }).waitFor();
    // Only the office that offers slots is listed.
    expect(await page.locator('.bk-choice').allTextContents()).toEqual(['UBND phường Phú Hội']);
    await page.getByRole('button', { name: 'UBND phường Phú Hội' }).click();
    await page.getByRole('button', { name: HO_TICH.nameVi }).click();
    await page.getByRole('heading', { name: 'Chọn ngày' }).waitFor();
    await page.locator('.bk-choice', { hasText: 'còn 12 chỗ' }).click();
    await page.getByRole('heading', { name: 'Chọn giờ' }).waitFor();
    const times = await page.locator('.bk-time b').allTextContents();
    expect(times).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30']);
    await page.screenshot({ path: shotFile('hub-book-slots-360.png'), fullPage: true });
    await page.locator('.bk-time', { hasText: '08:30' }).click();
    await page.getByRole('heading', { name: 'Xác nhận đặt lịch' }).waitFor();
    await page.getByLabel('Số điện thoại (không bắt buộc)').fill('0912 345 678');
    await page.getByLabel(/Số định danh cá nhân/).fill('12345');
    await page.getByRole('button', { name: 'Đặt lịch hẹn' }).click();
    await page.getByText('Số định danh cá nhân gồm đúng 12 chữ số').waitFor();
    expect((await sql.query('SELECT count(*)::int AS n FROM bookings')).rows[0].n).toBe(0);
    await page.getByLabel(/Số định danh cá nhân/).fill('001099012345');
    await page.getByRole('button', { name: 'Đặt lịch hẹn' }).click();

    await page.getByRole('heading', { name: 'Đã đặt lịch' }).waitFor();
    const shown = (await page.getByTestId('booking-code').textContent()) ?? '';
    expect(shown).toMatch(/^LH-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const code = shown.replace(/^LH-(\w{4})-(\w{4})$/, 'LH-$1$2');
    const row = (await sql.query('SELECT service_id, slot_start, state, id_last4, phone_hash IS NOT NULL AS has_phone FROM bookings WHERE code = $1', [code])).rows[0];
    expect(row).toEqual({ service_id: HO_TICH.id, slot_start: String(slot.start), state: 'booked', id_last4: '2345', has_phone: true });
    expect(await page.getByTestId('booking-when').textContent()).toContain('08:30');
    // The QR is drawn and carries the code (an SVG data URL made by the hub).
    const qr = await page.getByTestId('booking-qr').evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, src: img.src.slice(0, 40) }));
    expect(qr.w).toBeGreaterThan(0);
    expect(qr.src).toMatch(/^data:image\/svg\+xml,%3Csvg/);
    // At 360 px nothing runs off the side, and the buttons are a thumb's size.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const cancelBox = await page.getByRole('button', { name: 'Huỷ lịch hẹn này' }).boundingBox();
    expect(cancelBox?.height).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: shotFile('hub-book-done-360.png'), fullPage: true });

    // Cancel: asked once more, then done; the place goes back to its slot.
    await page.getByRole('button', { name: 'Huỷ lịch hẹn này' }).click();
    await page.getByRole('button', { name: 'Có, huỷ lịch' }).click();
    await page.getByRole('heading', { name: 'Lịch hẹn đã được huỷ' }).waitFor();
    expect((await sql.query('SELECT state FROM bookings WHERE code = $1', [code])).rows[0].state).toBe('cancelled');
    expect((await sql.query('SELECT sum(taken)::int AS n FROM booking_slots')).rows[0].n).toBe(0);

    // Found again by code, in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Find / cancel' }).click();
    await page.getByTestId('find-code').fill(shown.toLowerCase());
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('heading', { name: 'The appointment is cancelled' }).waitFor();
    await page.screenshot({ path: shotFile('hub-book-cancelled-en-360.png'), fullPage: true });
    // A code nobody holds: the hub's refusal, in English.
    await page.getByRole('button', { name: 'Find / cancel' }).click();
    await page.getByTestId('find-code').fill('LH-AAAA-AAAA');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByText('No appointment has this code').waitFor();
    expect(csp).toEqual([]);
  }, 120_000);

  it('the province’s reports page shows the bookings tab: per office and procedure, with slot use', async () => {
    const url = await pgServer.database();
    const hub = await startHub({ port: 0, databaseUrl: url, log: () => undefined });
    open.push(() => hub.close());
    const day = vnDay(Date.now(), 2);
    const offer = offerOf({ version: 1, midnight: day.midnight, slots: 4, capacity: 2 });
    const office = await PushingOffice.join(hub, 'UBND phường Phú Hội');
    expect((await pushBatch(office, [], { bookingOffer: offer })).status).toBe(200);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push(String((await citizenRequest(hub.port, `127.0.13.${i + 1}`, 'POST', '/hub/api/public/bookings', { office: office.officeId, service: HO_TICH.id, start: offer.slots[i]?.start })).body.code));
    const event = (type: string, code: string) => ({ at: Date.now() - 1000, type, ticketId: null, counterId: null, serviceId: 1, actor: 'kiosk:1', payload: { code } });
    expect((await pushBatch(office, [event('booking.checked_in', codes[0] as string), event('booking.missed', codes[1] as string)])).status).toBe(200);
    const admin = await provinceAdmin(hub);

    const ctx = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    open.push(() => ctx.close());
    await ctx.addCookies([{ name: 'motcua_hub', value: (admin.cookie ?? '').replace('motcua_hub=', ''), domain: '127.0.0.1', path: '/hub', httpOnly: true, sameSite: 'Strict' }]);
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${hub.port}/hub/reports`);
    await page.waitForSelector('[data-testid="reports"]');
    const dmy = day.day.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');
    await page.fill('.day-field >> nth=0 >> input', dmy);
    await page.fill('.day-field >> nth=1 >> input', dmy);
    await page.click('[data-testid="reports"] button[type="submit"]');
    await page.getByRole('tab', { name: 'Lịch hẹn trực tuyến' }).click();
    const row = page.locator(`[data-testid="booking-report-table"] tr[data-office="${office.officeId}"][data-service="1"]`);
    await row.waitFor();
    const cells = Object.fromEntries(await row.locator('td[data-col]').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-col'), td.textContent])));
    expect(cells).toEqual({ made: '3', checkedIn: '1', late: '0', missed: '1', cancelled: '0', booked: '1', capacity: '8', taken: '3', use: '37,5%' });
    await page.screenshot({ path: shotFile('hub-reports-bookings-1366x768.png'), fullPage: true });
  }, 120_000);

  it('a ticket’s tracking page on the hub follows it from waiting to called, at a phone’s size', async () => {
    const url = await pgServer.database();
    const hub = await startHub({ port: 0, databaseUrl: url, log: () => undefined });
    open.push(() => hub.close());
    const office = await PushingOffice.join(hub, 'UBND phường Phú Hội');
    const day = vnDay(Date.now(), 0).day;
    const t0 = Date.now() - 600_000;
    const directory = { services: [{ id: 1, code: null, nameVi: 'Hộ tịch — Đăng ký khai sinh', nameEn: 'Civil status — Birth registration' }], counters: [{ id: 7, number: 3, name: 'Quầy 3' }], officers: [], timeZone: 'Asia/Ho_Chi_Minh' };
    const mine = 'Tk7aB3xQ9mZp2U';
    expect(
      (
        await pushBatch(
          office,
          [
            ticketEvent('ticket.issued', { id: 'Tk7aB3xQ9mZp2R', businessDay: day, issuedAt: t0, number: 'A001', state: 'called', counterId: 7, calledAt: t0 + 60_000 }, t0 + 60_000),
            ticketEvent('ticket.issued', { id: 'Tk7aB3xQ9mZp2S', businessDay: day, issuedAt: t0 + 1000, number: 'A002' }, t0 + 1000),
            ticketEvent('ticket.issued', { id: mine, businessDay: day, issuedAt: t0 + 2000, number: 'A003' }, t0 + 2000),
          ],
          { directory },
        )
      ).status,
    ).toBe(200);
    const ctx = await browser().newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    open.push(() => ctx.close());
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${hub.port}/t/${office.officeId}/${mine}`);
    await page.getByRole('heading', { name: 'Theo dõi số thứ tự' }).waitFor();
    expect(await page.getByTestId('track-number').textContent()).toBe('A003');
    expect(await page.getByTestId('track-ahead').textContent()).toBe('Còn 1 người trước bạn');
    expect(await page.getByTestId('track-calling').textContent()).toBe('A001 → quầy 3');
    // (1 ahead + ½) × the 8 minutes assumed before any ticket of the day is served.
    expect(await page.getByTestId('track-estimate').textContent()).toBe('Dự kiến được gọi sau khoảng 12 phút');
    await page.screenshot({ path: shotFile('hub-track-waiting-360.png'), fullPage: true });
    // The office calls it: the page says where to go within its next read.
    const call = ticketEvent('ticket.called', { id: mine, businessDay: day, issuedAt: t0 + 2000, number: 'A003', state: 'called', counterId: 7, calledAt: Date.now() - 1000 }, Date.now() - 1000);
    expect((await pushBatch(office, [call])).status).toBe(200);
    await page.getByRole('heading', { name: 'Mời bạn đến quầy 3' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('track-card').getAttribute('data-state')).toBe('called');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: shotFile('hub-track-called-360.png'), fullPage: true });
    // An id that is not a ticket: said plainly.
    await page.goto(`http://127.0.0.1:${hub.port}/t/${office.officeId}/Zz000000000000`);
    await page.getByText('Không tìm thấy phiếu này').waitFor();
  }, 120_000);
});
