import type Database from 'better-sqlite3';
import type { AppointmentReport } from '../../../shared/api/reportSchemas';
import { AppointmentRule } from '../../../shared/bookingProtocol';
import { businessDayStart, nextDay } from '../../../shared/businessDay';
import type { OfficeConfig } from '../../../shared/domain';
import { effectiveHours } from '../../../shared/openingHours';
import { slotsOfDay } from '../../../shared/slotPlan';

interface CountRow {
  service_id: number;
  made: number;
  hub: number;
  checked_in: number;
  late: number;
  missed: number;
  cancelled: number;
  booked: number;
}

/**
 * Appointments in the office report (#30): bookings made (by where), checked in, late, missed,
 * cancelled; the mean wait of appointments (from their slot, or their arrival if later, to the
 * call) beside that of walk-ins (issue to call); and how much of each service's slot places were
 * booked. Read from the bookings and tickets of the range directly: a day has a few hundred at most.
 */
export class AppointmentReportQuery {
  private readonly counts: Database.Statement<{ from: number; to: number; serviceId: number | null }, CountRow>;
  private readonly waits: Database.Statement<{ from: string; to: string; serviceId: number | null }, { kind: 'appointment' | 'walkIn'; n: number; total: number }>;
  private readonly rulesQ: Database.Statement<[], { service_id: number; enabled: number; slot_minutes: number; capacity: number; days_ahead: number; hub_share: number; hours: string; name_vi: string }>;

  constructor(
    db: Database.Database,
    private readonly office: () => OfficeConfig,
  ) {
    // Plan: bookings_by_slot range.
    this.counts = db.prepare(`SELECT service_id, count(*) AS made, total(source = 'hub') AS hub, total(state = 'checkedIn' AND late = 0) AS checked_in,
        total(state = 'checkedIn' AND late = 1) AS late, total(state = 'missed') AS missed, total(state = 'cancelled') AS cancelled, total(state != 'cancelled') AS booked
      FROM bookings WHERE slot_start >= @from AND slot_start < @to AND (@serviceId IS NULL OR service_id = @serviceId) GROUP BY service_id`);
    // Plan: tickets_called (service_id, called_at) is not a day range; the day's tickets by business_day are.
    this.waits = db.prepare(`SELECT CASE WHEN appointment_at IS NULL THEN 'walkIn' ELSE 'appointment' END AS kind, count(*) AS n,
        total(max(0, called_at - CASE WHEN appointment_at IS NULL THEN issued_at ELSE max(issued_at, appointment_at) END)) AS total
      FROM tickets WHERE business_day BETWEEN @from AND @to AND called_at IS NOT NULL AND transferred_from IS NULL AND (@serviceId IS NULL OR service_id = @serviceId)
      GROUP BY 1`);
    this.rulesQ = db.prepare('SELECT r.*, s.hours, s.name_vi FROM appointment_rules r JOIN services s ON s.id = r.service_id ORDER BY s.sort_order, s.id');
  }

  report(from: string, to: string, serviceId?: number): AppointmentReport {
    const office = this.office();
    const start = businessDayStart(from, office.timeZone, office.dayBoundaryMinutes);
    const end = businessDayStart(nextDay(to), office.timeZone, office.dayBoundaryMinutes);
    const rows = this.counts.all({ from: start, to: end, serviceId: serviceId ?? null });
    const sum = (k: keyof CountRow) => rows.reduce((s, r) => s + r[k], 0);
    const mean = (kind: 'appointment' | 'walkIn') => {
      const w = this.waits.all({ from, to, serviceId: serviceId ?? null }).find((r) => r.kind === kind);
      return w && w.n > 0 ? Math.round((w.total / w.n / 60_000) * 10) / 10 : null;
    };
    const days: string[] = [];
    for (let d = from; d <= to && days.length < 3700; d = nextDay(d)) days.push(d);
    const slotUse = this.rulesQ
      .all()
      .filter((r) => serviceId === undefined || r.service_id === serviceId)
      .map((r) => {
        const rule = AppointmentRule.parse({ serviceId: r.service_id, enabled: r.enabled === 1, slotMinutes: r.slot_minutes, capacity: r.capacity, daysAhead: r.days_ahead, hubShare: r.hub_share });
        const hours = effectiveHours(JSON.parse(r.hours), office.hours);
        const places = days.reduce((n, d) => n + slotsOfDay({ ...rule, enabled: true }, hours, office.holidays, d, office.timeZone).length * rule.capacity, 0);
        const booked = rows.find((x) => x.service_id === r.service_id)?.booked ?? 0;
        return { serviceId: r.service_id, name: r.name_vi, places, booked, percent: places > 0 ? Math.round((booked / places) * 1000) / 10 : null };
      })
      .filter((s) => s.places > 0 || s.booked > 0);
    return {
      made: sum('made'),
      fromHub: sum('hub'),
      checkedIn: sum('checked_in'),
      late: sum('late'),
      missed: sum('missed'),
      cancelled: sum('cancelled'),
      meanWaitMinutes: { appointment: mean('appointment'), walkIn: mean('walkIn') },
      slotUse,
    };
  }
}
