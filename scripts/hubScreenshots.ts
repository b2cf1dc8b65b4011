// The province hub's screens (issue #29), for `npm run screenshots` (SCREENS=hub takes only these):
// the setup link's page, sign-in, the live board with 120 offices (some in trouble, one cut off),
// one office's page, the admin tab and the reports page, at a desk PC's and a wall monitor's sizes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { boardDay } from '../hub/board/boardQuery';
import { startEmbeddedPostgres } from '../hub/db/embeddedPostgres';
import { startHub } from '../hub/hub';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/browser';
import { PushingOffice, counterEvent, health, ticketEvent } from '../test/helpers/hubClient';

const PLACES = ['Hòa Bình', 'Tân Lập', 'Phú Xuân', 'Thuận Hóa', 'An Cựu', 'Vỹ Dạ', 'Kim Long', 'Hương Sơ', 'Thủy Xuân', 'Phong Điền', 'Quảng Điền', 'Hương Trà', 'Phú Vang', 'Phú Lộc', 'Nam Đông', 'A Lưới', 'Lăng Cô', 'Chân Mây', 'Thuận An', 'Hương Thủy', 'Phú Bài', 'Thủy Dương', 'Thủy Phương', 'Hương Chữ', 'Hương Vân', 'Tứ Hạ', 'Điền Hải', 'Phong Hiền', 'Sịa', 'Quảng Thành'];
const KINDS = ['UBND phường', 'UBND xã', 'UBND thị trấn', 'Bộ phận Một cửa huyện'];

/** Offices a province might have: named places, each with its morning's line. */
/** What each office's directory says: the procedures by their national codes, its counters and officers. */
const DIRECTORY = {
  services: [
    { id: 1, code: '1.001612', nameVi: 'Đăng ký khai sinh', nameEn: 'Birth registration' },
    { id: 2, code: '1.000894', nameVi: 'Chứng thực bản sao từ bản chính', nameEn: 'Certified copies' },
    { id: 3, code: '1.004227', nameVi: 'Đăng ký kết hôn', nameEn: 'Marriage registration' },
    { id: 4, code: '1.001193', nameVi: 'Xác nhận tình trạng hôn nhân', nameEn: 'Marital status certificate' },
  ],
  counters: [1, 2, 3, 4, 5].map((n) => ({ id: n, number: n, name: `Quầy ${n}` })),
  officers: ['Nguyễn Thị Hoa', 'Trần Văn Đức', 'Lê Thị Thu Hằng', 'Phạm Minh Tuấn', 'Hoàng Thị Lan', 'Võ Văn Hùng'].map((name, i) => ({ id: i + 1, name })),
  timeZone: 'Asia/Ho_Chi_Minh',
};

const officeNames = (n: number) => Array.from({ length: n }, (_, i) => `${KINDS[i % KINDS.length]} ${PLACES[i % PLACES.length]}${i >= PLACES.length ? ` ${Math.floor(i / PLACES.length) + 1}` : ''}`);

