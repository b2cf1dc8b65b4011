import { AppError } from '../../../shared/errors';
import { catalogueDiff, procedureValues } from '../../../shared/provinceCatalogue';
import type { CatalogueDiff, CatalogueProcedure, LocalService, ManagedValues } from '../../../shared/provinceCatalogue';
import { foldVietnamese } from '../../../shared/serviceSearch';
import { OfficeAdmin } from '../admin/officeAdmin';
import type { QueueService } from '../queue/queueService';
import type { ServiceRow } from '../queue/rows';
import type { CatalogueCopy } from './catalogueCopy';

export type ConflictChoice = 'local' | 'province';

export interface CatalogueApplyResult {
  version: number;
  added: number;
  updated: number;
  keptLocal: number;
  tookProvince: number;
  unlinked: number;
}

/**
 * Applies a pulled catalogue version at the office when its admin says so, in one transaction with
 * one config.changed event: procedures tied to services by code take the province's changes to
 * fields the office has not edited since the last apply; a field both changed is settled by the
 * admin's choice for that item (none given → nothing is applied); new procedures become services
 * that are off until the office takes them on (a province lists far more procedures than one office
 * handles); a procedure the province dropped leaves its service as it is, untied.
 */
export class CatalogueApply {
  private readonly admin: OfficeAdmin;

  constructor(
    private readonly queue: QueueService,
    private readonly copy: CatalogueCopy,
  ) {
    this.admin = new OfficeAdmin(queue);
  }

  private services(): LocalService[] {
    return (this.queue.ctx.db.prepare('SELECT * FROM services ORDER BY id').all() as ServiceRow[]).map((r) => ({
      id: r.id,
      code: r.code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      documents: JSON.parse(r.documents) as string[],
      documentsEn: JSON.parse(r.documents_en) as string[],
    }));
  }

  /** What applying `version` would do now; null when it has not been pulled. */
  diff(version: number): CatalogueDiff | null {
    const v = this.copy.version(version);
    return v ? catalogueDiff(v.procedures, this.services(), this.copy.links()) : null;
  }

