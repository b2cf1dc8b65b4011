// Issue #29: what the province reads for an office equals what the office's own report says for the
// same days — issued, served, no-shows, transfers, cancellations, expiries at close of day and
// ratings, per service and in total — for two offices pushing to one hub through the real join flow.
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { OutboxReader } from '../../electron/host/province/outboxReader';
import { joinProvince } from '../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../electron/host/province/provinceLinkFile';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { officeFigures } from '../../hub/reports/officeFigures';
import { crossOfficeReport } from '../../hub/reports/crossOfficeReport';
import { reportWorkbook, workbookSheets } from '../../hub/reports/reportWorkbook';
import { CrossOfficeReport } from '../../shared/hubReports';
import ExcelJS from 'exceljs';
import { signedInAdmin } from '../helpers/devices';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { FakeClock, STAFF, eventually, tempHost } from '../helpers/tempHost';

const pg = hubPostgresPerFile();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

const KEYS = ['issued', 'served', 'noShows', 'transferred', 'cancelled', 'expired', 'ratings'] as const;
const pickCounts = (r: Record<string, unknown>) => Object.fromEntries(KEYS.map((k) => [k, r[k]]));

/** A day at an office: served and rated, a no-show after a recall, a transfer, a cancellation; the rest expire at close. */
function busyDay(o: Host, tickets: number, seed: number, clock?: FakeClock) {
  const q = o.queue;
  // Waits and service times of different lengths (uneven, so a mean is not a median by accident).
  const pass = (s: number) => clock?.advance(s * 1000);
  for (const c of [1, 2, 3]) q.counters.open(c, c);
  for (let i = 0; i < tickets; i++) q.issuer.issue({ serviceId: 1 + ((i + seed) % 4) });
  for (let round = 0; round < tickets / 3; round++) {
    for (const c of [1, 2, 3]) {
      let t;
      pass(17 + ((round * 7 + c * 13 + seed) % 50));
      try {
        t = q.calling.callNext(c, STAFF(c, c));
      } catch {
        continue;
      }
      pass(40 + ((round * 11 + c * 5) % 170));
      const pick = (round + c + seed) % 5;
      if (pick === 0) {
        q.calling.recall(t.id, STAFF(c, c));
        q.lifecycle.skip(t.id, STAFF(c, c));
      } else if (pick === 1) q.lifecycle.transfer(t.id, { serviceId: t.service_id === 4 ? 1 : t.service_id + 1 }, STAFF(c, c));
      else if (pick === 2) {
        // A citizen in line gives up (cancelled while waiting); this one is served.
        const waiting = o.db.prepare("SELECT id FROM tickets WHERE state = 'waiting' ORDER BY issue_order DESC LIMIT 1").get() as { id: string } | undefined;
        if (waiting) q.lifecycle.cancel(waiting.id, STAFF(c, c));
        q.lifecycle.finish(t.id, STAFF(c, c));
      } else {
        q.lifecycle.finish(t.id, STAFF(c, c));
        if (pick === 3) q.ratings.rate({ ticketId: t.id, score: 1 + ((round + c) % 4), source: 'kiosk' });
      }
    }
  }
}

describe('the province’s figures for an office are the office’s own', () => {
  it('two offices, a day each with close of day and a morning after: every count equals the office report, per service and in total', async () => {
    const hub: Hub = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined });
    open.push(hub);
    const offices: { host: Host; id: string; clock: FakeClock }[] = [];
    for (const [name, seed] of [
      ['UBND phường Hòa Bình', 0],
      ['UBND xã Nghĩa Hưng', 3],
    ] as const) {
      const clock = new FakeClock();
      const host = await tempHost({ clock, provinceIdleMs: 50, timeTickMs: 50 });
      open.push(host);
      const { code } = await hub.offices.add(name);
      const link = await joinProvince({ hubUrl: `http://127.0.0.1:${hub.port}`, code, links: new ProvinceLinkFile(host.dataDir), outbox: new OutboxReader(host.db) });
      offices.push({ host, id: link.officeId, clock });
      busyDay(host, 60 + seed * 5, seed);
      // Past midnight: the day closes by itself, what still waits expires; then a morning's numbers.
      const day = host.queue.ctx.today();
      clock.advance(24 * 3600_000);
      await eventually(() => host.queue.ctx.today() !== day && (host.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'day.closed'").get() as { n: number }).n > 0, 10_000);
      busyDay(host, 12, seed + 1);
    }

    for (const { host, id } of offices) {
      const last = new OutboxReader(host.db).lastSeq();
      await eventually(() => (new ProvinceLinkFile(host.dataDir).read()?.ackedSeq ?? 0) >= last, 20_000);
      const days = (host.db.prepare('SELECT min(business_day) AS a, max(business_day) AS b FROM tickets').get() as { a: string; b: string });
      const own = (await (await signedInAdmin(host)).get(`/api/reports/summary?from=${days.a}&to=${days.b}`)).body as { totals: Record<string, unknown>; byService: ({ id: number } & Record<string, unknown>)[] };
      const province = await officeFigures(hub.db.pool, id, days.a, days.b);
      // The day was busy enough to have one of everything.
      for (const k of KEYS) expect(own.totals[k], k).toBeGreaterThan(0);
      expect(province.totals).toEqual(pickCounts(own.totals));
      const ownByService = own.byService.filter((r) => KEYS.some((k) => (r[k] as number) > 0)).map((r) => ({ id: r.id, ...pickCounts(r) })).sort((a, b) => a.id - b.id);
      expect(province.byService).toEqual(ownByService);
      // And one day alone (the first): the range is the office's business days, not the hub's.
      const firstOwn = (await (await signedInAdmin(host)).get(`/api/reports/summary?from=${days.a}&to=${days.a}`)).body as { totals: Record<string, unknown> };
      expect((await officeFigures(hub.db.pool, id, days.a, days.a)).totals).toEqual(pickCounts(firstOwn.totals));
    }
  }, 120_000);
});

