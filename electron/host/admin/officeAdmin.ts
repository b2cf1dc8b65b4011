import type { z } from 'zod';
import { CounterFields, OfficerFields, ServiceFields } from '../../../shared/api/adminSchemas';
import type { CounterInput, OfficePatch, OfficerInput, ServiceInput } from '../../../shared/api/adminSchemas';
import { applyPatch } from '../../../shared/api/patch';
import { OfficeConfig } from '../../../shared/domain';
import type { Counter, Officer, Service } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { QueueService } from '../queue/queueService';
import { toOfficer, toService } from '../queue/rows';
import type { CounterRow, OfficerRow, ServiceRow } from '../queue/rows';

function unique<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (String((e as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT')) throw new AppError('DUPLICATE');
    throw e;
  }
}

/**
 * The office configuration the admin edits: every change is one transaction, recorded in the
 * event log with who made it, and announced as config.changed so every screen refreshes live.
 */
export class OfficeAdmin {
  constructor(private readonly queue: QueueService) {}

  private changed(what: string, id: number | null, detail: Record<string, unknown> = {}): void {
    this.queue.ctx.record('config.changed', { serviceId: null, actor: 'admin', reason: what, payload: { what, id, ...detail } });
  }

  /** Record a device or announcement settings change made through another service. */
  logChange<T>(what: string, apply: () => T): T {
    return this.queue.ctx.tx(() => {
      const result = apply();
      this.changed(what, null);
      return result;
    });
  }

  office(): OfficeConfig {
    return this.queue.settings.get();
  }

  setOffice(patch: z.infer<typeof OfficePatch>): OfficeConfig {
    return this.queue.ctx.tx(() => {
      const before = this.queue.settings.get();
      const next = OfficeConfig.parse(applyPatch(before, patch));
      this.queue.settings.set(next);
      // The log names what really changed, not every field a form happened to send.
      const fields = (Object.keys(next) as (keyof OfficeConfig)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
      this.changed('office', null, { fields });
      return next;
    });
  }

  /** Create (no id) or edit: an edit changes the fields it was sent and keeps every other one. */
  /** `record: false` for a step of a larger change that records one event for all (a catalogue import). */
  saveService(input: z.infer<typeof ServiceInput>, record = true): Service {
    return this.queue.ctx.tx(() =>
      unique(() => {
        const db = this.queue.ctx.db;
        const { id: editId, ...patch } = input;
        let id = editId;
        const stored = id ? (({ id: _id, ...fields }) => fields)(toService(this.queue.ctx.service(id))) : {};
        const s = ServiceFields.parse(applyPatch(stored, patch));
        const values = {
          code: s.code,
          name_vi: s.nameVi,
          name_en: s.nameEn,
          prefix: s.prefix,
          range_start: s.rangeStart,
          range_end: s.rangeEnd,
          daily_quota: s.dailyQuota,
          hours: JSON.stringify(s.hours),
          active: s.active ? 1 : 0,
          sort_order: s.sortOrder,
          icon: s.icon,
          alert_minutes: s.alertMinutes,
          group_id: s.groupId,
          description_vi: s.descriptionVi,
          description_en: s.descriptionEn,
          documents: JSON.stringify(s.documents),
          documents_en: JSON.stringify(s.documentsEn),
        };
        if (s.groupId !== null && !this.queue.catalogue.group(s.groupId)) throw new AppError('GROUP_NOT_FOUND');
        if (id) {
          db.prepare(`UPDATE services SET code=@code, name_vi=@name_vi, name_en=@name_en, prefix=@prefix, range_start=@range_start, range_end=@range_end,
            daily_quota=@daily_quota, hours=@hours, active=@active, sort_order=@sort_order, icon=@icon, alert_minutes=@alert_minutes,
            group_id=@group_id, description_vi=@description_vi, description_en=@description_en, documents=@documents, documents_en=@documents_en WHERE id=@id`).run({ ...values, id });
        } else {
          id = Number(
            db.prepare(`INSERT INTO services (code, name_vi, name_en, prefix, range_start, range_end, daily_quota, hours, active, sort_order, icon, alert_minutes,
              group_id, description_vi, description_en, documents, documents_en)
              VALUES (@code, @name_vi, @name_en, @prefix, @range_start, @range_end, @daily_quota, @hours, @active, @sort_order, @icon, @alert_minutes,
              @group_id, @description_vi, @description_en, @documents, @documents_en)`).run(values).lastInsertRowid,
          );
        }
        if (record) this.changed('service', id, { fields: Object.keys(patch) });
        return toService(db.prepare('SELECT * FROM services WHERE id = ?').get(id) as ServiceRow);
      }),
    );
  }

  counters(): Counter[] {
    return (this.queue.ctx.db.prepare('SELECT * FROM counters ORDER BY number').all() as CounterRow[]).map((c) => this.queue.ctx.counterView(c));
  }

  saveCounter(input: z.infer<typeof CounterInput>): Counter {
    return this.queue.ctx.tx(() =>
      unique(() => {
        const db = this.queue.ctx.db;
        const { id: editId, ...patch } = input;
        let id = editId;
        let stored = {};
        if (id) {
          const row = db.prepare('SELECT * FROM counters WHERE id = ?').get(id) as CounterRow | undefined;
          if (!row) throw new AppError('COUNTER_NOT_FOUND');
          const { number, name, active, serviceIds, zoneId } = this.queue.ctx.counterView(row);
          stored = { number, name, active, serviceIds, zoneId };
        }
        const c = CounterFields.parse(applyPatch(stored, patch));
        for (const sid of c.serviceIds) this.queue.ctx.service(sid);
        if (!this.queue.catalogue.zone(c.zoneId)) throw new AppError('ZONE_NOT_FOUND');
        if (new Set(c.serviceIds).size !== c.serviceIds.length) throw new AppError('BAD_REQUEST', 'Dịch vụ bị lặp');
        if (id) {
          db.prepare('UPDATE counters SET number = ?, name = ?, active = ?, zone_id = ? WHERE id = ?').run(c.number, c.name, c.active ? 1 : 0, c.zoneId, id);
        } else {
          id = Number(db.prepare('INSERT INTO counters (number, name, active, zone_id) VALUES (?, ?, ?, ?)').run(c.number, c.name, c.active ? 1 : 0, c.zoneId).lastInsertRowid);
        }
        if (!editId || patch.serviceIds) {
          db.prepare('DELETE FROM counter_services WHERE counter_id = ?').run(id);
          const ins = db.prepare('INSERT INTO counter_services (counter_id, service_id, position) VALUES (?, ?, ?)');
          c.serviceIds.forEach((sid, pos) => ins.run(id, sid, pos));
        }
        this.changed('counter', id, { fields: Object.keys(patch) });
        return this.queue.ctx.counterView(db.prepare('SELECT * FROM counters WHERE id = ?').get(id) as CounterRow);
      }),
    );
  }

  officers(): Officer[] {
    return (this.queue.ctx.db.prepare('SELECT * FROM officers ORDER BY id').all() as OfficerRow[]).map(toOfficer);
  }

  /** `pinHash`: the new PIN, already hashed by the caller (off the main thread, outside the write lock). */
  saveOfficer(input: z.infer<typeof OfficerInput>, pinHash: string | null): Officer {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { id: editId, pin, ...patch } = input;
    if (!editId && !pinHash) throw new AppError('BAD_REQUEST', 'Cán bộ mới cần mã PIN');
    return this.queue.ctx.tx(() => {
      const db = this.queue.ctx.db;
      let id = editId;
      let stored = {};
      if (id) {
        const row = db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as OfficerRow | undefined;
        if (!row) throw new AppError('OFFICER_NOT_FOUND');
        const { name, title, photo, active } = toOfficer(row);
        stored = { name, title, photo, active };
      }
      const o = OfficerFields.parse(applyPatch(stored, patch));
      if (id) {
        db.prepare('UPDATE officers SET name = ?, title = ?, photo = ?, active = ? WHERE id = ?').run(o.name, o.title, o.photo, o.active ? 1 : 0, id);
        if (pinHash) db.prepare('UPDATE officers SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?').run(pinHash, id);
      } else {
        id = Number(db.prepare('INSERT INTO officers (name, title, photo, active, pin_hash) VALUES (?, ?, ?, ?, ?)').run(o.name, o.title, o.photo, o.active ? 1 : 0, pinHash).lastInsertRowid);
      }
      this.changed('officer', id, { fields: Object.keys(patch), pinReset: !!pinHash });
      return toOfficer(db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as OfficerRow);
    });
  }

  /** Waiting tickets older than their service's alert threshold. */
  alerts(now: number) {
    const rows = this.queue.ctx.db
      .prepare(
        `SELECT t.id, t.number, t.service_id, t.queued_at, s.alert_minutes FROM tickets t JOIN services s ON s.id = t.service_id
         WHERE t.state = 'waiting' AND s.alert_minutes IS NOT NULL AND t.queued_at <= ? - s.alert_minutes * 60000 ORDER BY t.queued_at LIMIT 100`,
      )
      .all(now) as { id: string; number: string; service_id: number; queued_at: number; alert_minutes: number }[];
    return rows.map((r) => ({ ticketId: r.id, number: r.number, serviceId: r.service_id, waitedMinutes: Math.floor((now - r.queued_at) / 60_000), thresholdMinutes: r.alert_minutes }));
  }
}
