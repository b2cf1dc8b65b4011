// Issue #29 in Chromium: the province's reports page on the cross-office report. Two real office
// hosts, joined through the real join flow, take numbers at the kiosk, call, serve, skip, transfer
// and are rated over their own HTTP API; a province admin made through the hub's one-time setup link
// reads the page. Each office's row equals that office's own report for the same day (read with a
// signed-in admin device), the portal's three levels are there with their mapping, and the XLSX the
// page offers holds the same cells. An office viewer asking for another office gets nothing of it.
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { OutboxReader } from '../../electron/host/province/outboxReader';
import { joinProvince } from '../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../electron/host/province/provinceLinkFile';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { workbookSheets } from '../../hub/reports/reportWorkbook';
import { CrossOfficeReport, PORTAL_LEVEL_LABELS, PORTAL_LEVEL_MAP, portalLevel } from '../../shared/hubReports';
import { deviceClient, signedInAdmin, signedInCounter } from '../helpers/devices';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { eventually, tempHost } from '../helpers/tempHost';
import { downloadBytes } from '../helpers/downloads';

const pg = hubPostgresPerFile();
const { browser } = browserWithHostPerTest();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

interface OwnSummary {
  totals: { issued: number; served: number; noShows: number; transferred: number; cancelled: number; expired: number; ratings: number; wait: { n: number; meanMs: number | null }; service: { n: number; meanMs: number | null } };
  satisfaction: { byScaleScore: Record<string, number> };
}

/** A morning at an office over its own HTTP API: numbers taken, served and rated, one no-show, one transfer, one cancelled while waiting. */
async function morning(o: Host, scores: number[]): Promise<void> {
  const kiosk = deviceClient(o, 'kiosk');
  const tablet = deviceClient(o, 'rating', 1);
  const issued: string[] = [];
  for (let i = 0; i < scores.length + 3; i++) {
    const r = await kiosk.post('/api/tickets', { serviceId: 1 + (i % 2) });
    expect(r.status).toBe(201);
    issued.push(String(r.body.id));
  }
  const desk = await signedInCounter(o, 1);
  const next = async () => {
    const r = await desk.post('/api/counters/1/next', {});
    expect(r.status).toBe(200);
    return r.body as { id: string; serviceId: number };
  };
  for (const score of scores) {
    const t = await next();
    expect((await desk.post(`/api/tickets/${t.id}/finish`, {})).status).toBe(200);
    expect((await tablet.post(`/api/tickets/${t.id}/rating`, { score, source: 'tablet' })).status).toBe(201);
  }
  // Called twice and not there: a no-show.
  const gone = await next();
  expect((await desk.post(`/api/tickets/${gone.id}/recall`, {})).status).toBe(200);
  expect((await desk.post(`/api/tickets/${gone.id}/skip`, {})).status).toBe(200);
  const moved = await next();
  expect((await desk.post(`/api/tickets/${moved.id}/transfer`, { serviceId: moved.serviceId === 2 ? 1 : 2 })).status).toBe(200);
  // The last in line gives up while waiting.
  expect((await desk.post(`/api/tickets/${issued[issued.length - 1]}/cancel`, {})).status).toBe(200);
}

const num = (text: string | null) => (text === null || text.trim() === '—' ? null : Number(text.replace(/\./g, '').replace(',', '.')));
const oneDecimalMinutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6000) / 10);

