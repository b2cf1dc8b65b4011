import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { CatalogueProcedures } from '../../shared/provinceCatalogue';
import type { CatalogueProcedure, CatalogueVersion } from '../../shared/provinceCatalogue';

/** A procedure as comparable text: PostgreSQL's JSONB keeps keys in its own order, not the file's. */
const canonical = (p: CatalogueProcedure) => JSON.stringify(Object.fromEntries(Object.entries(p).sort(([a], [b]) => (a < b ? -1 : 1))));

/** Publishers wait for each other on this lock, so two never take the same number. */
const PUBLISH_LOCK = 7_204_292;

export interface CatalogueVersionRow {
  version: number;
  publishedAt: number;
  source: string;
  procedureCount: number;
}

/** What a new version does to the one before it, by procedure code, for the province's admin. */
export interface PublishedChange {
  added: number;
  changed: number;
  removed: number;
}

export interface OfficeCatalogueRow {
  officeId: string;
  name: string;
  /** The version the office last said it has applied; null: none, or it never said. */
  catalogueVersion: number | null;
  /** When it last said so (its last push carrying the field). */
  reportedAt: number | null;
}

/**
 * The province's catalogue on the hub: numbered versions, each published whole in one transaction
 * (validated first, so a bad file publishes nothing) and never changed after (a trigger refuses it).
 */
export class CatalogueStore {
  constructor(private readonly db: pg.Pool) {}

  /**
   * Publish a new version: the next number, the procedures as validated. A list identical to the
   * latest is refused: every office would be shown a version with nothing in it.
   */
  async publish(procedures: CatalogueProcedure[], source: string): Promise<CatalogueVersionRow & { change: PublishedChange }> {
    const valid = CatalogueProcedures.parse(procedures);
    const c = await this.db.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
      const prev = (await c.query<{ version: number; procedures: CatalogueProcedure[] }>('SELECT version, procedures FROM catalogue_versions ORDER BY version DESC LIMIT 1')).rows[0];
      const before = new Map((prev?.procedures ?? []).map((p) => [p.code, canonical(p)]));
      const change: PublishedChange = { added: 0, changed: 0, removed: 0 };
      for (const p of valid) {
        const was = before.get(p.code);
        if (was === undefined) change.added++;
        else if (was !== canonical(p)) change.changed++;
        before.delete(p.code);
      }
      change.removed = before.size;
      if (prev && change.added + change.changed + change.removed === 0) throw new AppError('CATALOGUE_INVALID', `Danh mục giống hệt phiên bản ${prev.version} đã công bố; không công bố phiên bản mới`);
      const row = (
        await c.query<{ version: number; published_at: Date; source: string; procedure_count: number }>(
          `INSERT INTO catalogue_versions (version, source, procedure_count, procedures)
           SELECT coalesce(max(version), 0) + 1, $1, $2, $3 FROM catalogue_versions
           RETURNING version, published_at, source, procedure_count`,
          [source.slice(0, 300), valid.length, JSON.stringify(valid)],
        )
      ).rows[0] as { version: number; published_at: Date; source: string; procedure_count: number };
      await c.query('COMMIT');
      return { version: row.version, publishedAt: row.published_at.getTime(), source: row.source, procedureCount: row.procedure_count, change };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async list(): Promise<CatalogueVersionRow[]> {
    const rows = (await this.db.query<{ version: number; published_at: Date; source: string; procedure_count: number }>('SELECT version, published_at, source, procedure_count FROM catalogue_versions ORDER BY version')).rows;
    return rows.map((r) => ({ version: r.version, publishedAt: r.published_at.getTime(), source: r.source, procedureCount: r.procedure_count }));
  }

  /** The newest version's number, or null before the first: one index step, asked on every push. */
  async latestVersion(): Promise<number | null> {
    return (await this.db.query<{ v: number | null }>('SELECT max(version) AS v FROM catalogue_versions')).rows[0]?.v ?? null;
  }

  async latest(): Promise<CatalogueVersion | null> {
    const r = (await this.db.query<{ version: number; published_at: Date; procedures: CatalogueProcedure[] }>('SELECT version, published_at, procedures FROM catalogue_versions ORDER BY version DESC LIMIT 1')).rows[0];
    return r ? { version: r.version, publishedAt: r.published_at.getTime(), procedures: r.procedures } : null;
  }

  /** Which version each office runs, as it last reported; revoked offices are left out. */
  async officeVersions(): Promise<OfficeCatalogueRow[]> {
    const rows = (
      await this.db.query<{ id: string; name: string; catalogue_version: number | null; reported_at: Date | null }>(
        `SELECT o.id, o.name, x.catalogue_version, x.reported_at FROM offices o LEFT JOIN office_extras x ON x.office_id = o.id
         WHERE o.revoked_at IS NULL ORDER BY o.name, o.id`,
      )
    ).rows;
    return rows.map((r) => ({ officeId: r.id, name: r.name, catalogueVersion: r.catalogue_version, reportedAt: r.reported_at?.getTime() ?? null }));
  }
}
