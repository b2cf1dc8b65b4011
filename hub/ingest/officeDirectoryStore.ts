import crypto from 'node:crypto';
import type pg from 'pg';
import type { OfficeDirectory } from '../../shared/hubProtocol';

/** A stable digest of a directory, so a repeat of the same one writes nothing. */
export function directoryHash(d: OfficeDirectory): string {
  return crypto.createHash('sha256').update(JSON.stringify(d)).digest('base64url');
}

/**
 * Keeps the office's directory (its ids → names) as the office last pushed it: replaced whole, in the
 * batch's transaction. A service, counter or officer the office deleted keeps no name here either;
 * the reports then show its id, as the office's own report does.
 */
export async function recordDirectory(c: pg.PoolClient, officeId: string, d: OfficeDirectory): Promise<void> {
  const hash = directoryHash(d);
  const prev = (await c.query<{ hash: string }>('SELECT hash FROM office_directory WHERE office_id = $1 FOR UPDATE', [officeId])).rows[0];
  if (prev?.hash === hash) return;
  // A zone PostgreSQL does not know would fail every later batch's hour rollup: keep the country's.
  const zone = d.timeZone && (await c.query('SELECT 1 FROM pg_timezone_names WHERE name = $1', [d.timeZone])).rowCount ? d.timeZone : 'Asia/Ho_Chi_Minh';
  await c.query(
    `INSERT INTO office_directory (office_id, time_zone, hash) VALUES ($1, $2, $3)
     ON CONFLICT (office_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, hash = EXCLUDED.hash, received_at = now()`,
    [officeId, zone, hash],
  );
  await c.query('DELETE FROM office_services WHERE office_id = $1', [officeId]);
  await c.query('DELETE FROM office_counters WHERE office_id = $1', [officeId]);
  await c.query('DELETE FROM office_officers WHERE office_id = $1', [officeId]);
  await c.query(
    `INSERT INTO office_services (office_id, service_id, code, name_vi, name_en) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
    [officeId, d.services.map((s) => s.id), d.services.map((s) => s.code), d.services.map((s) => s.nameVi), d.services.map((s) => s.nameEn)],
  );
  await c.query(`INSERT INTO office_counters (office_id, counter_id, number, name) SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[])`, [
    officeId,
    d.counters.map((x) => x.id),
    d.counters.map((x) => x.number),
    d.counters.map((x) => x.name),
  ]);
  await c.query(`INSERT INTO office_officers (office_id, officer_id, name) SELECT $1, * FROM unnest($2::int[], $3::text[])`, [officeId, d.officers.map((x) => x.id), d.officers.map((x) => x.name)]);
}

export interface DirectoryNames {
  services: Map<string, { code: string | null; nameVi: string; nameEn: string }>;
  officers: Map<string, string>;
  offices: Map<string, string>;
}

/** Names for the reports: keyed `${officeId}|${id}`. */
export async function directoryNames(db: pg.Pool, offices: readonly string[] | null): Promise<DirectoryNames> {
  const where = offices ? ' WHERE office_id = ANY($1::text[])' : '';
  const args = offices ? [offices] : [];
  const services = await db.query<{ office_id: string; service_id: number; code: string | null; name_vi: string; name_en: string }>(`SELECT * FROM office_services${where}`, args);
  const officers = await db.query<{ office_id: string; officer_id: number; name: string }>(`SELECT * FROM office_officers${where}`, args);
  const names = await db.query<{ id: string; name: string }>(`SELECT id, name FROM offices${offices ? ' WHERE id = ANY($1::text[])' : ''}`, args);
  return {
    services: new Map(services.rows.map((r) => [`${r.office_id}|${r.service_id}`, { code: r.code, nameVi: r.name_vi, nameEn: r.name_en }])),
    officers: new Map(officers.rows.map((r) => [`${r.office_id}|${r.officer_id}`, r.name])),
    offices: new Map(names.rows.map((r) => [r.id, r.name])),
  };
}
