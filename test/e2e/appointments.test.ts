// Appointments (#30, office side) in real Chromium against a real host on a moved clock: the admin
// turns appointments on for "Hộ tịch" and books for a caller on the "Lịch hẹn" tab (the code is
// shown); at the kiosk (1080×1920) the citizen types the code and gets a number with its slot; the
// counter calls the appointment ahead of a walk-in who came after its moment; the admin's list says
// it was checked in, and the admin undoes a second booking's check-in from the list.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { TEST_ADMIN_PASSWORD, deviceClient, enrollDevice, signedInAdmin, signedInCounter } from '../helpers/devices';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';
import { FakeClock } from '../helpers/tempHost';

const suite = browserWithHostPerTest();
/** Hà Nội wall time on Monday 23 Nov 2026, the day FakeClock starts (08:00). */
const at = (hh: number, mm: number) => Date.UTC(2026, 10, 23, hh - 7, mm);
const DAY_DMY = '23/11/2026';

async function open(h: Host, url: string, role: 'admin' | 'kiosk', width: number, height: number): Promise<Page> {
  const base = `http://127.0.0.1:${h.port}`;
  const ctx = await suite.browser().newContext({ viewport: { width, height }, hasTouch: role === 'kiosk' });
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, role), url: base }]);
  const page = await ctx.newPage();
  await page.goto(base + url);
  return page;
}

async function adminOnAppointments(h: Host): Promise<Page> {
  const admin = await open(h, '/admin', 'admin', 1366, 900);
  await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
  await admin.click('button[type="submit"]');
  await admin.waitForSelector('.admin-tabs [data-tab="appointments"]');
  expect(await admin.textContent('h1')).toContain('Quản trị');
  expect(await admin.textContent('.admin-tabs [data-tab="appointments"]')).toBe('Lịch hẹn');
  await admin.click('[data-tab="appointments"]');
  await admin.waitForSelector('[data-testid="appointments-panel"] [data-rule="HT"]');
  return admin;
}

