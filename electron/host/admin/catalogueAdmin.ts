import type { z } from 'zod';
import { ServiceGroupFields, ZoneFields } from '../../../shared/api/adminSchemas';
import type { CatalogueImport, ServiceGroupInput, ZoneInput } from '../../../shared/api/adminSchemas';
import { applyPatch } from '../../../shared/api/patch';
import type { ServiceGroup, Zone } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { QueueService } from '../queue/queueService';
import { OfficeAdmin } from './officeAdmin';

/**
 * The admin's writes to the catalogue's groups and the office's zones: like every admin save, one
 * transaction with its config.changed event, an edit changing only the fields it was sent.
 */
export class CatalogueAdmin {
  private readonly office: OfficeAdmin;

  constructor(private readonly queue: QueueService) {
    this.office = new OfficeAdmin(queue);
  }

  /**
   * A spreadsheet of procedures, all or nothing: each row updates the service with its code (what
   * the sheet does not carry — hours, quotas, counters — stays) or creates it; a group named for
   * the first time is created. One transaction, one config.changed event.
   */
  importCatalogue(input: z.infer<typeof CatalogueImport>): { created: number; updated: number; groupsCreated: number } {
    const cat = this.queue.catalogue;
    const codes = input.rows.map((r) => r.code);
    const twice = codes.find((c, i) => codes.indexOf(c) !== i);
    if (twice) throw new AppError('BAD_REQUEST', `Mã ${twice} có hai dòng`);
    return this.queue.ctx.tx(() => {
      let created = 0;
      let updated = 0;
      let groupsCreated = 0;
      for (const [i, row] of input.rows.entries()) {
        let groupId: number | null = null;
        if (row.group) {
          groupId = cat.groupByName(row.group)?.id ?? null;
          if (groupId === null) {
            groupId = cat.insertGroup({ nameVi: row.group, nameEn: '', sortOrder: cat.nextGroupOrder(), icon: 'document' });
            groupsCreated++;
          }
        }
        const id = cat.serviceIdByCode(row.code);
        const fields = { code: row.code, nameVi: row.nameVi, nameEn: row.nameEn, prefix: row.prefix, descriptionVi: row.descriptionVi, documents: row.documents, ...(row.documentsEn ? { documentsEn: row.documentsEn } : {}), groupId };
        try {
          if (id) this.office.saveService({ id, ...fields }, false);
          else this.office.saveService({ ...fields, sortOrder: cat.nextServiceOrder() }, false);
        } catch (e) {
          if (e instanceof AppError) throw new AppError(e.code, `Dòng ${i + 2} (${row.code}): ${e.message}`);
          throw e;
        }
        if (id) updated++;
        else created++;
      }
      this.queue.ctx.record('config.changed', { serviceId: null, actor: 'admin', reason: 'catalogueImport', payload: { what: 'catalogueImport', id: null, created, updated, groupsCreated } });
      return { created, updated, groupsCreated };
    });
  }

  private changed(what: string, id: number, fields: string[]): void {
    this.queue.ctx.record('config.changed', { serviceId: null, actor: 'admin', reason: what, payload: { what, id, fields } });
  }

  saveGroup(input: z.infer<typeof ServiceGroupInput>): ServiceGroup {
    const cat = this.queue.catalogue;
    return this.queue.ctx.tx(() => {
      const { id: editId, ...patch } = input;
      let stored = {};
      if (editId) {
        const g = cat.group(editId);
        if (!g) throw new AppError('GROUP_NOT_FOUND');
        stored = (({ id: _id, ...fields }) => fields)(g);
      }
      const g = ServiceGroupFields.parse(applyPatch(stored, patch));
      let id = editId;
      if (id) cat.updateGroup({ id, ...g });
      else id = cat.insertGroup(g);
      this.changed('serviceGroup', id, Object.keys(patch));
      return cat.group(id) as ServiceGroup;
    });
  }

  /**
   * Deleting a group (a department leaving the centre, or a reorganised menu) never deletes a
   * procedure: its services become ungrouped and the kiosk shows them under "other procedures".
   * Ungrouping rather than refusing, because a service carries what a group does not — its
   * tickets and numbering today, its hours, counters and reports — and refusing would send the
   * admin through every one of a department's thirty procedures first, for a change that removes
   * nothing a citizen was promised. One transaction, one config.changed event naming what moved.
   */
  deleteGroup(id: number): { ok: true; ungrouped: string[] } {
    const cat = this.queue.catalogue;
    return this.queue.ctx.tx(() => {
      if (!cat.group(id)) throw new AppError('GROUP_NOT_FOUND');
      const ungrouped = cat.deleteGroup(id);
      this.queue.ctx.record('config.changed', { serviceId: null, actor: 'admin', reason: 'serviceGroupDeleted', payload: { what: 'serviceGroupDeleted', id, ungrouped } });
      return { ok: true as const, ungrouped };
    });
  }

  /**
   * A zone goes only when nothing stands in it: the office keeps at least one zone, and a zone with
   * counters is refused with their names (move them first — a counter is never moved behind the
   * admin's back). Its kiosks and displays serve the whole office again, in the same transaction.
   */
  deleteZone(id: number): { ok: true; devicesToWholeOffice: number[] } {
    const cat = this.queue.catalogue;
    return this.queue.ctx.tx(() => {
      const zn = cat.zone(id);
      if (!zn) throw new AppError('ZONE_NOT_FOUND');
      if (cat.zones().length <= 1) throw new AppError('LAST_ZONE');
      const counters = cat.countersInZone(id);
      if (counters.length > 0) {
        throw new AppError('ZONE_HAS_COUNTERS', `Khu vực "${zn.nameVi}" còn ${counters.map((c) => c.name).join(', ')}: hãy chuyển các quầy sang khu vực khác trước`);
      }
      const devicesToWholeOffice = cat.deleteZone(id);
      this.queue.ctx.record('config.changed', { serviceId: null, actor: 'admin', reason: 'zoneDeleted', payload: { what: 'zoneDeleted', id, devicesToWholeOffice } });
      return { ok: true as const, devicesToWholeOffice };
    });
  }

  saveZone(input: z.infer<typeof ZoneInput>): Zone {
    const cat = this.queue.catalogue;
    return this.queue.ctx.tx(() => {
      const { id: editId, ...patch } = input;
      let stored = {};
      if (editId) {
        const zn = cat.zone(editId);
        if (!zn) throw new AppError('ZONE_NOT_FOUND');
        stored = (({ id: _id, ...fields }) => fields)(zn);
      }
      const zn = ZoneFields.parse(applyPatch(stored, patch));
      let id = editId;
      if (id) cat.updateZone({ id, ...zn });
      else id = cat.insertZone(zn);
      this.changed('zone', id, Object.keys(patch));
      return cat.zone(id) as Zone;
    });
  }
}