  apply(version: number, choices: Record<string, ConflictChoice>): CatalogueApplyResult {
    const db = this.queue.ctx.db;
    return this.queue.ctx.tx(() => {
      const v = this.copy.version(version);
      if (!v) throw new AppError('CATALOGUE_NOT_PULLED');
      const diff = catalogueDiff(v.procedures, this.services(), this.copy.links());
      const open = diff.conflicts.filter((c) => choices[c.code] !== 'local' && choices[c.code] !== 'province');
      if (open.length > 0) throw new AppError('CATALOGUE_CHOICE_NEEDED', `Còn ${open.length} mục xung đột chưa chọn: ${open.map((c) => c.code).join(', ')}`, { codes: open.map((c) => c.code) });
      const byCode = new Map(v.procedures.map((p) => [p.code, p]));
      const tie = db.prepare('INSERT INTO service_procedures (service_id, procedure_code, applied_version, applied) VALUES (?, ?, ?, ?) ON CONFLICT (service_id) DO UPDATE SET procedure_code = excluded.procedure_code, applied_version = excluded.applied_version, applied = excluded.applied');
      const result: CatalogueApplyResult = { version, added: 0, updated: 0, keptLocal: 0, tookProvince: 0, unlinked: 0 };
      const services = new Map(this.services().map((s) => [s.id, s]));
      const remember = (serviceId: number, p: CatalogueProcedure) => tie.run(serviceId, p.code, version, JSON.stringify(procedureValues(p, services.get(serviceId))));

      for (const item of [...diff.changed, ...diff.conflicts]) {
        const p = byCode.get(item.code) as CatalogueProcedure;
        const id = item.serviceId as number;
        const take = choices[item.code] === 'province' ? [...item.updates, ...item.conflicts] : item.updates;
        if (item.conflicts.length > 0) {
          if (choices[item.code] === 'province') result.tookProvince++;
          else result.keptLocal++;
        }
        if (take.length > 0) {
          const patch: Partial<ManagedValues> = {};
          for (const c of take) (patch as Record<string, unknown>)[c.field] = c.province;
          this.admin.saveService({ id, ...patch }, false);
          result.updated++;
        }
        // The province's values as of this apply, even where the office kept its own: only a later province change is asked again.
        remember(id, p);
      }
      // Tied and already equal: the tie moves to this version.
      const tied = new Set([...diff.changed, ...diff.conflicts].map((i) => i.code));
      for (const l of this.copy.links()) {
        const p = byCode.get(l.procedureCode);
        if (p && !tied.has(p.code)) remember(l.serviceId, p);
      }
      // Looked up once per field, not per procedure: a province adds hundreds at once.
      const groups = new Map<string, number>();
      const prefixes = new Map<string, string>();
      let sortOrder = this.queue.catalogue.nextServiceOrder();
      for (const item of diff.added) {
        const p = byCode.get(item.code) as CatalogueProcedure;
        if (!groups.has(p.field)) {
          prefixes.set(p.field, this.prefixFor(p.field));
          groups.set(p.field, this.groupFor(p.field));
        }
        const s = this.admin.saveService(
          {
            code: this.freeServiceCode(p.code),
            nameVi: p.nameVi,
            nameEn: p.nameEn,
            prefix: p.prefix ?? (prefixes.get(p.field) as string),
            documents: p.documents,
            documentsEn: p.documentsEn ?? [],
            groupId: groups.get(p.field) as number,
            sortOrder: Math.min(1000, sortOrder++),
            // Off until the office takes the procedure on (counters, hours): the kiosk shows nothing new by surprise.
            active: false,
          },
          false,
        );
        services.set(s.id, { id: s.id, code: s.code, nameVi: s.nameVi, nameEn: s.nameEn, documents: s.documents, documentsEn: s.documentsEn });
        remember(s.id, p);
        result.added++;
      }
      for (const r of diff.removed) db.prepare('DELETE FROM service_procedures WHERE service_id = ?').run(r.serviceId);
      result.unlinked = diff.removed.length;
      db.prepare('INSERT INTO province_catalogue_applies (version, applied_at, summary) VALUES (?, ?, ?)').run(version, this.queue.now(), JSON.stringify(result));
      this.queue.ctx.record('config.changed', { serviceId: null, actor: 'admin', reason: 'provinceCatalogue', payload: { what: 'provinceCatalogue', id: null, ...result } });
      return result;
    });
  }

  /** A new service's own code from the procedure's ("1.001234" → "1001234"), unique among the office's. */
  private freeServiceCode(procedureCode: string): string {
    const base = procedureCode.replace(/[^0-9A-Za-z]/g, '').toUpperCase().slice(-14);
    for (let i = 1; ; i++) {
      const code = i === 1 ? base : `${base.slice(0, 12)}_${i}`;
      if (this.queue.catalogue.serviceIdByCode(code) === null) return code;
    }
  }

  /** The group for a new procedure's field (lĩnh vực): the office's of that name, or a new one. */
  private groupFor(field: string): number {
    const cat = this.queue.catalogue;
    const found = cat.groupByName(field) ?? cat.groups().find((g) => foldVietnamese(g.nameVi) === foldVietnamese(field));
    return found ? found.id : cat.insertGroup({ nameVi: field, nameEn: '', sortOrder: cat.nextGroupOrder(), icon: 'document' });
  }

  /** Ticket letters for a new procedure: those its field's services use most, else the field's initial. */
  private prefixFor(field: string): string {
    const row = this.queue.ctx.db
      .prepare('SELECT s.prefix, count(*) AS n FROM services s JOIN service_groups g ON g.id = s.group_id WHERE g.name_vi = ? GROUP BY s.prefix ORDER BY n DESC LIMIT 1')
      .get(field) as { prefix: string } | undefined;
    if (row) return row.prefix;
    const initial = foldVietnamese(field).charAt(0).toUpperCase();
    return /^[A-Z]$/.test(initial) ? initial : 'A';
  }
}