describe('appointments at the office (#30)', () => {
  it('staff book for a caller, the citizen checks in by typed code, the counter calls the appointment ahead of a later walk-in', async () => {
    const clock = new FakeClock();
    const h = await suite.host({ clock });
    const api = await signedInAdmin(h);
    expect((await api.post('/api/admin/office', { hours: [{ days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }, { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' }] })).status).toBe(200);
    const ht = (h.db.prepare("SELECT id FROM services WHERE code = 'HT'").get() as { id: number }).id;
    const otherRules = h.db.prepare('SELECT * FROM appointment_rules').all();
    expect(otherRules).toEqual([]);

    const admin = await adminOnAppointments(h);
    // Turn appointments on for Hộ tịch: 15-minute slots, 2 places.
    const row = admin.locator('[data-rule="HT"]');
    await row.locator('[data-field="enabled"]').check();
    await row.locator('[data-field="slotMinutes"]').fill('15');
    await row.locator('[data-field="capacity"]').fill('2');
    await row.locator('[data-action="save-rule"]').click();
    await admin.waitForFunction(() => document.querySelector('[data-testid="appointment-rules"] [role="status"]')?.textContent?.includes('Đã lưu quy định hẹn'));
    expect(h.db.prepare('SELECT service_id, enabled, slot_minutes, capacity FROM appointment_rules').all()).toEqual([{ service_id: ht, enabled: 1, slot_minutes: 15, capacity: 2 }]);

    // Book for a caller on the host's day, at 08:30.
    await admin.fill('[data-field="book-day"] input', DAY_DMY);
    await admin.waitForSelector(`[data-field="book-slot"] option[value="${at(8, 30)}"]`, { state: 'attached' });
    expect(await admin.textContent(`[data-field="book-slot"] option[value="${at(8, 30)}"]`)).toContain('08:30 · còn 2/2 chỗ');
    await admin.selectOption('[data-field="book-slot"]', String(at(8, 30)));
    await admin.click('[data-action="book"]');
    await admin.waitForSelector('[data-testid="booking-code"]');
    const shown = (await admin.textContent('[data-testid="booking-code"]'))!.trim();
    expect(shown).toMatch(/^LH-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const code = shown.replace(/-(?=[A-Z0-9]{4}$)/, '');
    expect(h.db.prepare('SELECT service_id, slot_start, state, source FROM bookings').all()).toEqual([{ service_id: ht, slot_start: at(8, 30), state: 'booked', source: 'office' }]);
    // A second booking in the same slot, for the undo below.
    await admin.click('[data-action="book"]');
    await admin.waitForFunction((first) => document.querySelector('[data-testid="booking-code"]')?.textContent?.trim() !== first, shown);
    const second = (await admin.textContent('[data-testid="booking-code"]'))!.trim().replace(/-(?=[A-Z0-9]{4}$)/, '');
    await admin.fill('[data-field="list-day"] input', DAY_DMY);
    await admin.waitForSelector(`[data-booking="${second}"][data-state="booked"]`);
    await admin.screenshot({ path: shotFile('appointments-admin.png'), fullPage: true });

    // 08:20: the citizen arrives and types the code at the kiosk.
    clock.t = at(8, 20);
    const kiosk = await open(h, '/kiosk', 'kiosk', 1080, 1920);
    await kiosk.locator('[data-service="HT"]').waitFor();
    await kiosk.click('[data-action="checkin"]');
    await kiosk.locator('[data-testid="checkin-panel"]').waitFor();
    const cancelEntry = await kiosk.locator('[data-action="booking-cancel"]').boundingBox();
    expect(cancelEntry!.height).toBeGreaterThanOrEqual(64);
    await kiosk.fill('[data-testid="checkin-code"]', code.toLowerCase());
    await kiosk.screenshot({ path: shotFile('appointments-kiosk-checkin.png') });
    await kiosk.click('[data-action="checkin-go"]');
    await kiosk.locator('[data-testid="ticket-result"]').waitFor();
    expect(await kiosk.textContent('[data-testid="appointment-slot"]')).toBe('Giờ hẹn: 08:30');
    const number = (await kiosk.textContent('[data-testid="ticket-number"]'))!.trim();
    const doneBox = await kiosk.locator('[data-action="done"]').boundingBox();
    expect(doneBox!.height).toBeGreaterThanOrEqual(64);
    await kiosk.screenshot({ path: shotFile('appointments-kiosk-ticket.png') });
    const appt = h.db.prepare('SELECT t.id, t.number, t.queued_at, b.state FROM bookings b JOIN tickets t ON t.id = b.ticket_id WHERE b.code = ?').get(code);
    expect(appt).toMatchObject({ number, queued_at: at(8, 28), state: 'checkedIn' });

    // 08:29 a walk-in takes a number; at 08:30 the counter calls the appointment first.
    clock.t = at(8, 29);
    const walkIn = (await deviceClient(h, 'kiosk').post('/api/tickets', { serviceId: ht })).body;
    clock.t = at(8, 30);
    const desk = await signedInCounter(h, 1);
    expect((await desk.post('/api/counters/1/next')).body.number).toBe(number);
    expect((await desk.post('/api/counters/1/next')).body.number).toBe(walkIn.number);

    // The second citizen checks in, then the admin undoes it from the list.
    await kiosk.click('[data-action="done"]');
    const r = await deviceClient(h, 'kiosk').post('/api/checkin', { scan: second });
    expect(r.status).toBe(201);
    await admin.waitForSelector(`[data-booking="${code}"][data-state="checkedIn"]`);
    expect(await admin.textContent(`[data-booking="${code}"]`)).toContain('Đã lấy số');
    await admin.waitForSelector(`[data-booking="${second}"][data-state="checkedIn"]`);
    await admin.click(`[data-booking="${second}"] [data-action="undo-checkin"]`);
    await admin.waitForSelector(`[data-booking="${second}"][data-state="booked"]`);
    expect(await admin.textContent('[data-testid="booking-note"]')).toContain('Đã hoàn tác lấy số');
    expect(h.db.prepare('SELECT state FROM tickets WHERE id = ?').get(r.body.ticket.id)).toEqual({ state: 'cancelled' });
    await admin.screenshot({ path: shotFile('appointments-admin-list.png'), fullPage: true });

    // The kiosk's "cancel my booking", by code.
    await kiosk.click('[data-action="checkin"]');
    await kiosk.click('[data-action="booking-cancel"]');
    await kiosk.fill('[data-testid="booking-cancel-code"]', second);
    await kiosk.screenshot({ path: shotFile('appointments-kiosk-cancel.png') });
    await kiosk.click('[data-action="booking-cancel-go"]');
    await kiosk.locator('[data-testid="booking-cancelled"]').waitFor();
    // The office report of the host's day has its appointments.
    await admin.goto(`http://127.0.0.1:${h.port}/reports`);
    await admin.locator('.day-field input').first().waitFor();
    await admin.locator('.day-field input').nth(0).fill('23/11/2026');
    await admin.locator('.day-field input').nth(1).fill('23/11/2026');
    await admin.locator('[data-testid="appointments-report"]').waitFor();
    expect(await admin.textContent('[data-testid="appt-made"]')).toBe('2');
    expect(await admin.textContent('[data-testid="appt-fromHub"]')).toBe('0');
    expect(await admin.textContent('[data-testid="appt-checkedIn"]')).toBe('1');
    expect(await admin.textContent('[data-testid="appt-waitAppointment"]')).toBe('0.0 phút');
    await admin.locator('[data-testid="appointments-report"]').screenshot({ path: shotFile('appointments-report.png') });
    expect(await kiosk.textContent('[data-testid="booking-cancelled"]')).toContain('Đã hủy lịch hẹn');
    expect(h.db.prepare('SELECT state FROM bookings WHERE code = ?').get(second)).toEqual({ state: 'cancelled' });
  }, 120_000);

  it('the check-in and calling times are edited twice on the tab: each save changes what was typed, and nothing else of the office', async () => {
    const h = await suite.host({ clock: new FakeClock() });
    const before = h.queue.settings.get();
    expect(before.appointments).toEqual({ earlyMinutes: 15, lateMinutes: 10, callableBeforeMinutes: 2, reofferMinutes: 5, noShowLimit: 3 });
    const admin = await adminOnAppointments(h);
    const form = admin.locator('[data-testid="appointment-window"]');
    expect(await form.locator('h2').textContent()).toBe('Giờ nhận và gọi lịch hẹn');
    // A two-desk office lets a citizen who is there be called 10 minutes early.
    await form.locator('[data-field="callableBeforeMinutes"] input').fill('10');
    await form.locator('[data-action="save-window"]').click();
    await form.locator('[role="status"]').waitFor();
    expect(h.queue.settings.get()).toEqual({ ...before, appointments: { ...before.appointments, callableBeforeMinutes: 10 } });
    await admin.screenshot({ path: shotFile('appointments-window.png'), fullPage: true });
    // Edited again: the first edit stays.
    await form.locator('[data-field="earlyMinutes"] input').fill('20');
    await form.locator('[data-action="save-window"]').click();
    await form.locator('[role="status"]').waitFor();
    expect(h.queue.settings.get()).toEqual({ ...before, appointments: { ...before.appointments, callableBeforeMinutes: 10, earlyMinutes: 20 } });
    // Out of range: refused with a message, nothing written.
    await form.locator('[data-field="callableBeforeMinutes"] input').fill('45');
    await form.locator('[data-action="save-window"]').click();
    await form.locator('[role="alert"]').waitFor();
    expect(h.queue.settings.get().appointments.callableBeforeMinutes).toBe(10);
  });
});