async function cells(page: Page, row: string): Promise<Record<string, string>> {
  return page.$$eval(`${row} td[data-col]`, (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-col') as string, (td.textContent ?? '').trim()])));
}

async function xlsxSheets(body: Buffer): Promise<Map<string, (string | number | null)[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out = new Map<string, (string | number | null)[][]>();
  for (const ws of wb.worksheets) {
    const rows: (string | number | null)[][] = [];
    ws.eachRow((r, i) => {
      if (i < 3) return;
      const width = ws.getRow(2).cellCount;
      rows.push(Array.from({ length: width }, (_, j) => (r.getCell(j + 1).value as string | number | null) ?? null));
    });
    out.set(ws.name, rows);
  }
  return out;
}

describe('province reports page', () => {
  it('shows each office as its own report has it, the three portal levels with their mapping, and the same figures in the XLSX; a viewer gets only its office', async () => {
    const hub: Hub = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined });
    open.push(hub);
    const base = `http://127.0.0.1:${hub.port}`;
    const offices: { host: Host; id: string; name: string }[] = [];
    // Hòa Bình rates on five levels, Tân Lập on the default four: the portal's levels hold both.
    for (const [name, levels, scores] of [
      ['UBND phường Hòa Bình', 5, [5, 4, 3, 1, 5]],
      ['UBND xã Tân Lập', 4, [2, 4, 3]],
    ] as const) {
      const host = await tempHost({ provinceIdleMs: 200, provinceHeartbeatMs: 1000 });
      open.push(host);
      host.queue.settings.set({ ...host.queue.settings.get(), ratingLevels: levels });
      const { code } = await hub.offices.add(name);
      const link = await joinProvince({ hubUrl: base, code, links: new ProvinceLinkFile(host.dataDir), outbox: new OutboxReader(host.db) });
      offices.push({ host, id: link.officeId, name });
      await morning(host, [...scores]);
    }
    for (const { host } of offices) {
      const last = new OutboxReader(host.db).lastSeq();
      await eventually(() => (new ProvinceLinkFile(host.dataDir).read()?.ackedSeq ?? 0) >= last, 20_000);
    }
    const day = offices[0]!.host.queue.ctx.today();

    // The province admin, through the real setup link, then the reports tab.
    const ctx = await browser().newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(hub.setupUrl as string);
    await page.waitForSelector('[data-screen="province-setup"]');
    await page.fill('input[name="name"]', 'quantri.tinh');
    await page.fill('input[name="password"]', 'Hue-tinh-2026-an-toan');
    await page.fill('input[name="again"]', 'Hue-tinh-2026-an-toan');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-screen="province"][data-page="board"] [data-testid="board"]');
    await page.click('[data-tab="reports"]');
    await page.waitForSelector('[data-screen="province"][data-page="reports"] [data-testid="reports"]');
    expect(await page.textContent('[data-testid="reports"] h2')).toBe('Báo cáo các đơn vị');
    // The day the offices worked, typed as an office writes it.
    const dmy = day.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');
    await page.fill('.day-field >> nth=0 >> input', dmy);
    await page.fill('.day-field >> nth=1 >> input', dmy);
    await page.click('[data-testid="reports"] button[type="submit"]');
    await page.waitForSelector(`[data-testid="report-xlsx"][href*="from=${day}&to=${day}"]`);
    await page.waitForSelector(`[data-testid="report-table"][data-group="office"] tr[data-office="${offices[1]!.id}"]`);

    const portal: Record<string, { veryGood: number; good: number; bad: number }> = {};
    for (const { host, id, name } of offices) {
      const own = (await (await signedInAdmin(host)).get(`/api/reports/summary?from=${day}&to=${day}`)).body as OwnSummary;
      expect(own.totals.served, `${name} served`).toBeGreaterThan(0);
      const row = `[data-testid="report-table"] tr[data-office="${id}"]`;
      expect(await page.textContent(`${row} td.name`)).toBe(name);
      const c = await cells(page, row);
      expect({ tickets: num(c.tickets!), served: num(c.served!), noShows: num(c.noShows!), transferred: num(c.transferred!), cancelled: num(c.cancelled!), expired: num(c.expired!), ratings: num(c.ratings!) }, name).toEqual({
        tickets: own.totals.issued,
        served: own.totals.served,
        noShows: own.totals.noShows,
        transferred: own.totals.transferred,
        cancelled: own.totals.cancelled,
        expired: own.totals.expired,
        ratings: own.totals.ratings,
      });
      expect(num(c['wait.meanMs']!), `${name} mean wait`).toBe(oneDecimalMinutes(own.totals.wait.meanMs));
      expect(num(c['service.meanMs']!), `${name} mean service`).toBe(oneDecimalMinutes(own.totals.service.meanMs));
      // The portal's levels, from the office's own ratings by scale and score.
      const levels = { veryGood: 0, good: 0, bad: 0 };
      for (const [key, n] of Object.entries(own.satisfaction.byScaleScore)) {
        const [scale, score] = key.split(':').map(Number);
        levels[portalLevel(scale!, score!)!] += n;
      }
      portal[id] = levels;
      expect({ veryGood: num(c.veryGood!), good: num(c.good!), bad: num(c.bad!) }, `${name} portal levels`).toEqual(levels);
    }
    // Hòa Bình rated 5, 4, 3, 1, 5 on five levels: the neutral 3 counts as "Hài lòng".
    expect(portal[offices[0]!.id]).toEqual({ veryGood: 2, good: 2, bad: 1 });
    // The province's line adds both.
    const total = await cells(page, '[data-testid="report-table"] tr[data-office="total"]');
    expect(num(total.tickets!)).toBe((await page.$$eval('[data-testid="report-table"] tr[data-office^="o_"] td[data-col="tickets"]', (tds) => tds.reduce((s, td) => s + Number(td.textContent), 0))));
    // The three levels head the columns, and the mapping is on the page as PORTAL_LEVEL_MAP has it.
    const heads = await page.$$eval('[data-testid="report-table"] thead th', (ths) => ths.map((th) => th.textContent));
    for (const l of ['veryGood', 'good', 'bad'] as const) expect(heads).toContain(PORTAL_LEVEL_LABELS[l].vi);
    for (const [scale, scores] of Object.entries(PORTAL_LEVEL_MAP)) {
      for (const l of ['veryGood', 'good', 'bad'] as const) {
        const want = Object.entries(scores).filter(([, to]) => to === l).map(([s]) => s).sort((a, b) => Number(b) - Number(a)).join(', ');
        expect(await page.textContent(`[data-testid="level-map"] tr[data-scale="${scale}"] td[data-level="${l}"]`)).toBe(`${PORTAL_LEVEL_LABELS[l].vi}: ${want}`);
      }
    }
    expect(await page.textContent('[data-testid="level-map"] tr[data-scale="5"] td[data-level="good"]')).toBe('Hài lòng: 4, 3');

    // By procedure: named from the offices' directories, one row per procedure code.
    await page.click('[data-group="service"]');
    await page.waitForSelector('[data-testid="report-table"][data-group="service"] tbody tr');
    const ownServices = offices[0]!.host.db.prepare('SELECT code, name_vi AS name FROM services WHERE id IN (1, 2) ORDER BY id').all() as { code: string; name: string }[];
    for (const s of ownServices) expect(await page.textContent(`[data-testid="report-table"] tr[data-code="${s.code}"] td.name`)).toBe(s.name);
    // By officer: the office's own names.
    await page.click('[data-group="officer"]');
    await page.waitForSelector('[data-testid="report-table"][data-group="officer"] tbody tr');
    const officer1 = (offices[0]!.host.db.prepare('SELECT name FROM officers WHERE id = 1').get() as { name: string }).name;
    expect(await page.textContent(`[data-testid="report-table"] tr[data-office="${offices[0]!.id}"][data-officer="1"] td.name`)).toBe(officer1);
    await page.click('[data-group="office"]');
    await page.waitForSelector('[data-testid="report-table"][data-group="office"]');
    // For a person to look at (docs/screens has the scripted province's shots: `SCREENS=hub npm run screenshots`).
    await page.screenshot({ path: path.join(os.tmpdir(), 'motcua-e2e-hub-reports-1920x1080.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: path.join(os.tmpdir(), 'motcua-e2e-hub-reports-1366x768.png'), fullPage: true });

    // The XLSX the page offers, for the same query: the figures of the report the page showed.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-xlsx"]')]);
    expect(download.suggestedFilename()).toBe(`bao-cao-tinh-${day}.xlsx`);
    const file = await xlsxSheets(await downloadBytes(download));
    const shown = CrossOfficeReport.parse(await page.evaluate(async (q) => (await fetch(`/hub/api/reports?${q}`)).json(), `from=${day}&to=${day}`));
    for (const sheet of workbookSheets(shown)) expect(file.get(sheet.name), sheet.name).toEqual(sheet.rows.map((r) => r.map((v) => (v === '' ? null : v))));
    for (const { id, name } of offices) {
      const xrow = file.get('Theo đơn vị')!.find((r) => r[0] === name)!;
      const c = await cells(page, `[data-testid="report-table"] tr[data-office="${id}"]`);
      // Số phiếu … Hết hạn, then Chờ TB, then (after the service times) ratings and the three levels.
      expect(xrow.slice(1, 7)).toEqual(['tickets', 'served', 'noShows', 'transferred', 'cancelled', 'expired'].map((k) => num(c[k]!)));
      expect(xrow[7]).toBe(num(c['wait.meanMs']!));
      expect(xrow.slice(13, 17)).toEqual([num(c.ratings!), ...Object.values(portal[id]!)]);
    }
    expect(file.get('Quy đổi mức hài lòng')).toContainEqual(['Thang 5 mức', 3, 'Hài lòng']);

    // An office viewer of Tân Lập: asking for Hòa Bình gets nothing of Hòa Bình, as JSON or as XLSX.
    const [a, b] = offices as [(typeof offices)[number], (typeof offices)[number]];
    const made = await page.evaluate(async (officeId) => (await fetch('/hub/api/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'xem.tanlap', password: 'Theo-doi-xa-2026-tl', role: 'office_viewer', officeId }) })).status, b.id);
    expect(made).toBe(201);
    const vctx = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const viewer = await vctx.newPage();
    await viewer.goto(`${base}/hub/reports`);
    await viewer.waitForSelector('[data-screen="province-sign-in"]');
    await viewer.fill('input[name="name"]', 'xem.tanlap');
    await viewer.fill('input[name="password"]', 'Theo-doi-xa-2026-tl');
    await viewer.click('button[type="submit"]');
    await viewer.waitForSelector('[data-screen="province"] [data-testid="signed-in"]');
    expect(await viewer.textContent('[data-testid="signed-in"]')).toContain('xem.tanlap · Xem một đơn vị');
    const ask = (q: string) =>
      viewer.evaluate(async (query) => {
        const json = await (await fetch(`/hub/api/reports?${query}`)).json();
        const x = await fetch(`/hub/api/reports.xlsx?${query}`);
        return { json, xlsx: Array.from(new Uint8Array(await x.arrayBuffer())), type: x.headers.get('content-type') };
      }, q);
    const other = await ask(`from=${day}&to=${day}&office=${a.id}`);
    const otherReport = CrossOfficeReport.parse(other.json);
    expect([otherReport.byOffice, otherReport.byService, otherReport.byOfficer]).toEqual([[], [], []]);
    expect(otherReport.totals.tickets).toBe(0);
    expect(JSON.stringify(other.json)).not.toContain(a.id);
    expect(JSON.stringify(other.json)).not.toContain(a.name);
    const otherFile = await xlsxSheets(Buffer.from(other.xlsx));
    expect(other.type).toContain('spreadsheetml');
    expect(otherFile.get('Theo đơn vị')).toEqual([]);
    expect(otherFile.get('Theo cán bộ')).toEqual([]);
    expect(otherFile.get('Tổng hợp')![0]!.slice(0, 2)).toEqual(['Toàn tỉnh (0 đơn vị)', 0]);
    // Asking for every office: its own only, figures as the admin saw them.
    const all = await ask(`from=${day}&to=${day}`);
    const mine = CrossOfficeReport.parse(all.json);
    expect(mine.byOffice.map((o) => o.officeId)).toEqual([b.id]);
    expect(mine.byOfficer.every((o) => o.officeId === b.id)).toBe(true);
    expect(mine.byOffice[0]).toEqual(shown.byOffice.find((o) => o.officeId === b.id));
    expect((await xlsxSheets(Buffer.from(all.xlsx))).get('Theo đơn vị')!.map((r) => r[0])).toEqual([b.name]);
    // The page itself, for the viewer: its office only.
    await viewer.waitForSelector(`[data-testid="report-table"] tr[data-office="${b.id}"]`);
    expect(await viewer.locator(`[data-testid="report-table"] tr[data-office="${a.id}"]`).count()).toBe(0);
    // A period longer than the cap is refused with the rule in words.
    const long = await viewer.evaluate(async () => {
      const r = await fetch('/hub/api/reports?from=2025-01-01&to=2026-06-30');
      return { status: r.status, body: await r.json() };
    });
    expect(long).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    expect(long.body.error.message).toContain('Kỳ báo cáo dài nhất 366 ngày');
    await vctx.close();
    await ctx.close();
  }, 180_000);
});