describe('the province’s cross-office report, read from rollups', () => {
  it('per office: counts, mean waits and service times equal each office’s own report; names come from the office’s directory; the XLSX holds the same cells', async () => {
    const hub: Hub = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined });
    open.push(hub);
    const offices: { host: Host; id: string; name: string }[] = [];
    for (const [name, seed] of [
      ['UBND phường Hòa Bình', 0],
      ['UBND xã Nghĩa Hưng', 3],
    ] as const) {
      const clock = new FakeClock();
      const host = await tempHost({ clock, provinceIdleMs: 50, timeTickMs: 50 });
      open.push(host);
      const { code } = await hub.offices.add(name);
      const link = await joinProvince({ hubUrl: `http://127.0.0.1:${hub.port}`, code, links: new ProvinceLinkFile(host.dataDir), outbox: new OutboxReader(host.db) });
      offices.push({ host, id: link.officeId, name });
      busyDay(host, 45 + seed * 5, seed, clock);
      // A citizen sent on to another service is called there and served: that call is not a wait.
      const sent = host.queue.issuer.issue({ serviceId: 1 }) as { id: string };
      clock.advance(5 * 60_000);
      host.queue.calling.callSpecific(sent.id, 1, STAFF(1, 1));
      host.queue.lifecycle.transfer(sent.id, { serviceId: 2 }, STAFF(1, 1));
      const moved = host.db.prepare('SELECT id FROM tickets WHERE transferred_from = ?').get(sent.id) as { id: string };
      clock.advance(7 * 60_000);
      host.queue.calling.callSpecific(moved.id, 2, STAFF(2, 2));
      clock.advance(4 * 60_000);
      host.queue.lifecycle.finish(moved.id, STAFF(2, 2));
      const day = host.queue.ctx.today();
      clock.advance(24 * 3600_000);
      await eventually(() => host.queue.ctx.today() !== day && (host.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'day.closed'").get() as { n: number }).n > 0, 10_000);
      busyDay(host, 15, seed + 1, clock);
    }
    // An officer renamed at the office after the first pushes: the next push carries the new name.
    const first = offices[0] as (typeof offices)[number];
    await eventually(() => (new ProvinceLinkFile(first.host.dataDir).read()?.ackedSeq ?? 0) > 0, 20_000);
    expect((await (await signedInAdmin(first.host)).post('/api/admin/officers', { id: 2, name: 'Trần Văn Đổi Tên' })).status).toBe(200);
    first.host.queue.issuer.issue({ serviceId: 1 });

    for (const { host, id, name } of offices) {
      const last = new OutboxReader(host.db).lastSeq();
      await eventually(() => (new ProvinceLinkFile(host.dataDir).read()?.ackedSeq ?? 0) >= last, 20_000);
      const days = host.db.prepare('SELECT min(business_day) AS a, max(business_day) AS b FROM tickets').get() as { a: string; b: string };
      const admin = await signedInAdmin(host);
      for (const [from, to] of [
        [days.a, days.b],
        [days.b, days.b],
      ] as const) {
        const own = (await admin.get(`/api/reports/summary?from=${from}&to=${to}`)).body as {
          totals: Record<string, number> & { wait: { n: number; meanMs: number | null; medianMs: number | null }; service: { n: number; meanMs: number | null } };
          byOfficer: { id: number; name: string; served: number; wait: { meanMs: number | null } }[];
        };
        const report = CrossOfficeReport.parse(await crossOfficeReport(hub.db.pool, { from, to, offices: [id] }));
        expect(report.byOffice.map((o) => o.name)).toEqual([name]);
        const row = report.byOffice[0] as CrossOfficeReport['byOffice'][number];
        const ownTotals = own.totals;
        expect(ownTotals.wait.n, 'the office measured waits').toBeGreaterThan(5);
        // A transferred-in ticket was called: its wait is not a citizen's wait (the same person waited already).
        if (from !== to) expect((host.db.prepare('SELECT count(*) AS n FROM tickets WHERE transferred_from IS NOT NULL AND called_at IS NOT NULL').get() as { n: number }).n).toBeGreaterThan(0);
        expect({ tickets: row.tickets, served: row.served, noShows: row.noShows, transferred: row.transferred, cancelled: row.cancelled, expired: row.expired }).toEqual({
          tickets: ownTotals.issued,
          served: ownTotals.served,
          noShows: ownTotals.noShows,
          transferred: ownTotals.transferred,
          cancelled: ownTotals.cancelled,
          expired: ownTotals.expired,
        });
        expect(row.wait.n).toBe(ownTotals.wait.n);
        expect(row.wait.meanMs as number).toBeCloseTo(ownTotals.wait.meanMs as number, 6);
        expect(row.service.n).toBe(ownTotals.service.n);
        expect(row.service.meanMs as number).toBeCloseTo(ownTotals.service.meanMs as number, 6);
        // One-minute buckets against the office's ten-second ones: the medians agree to within a bucket.
        expect(Math.abs((row.wait.medianMs as number) - (ownTotals.wait.medianMs as number))).toBeLessThanOrEqual(35_000);
        expect(row.satisfaction.count).toBe(ownTotals.ratings);
        // Per officer, by the names the office has now.
        for (const o of own.byOfficer) {
          const mine = report.byOfficer.find((x) => x.officerId === o.id);
          expect(mine?.name, `officer ${o.id}`).toBe(o.name);
          expect(mine?.served).toBe(o.served);
          expect(mine?.wait.meanMs ?? null).toBeCloseTo(o.wait.meanMs ?? 0, 6);
        }
      }
      const ownServices = host.db.prepare('SELECT id, code, name_vi AS nameVi FROM services ORDER BY id').all();
      expect((await hub.db.pool.query('SELECT service_id AS id, code, name_vi AS "nameVi" FROM office_services WHERE office_id = $1 ORDER BY service_id', [id])).rows).toEqual(ownServices);
    }
    expect((await crossOfficeReport(hub.db.pool, { from: '2026-01-01', to: '2026-12-31', offices: [first.id] })).byOfficer.map((o) => o.name)).toContain('Trần Văn Đổi Tên');

    // Both offices together: a service (same code at both) is one row with both offices' tickets.
    const both = await crossOfficeReport(hub.db.pool, { from: '2026-01-01', to: '2026-12-31' });
    expect(both.byOffice).toHaveLength(2);
    expect(both.totals.tickets).toBe(both.byOffice.reduce((s, o) => s + o.tickets, 0));
    expect(both.byService.reduce((s, o) => s + o.tickets, 0)).toBe(both.totals.tickets);
    expect(both.byService.filter((s) => s.offices === 2).length).toBeGreaterThan(0);
    for (const s of both.byService) expect(s.code, s.name).not.toBeNull();

    // The workbook: one sheet per grouping and the levels' mapping, its cells those of the report.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(both)) as unknown as ArrayBuffer);
    const sheets = workbookSheets(both);
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets.map((x) => x.name));
    for (const sheet of sheets) {
      const ws = wb.getWorksheet(sheet.name) as ExcelJS.Worksheet;
      expect(ws.getRow(2).values).toEqual([undefined, ...sheet.header]);
      sheet.rows.forEach((cells, i) => {
        const row = ws.getRow(3 + i);
        expect(sheet.header.map((_, j) => row.getCell(j + 1).value ?? null), `${sheet.name} row ${i + 1}`).toEqual(cells.map((v) => (v === '' ? null : v)));
      });
    }
    const byOffice = wb.getWorksheet('Theo đơn vị') as ExcelJS.Worksheet;
    expect(byOffice.getRow(2).values).toContain('Chờ trung vị (phút)');
    const mapping = wb.getWorksheet('Quy đổi mức hài lòng') as ExcelJS.Worksheet;
    expect(mapping.getRow(3).values).toEqual([undefined, 'Thang 3 mức', 3, 'Rất hài lòng']);
  }, 180_000);
});
