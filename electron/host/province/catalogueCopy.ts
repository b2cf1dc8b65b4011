import type Database from 'better-sqlite3';
import { CatalogueProcedures } from '../../../shared/provinceCatalogue';
import type { CatalogueProcedure, CatalogueVersion, ManagedValues, ProcedureLink } from '../../../shared/provinceCatalogue';

/** Versions kept besides the applied one: enough to show what changed, never a province's whole history. */
const KEEP_VERSIONS = 3;

/**
 * The office's copy of the province's catalogue: the versions pulled from the hub (kept as they were
 * published) and which service is tied to which procedure with the province's values as of the last
 * apply. Only reads and the pulled copies are written here; applying is catalogueApply.ts.
 */
export class CatalogueCopy {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** The newest version pulled, or null. */
  latestVersion(): number | null {
    return (this.db.prepare('SELECT max(version) AS v FROM province_catalogue').get() as { v: number | null }).v;
  }

  /** Keep a pulled version (validated again: the hub is trusted with the office's catalogue, not its database). */
  store(v: CatalogueVersion): void {
    const procedures = CatalogueProcedures.parse(v.procedures);
    const applied = this.appliedVersion();
    this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO province_catalogue (version, published_at, received_at, procedures) VALUES (?, ?, ?, ?)').run(v.version, v.publishedAt, this.now(), JSON.stringify(procedures));
      this.db.prepare('DELETE FROM province_catalogue WHERE version NOT IN (SELECT version FROM province_catalogue ORDER BY version DESC LIMIT ?) AND version IS NOT ?').run(KEEP_VERSIONS, applied);
    })();
  }

  version(version: number): { version: number; publishedAt: number; receivedAt: number; procedures: CatalogueProcedure[] } | null {
    const r = this.db.prepare('SELECT version, published_at, received_at, procedures FROM province_catalogue WHERE version = ?').get(version) as { version: number; published_at: number; received_at: number; procedures: string } | undefined;
    return r ? { version: r.version, publishedAt: r.published_at, receivedAt: r.received_at, procedures: JSON.parse(r.procedures) as CatalogueProcedure[] } : null;
  }

  appliedVersion(): number | null {
    return (this.db.prepare('SELECT version FROM province_catalogue_applies ORDER BY rowid DESC LIMIT 1').get() as { version: number } | undefined)?.version ?? null;
  }

  lastApply(): { version: number; appliedAt: number } | null {
    const r = this.db.prepare('SELECT version, applied_at FROM province_catalogue_applies ORDER BY rowid DESC LIMIT 1').get() as { version: number; applied_at: number } | undefined;
    return r ? { version: r.version, appliedAt: r.applied_at } : null;
  }

  links(): ProcedureLink[] {
    return (this.db.prepare('SELECT service_id, procedure_code, applied FROM service_procedures').all() as { service_id: number; procedure_code: string; applied: string }[]).map((r) => ({
      serviceId: r.service_id,
      procedureCode: r.procedure_code,
      applied: JSON.parse(r.applied) as Partial<ManagedValues>,
    }));
  }

  /** The procedure code each service carries (its tie to the province's catalogue). */
  codeOfService(serviceId: number): string | null {
    return (this.db.prepare('SELECT procedure_code FROM service_procedures WHERE service_id = ?').get(serviceId) as { procedure_code: string } | undefined)?.procedure_code ?? null;
  }
}
