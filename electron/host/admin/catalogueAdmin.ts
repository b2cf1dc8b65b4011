import type { z } from 'zod';
import { ServiceGroupFields, ZoneFields } from '../../../shared/api/adminSchemas';
import type { ServiceGroupInput, ZoneInput } from '../../../shared/api/adminSchemas';
import { applyPatch } from '../../../shared/api/patch';
import type { ServiceGroup, Zone } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { QueueService } from '../queue/queueService';

/**
 * The admin's writes to the catalogue's groups and the office's zones: like every admin save, one
 * transaction with its config.changed event, an edit changing only the fields it was sent.
 */
export class CatalogueAdmin {
  constructor(private readonly queue: QueueService) {}

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