export async function hubScreens(out: string): Promise<string[]> {
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-shots-hub-'));
  const pg = await startEmbeddedPostgres(pgDir);
  const hub = await startHub({ port: 0, databaseUrl: pg.url, log: () => undefined });
  const base = `http://127.0.0.1:${hub.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const shots: string[] = [];
  const shot = async (p: Page, state: string) => {
    await p.evaluate(() => document.fonts.ready);
    await p.waitForTimeout(400);
    const { width, height } = p.viewportSize() ?? { width: 0, height: 0 };
    const name = `hub-${state}-${width}x${height}.png`;
    await p.screenshot({ path: path.join(out, name) });
    shots.push(name);
  };
  try {
    // The setup link's page, before anyone has used it.
    const setupCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const setup = await setupCtx.newPage();
    await setup.goto(hub.setupUrl as string);
    await setup.waitForSelector('[data-screen="province-setup"]');
    await shot(setup, 'setup');
    await setup.fill('input[name="name"]', 'quantri.tinh');
    await setup.fill('input[name="password"]', 'Hue-tinh-2026-an-toan');
    await setup.fill('input[name="again"]', 'Hue-tinh-2026-an-toan');
    await setup.click('button[type="submit"]');
    await setup.waitForSelector('[data-testid="board"]');
    const cookies = await setupCtx.cookies();

    const now = Date.now();
    const { day } = boardDay(now, 'Asia/Ho_Chi_Minh');
    const min = 60_000;
    const offices: PushingOffice[] = [];
    for (const [i, name] of officeNames(120).entries()) {
      const o = await PushingOffice.join(hub, name);
      offices.push(o);
      // A line of 0–25, busier every seventh office; a few far over their threshold.
      const waiting = i % 17 === 3 ? 34 + (i % 9) : (i * 7) % 26;
      const served = 10 + ((i * 13) % 50);
      const events = [];
      const counters = 1 + (i % 5);
      for (let c = 1; c <= counters; c++) events.push(counterEvent('counter.opened', c, now - 4 * 60 * min));
      for (let t = 0; t < served; t++) {
        const issuedAt = now - 4 * 60 * min + t * 4 * min;
        events.push(ticketEvent('ticket.finished', { id: `d${t}`, businessDay: day, issuedAt, state: 'done', serviceId: 1 + (t % 4), counterId: 1 + (t % counters), officerId: 1 + (t % counters), calledAt: issuedAt + (5 + (t % 20)) * min, finishedAt: issuedAt + (12 + (t % 20)) * min, rating: t % 3 === 0 ? { score: t % 7 === 0 ? 2 : 4 + (t % 2), levels: 5 } : null }, issuedAt));
      }
      const oldest = i % 23 === 5 ? 75 : 3 + (i % 40);
      for (let t = 0; t < waiting; t++) events.push(ticketEvent('ticket.issued', { id: `w${t}`, businessDay: day, issuedAt: now - Math.round((oldest * min * (waiting - t)) / waiting) }));
      for (let c = 1; c <= Math.min(counters, 2); c++) events.push(ticketEvent('ticket.serving', { id: `s${c}`, businessDay: day, issuedAt: now - 30 * min, state: 'serving', counterId: c, officerId: c + 1, calledAt: now - 6 * min, servingAt: now - 5 * min }));
      // One office's hall display cannot be heard; another has not backed up for three days.
      const silent = i === 20;
      const trouble = silent
        ? { ...health({ ok: false }), speakers: 'silent' as const, details: { ...health().details!, speakers: [{ deviceId: 9, name: 'Màn hình sảnh chính', zoneId: null, state: 'blocked' as const, since: now - 20 * min, clipFailures: 0, lastClipFailure: null }] } }
        : i % 31 === 7 ? health({ ok: false, printers: 'down' }, 'Máy in hết giấy') : i % 41 === 11 ? health({ ok: false, disk: 'low' }) : i === 60 ? health({ ok: false, database: 'damaged' }) : health();
      if (i % 41 === 11) await o.push([], health());
      const extras = {
        lastBackupAt: i === 33 ? now - 3 * 24 * 60 * min : now - (2 + (i % 20)) * 60 * min,
        catalogueVersion: 3,
        devices: [
          { kind: 'kiosk' as const, name: 'Kiosk sảnh', lastSeenAt: now - 20_000 },
          ...Array.from({ length: counters }, (_, c) => ({ kind: 'counter' as const, name: `Máy quầy ${c + 1}`, lastSeenAt: now - (c + 1) * 15_000 })),
          { kind: 'display' as const, name: 'Màn hình gọi số', lastSeenAt: now - 5_000 },
        ],
      };
      await o.push(events.slice(0, 900), trouble, extras, DIRECTORY);
      if (events.length > 900) await o.push(events.slice(900), trouble);
    }
    // Two offices cut off twenty minutes ago: their last push is set back, as a silent line leaves it.
    for (const o of [offices[9], offices[44]]) await hub.db.pool.query("UPDATE office_generations SET last_push_at = now() - interval '20 minutes' WHERE office_id = $1", [o?.officeId]);

    for (const [w, h] of [[1920, 1080], [1366, 768]] as const) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h } });
      await ctx.addCookies(cookies.map((c) => ({ ...c, url: base, domain: undefined, path: undefined })));
      const p = await ctx.newPage();
      await p.goto(`${base}/hub/`);
      await p.waitForSelector('tr[data-office]');
      await shot(p, 'board');
      if (w === 1920) {
        await p.click('[data-testid="lang"]');
        await shot(p, 'board-en');
        await p.click('[data-testid="lang"]');
        await p.click('[data-sort="waiting"]');
        await shot(p, 'board-by-waiting');
      }
      await p.goto(`${base}/hub/office?id=${offices[3]?.officeId}`);
      await p.waitForSelector('[data-testid="office-page"]');
      await p.waitForSelector('[data-testid="hours-chart"] svg');
      await shot(p, 'office');
      if (w === 1366) {
        await p.goto(`${base}/hub/admin`);
        await p.waitForSelector('[data-testid="admin"] tr[data-office]');
        await shot(p, 'admin');
      }
      await p.goto(`${base}/hub/reports`);
      await p.waitForSelector('[data-testid="report-table"] tr[data-office]');
      await shot(p, 'reports');
      if (w === 1920) {
        await p.click('[data-group="service"]');
        await p.waitForSelector('[data-testid="report-table"][data-group="service"] tbody tr');
        await shot(p, 'reports-by-service');
      }
      await ctx.close();
    }
    const signIn = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn.goto(`${base}/hub/`);
    await signIn.waitForSelector('[data-screen="province-sign-in"]');
    await shot(signIn, 'sign-in');
  } finally {
    await browser.close();
    await hub.close();
    await pg.stop();
  }
  return shots;
}
