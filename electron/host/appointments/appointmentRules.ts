import type Database from 'better-sqlite3';
import { AppointmentRule } from '../../../shared/bookingProtocol';
import { businessDay } from '../../../shared/businessDay';
import { AppError } from '../../../shared/errors';
import { effectiveHours } from '../../../shared/openingHours';
import { slotsOfDay, upcomingSlots } from '../../../shared/slotPlan';
import type { PlannedSlot } from '../../../shared/slotPlan';
import type { QueueService } from '../queue/queueService';
import type { ServiceRow } from '../queue/rows';

interface RuleRow {
  service_id: number;
  enabled: number;
  slot_minutes: number;
  capacity: number;
  days_ahead: number;
  hub_share: number;
}

const toRule = (r: RuleRow): AppointmentRule => ({
  serviceId: r.service_id,
  enabled: r.enabled === 1,
  slotMinutes: r.slot_minutes,
  capacity: r.capacity,
  daysAhead: r.days_ahead,
  hubShare: r.hub_share,
});

/** Each service's appointment rule (#30) and the slots it plans, from the service's effective hours. */
export class AppointmentRules {
  private readonly all: Database.Statement<[], RuleRow>;
  private readonly one: Database.Statement<[number], RuleRow>;
  private readonly upsert: Database.Statement<[Record<string, unknown>]>;

  constructor(private readonly queue: QueueService) {
    const db = queue.ctx.db;
    this.all = db.prepare('SELECT * FROM appointment_rules ORDER BY service_id');
    this.one = db.prepare('SELECT * FROM appointment_rules WHERE service_id = ?');
    this.upsert = db.prepare(`INSERT INTO appointment_rules (service_id, enabled, slot_minutes, capacity, days_ahead, hub_share, updated_at)
      VALUES (@serviceId, @enabled, @slotMinutes, @capacity, @daysAhead, @hubShare, @now)
      ON CONFLICT(service_id) DO UPDATE SET enabled = excluded.enabled, slot_minutes = excluded.slot_minutes, capacity = excluded.capacity,
        days_ahead = excluded.days_ahead, hub_share = excluded.hub_share, updated_at = excluded.updated_at`);
  }

  list(): AppointmentRule[] {
    return this.all.all().map(toRule);
  }

  of(serviceId: number): AppointmentRule | null {
    const r = this.one.get(serviceId);
    return r ? toRule(r) : null;
  }

  save(input: AppointmentRule): AppointmentRule {
    const rule = AppointmentRule.parse(input);
    if (rule.hubShare > rule.capacity) throw new AppError('BAD_REQUEST', 'Phần dành cho đặt hẹn trực tuyến không được lớn hơn số chỗ mỗi khung giờ', { field: 'hubShare' });
    return this.queue.ctx.tx(() => {
      this.queue.ctx.service(rule.serviceId);
      this.upsert.run({ ...rule, enabled: rule.enabled ? 1 : 0, now: this.queue.now() });
      return rule;
    });
  }

  private hoursOf(service: ServiceRow) {
    return effectiveHours(JSON.parse(service.hours), this.queue.settings.get().hours);
  }

  /** The service's slots on an office-local date (none when its rule is off, or the service is not active). */
  slotsOn(serviceId: number, day: string): PlannedSlot[] {
    const rule = this.of(serviceId);
    const service = this.queue.ctx.serviceById.get(serviceId);
    if (!rule || !service || service.active !== 1) return [];
    const office = this.queue.settings.get();
    return slotsOfDay(rule, this.hoursOf(service), office.holidays, day, office.timeZone);
  }

  /** Every slot still to come within each rule's days ahead, in service then time order. */
  upcoming(): PlannedSlot[] {
    const office = this.queue.settings.get();
    const now = this.queue.now();
    const today = businessDay(now, office.timeZone, 0);
    const out: PlannedSlot[] = [];
    for (const rule of this.list()) {
      const service = this.queue.ctx.serviceById.get(rule.serviceId);
      if (!service || service.active !== 1) continue;
      out.push(...upcomingSlots(rule, this.hoursOf(service), office.holidays, today, now, office.timeZone));
    }
    return out;
  }
}
