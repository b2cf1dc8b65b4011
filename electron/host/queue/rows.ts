import type { Counter, Officer, Service, Ticket, TicketState } from '../../../shared/domain';

export interface TicketRow {
  id: string;
  service_id: number;
  business_day: string;
  seq: number;
  number: string;
  priority: string | null;
  state: TicketState;
  issued_at: number;
  queued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  counter_id: number | null;
  officer_id: number | null;
  target_counter_id: number | null;
  call_count: number;
  transferred_from: string | null;
  dossier_code: string | null;
  kiosk_id: string | null;
  issue_order: number;
  /** Printed on the ticket; null for tickets issued before check codes existed. */
  check_code: string | null;
  /** The latest recall (m016); null if never recalled. */
  recalled_at?: number | null;
  /** From a scanned ID card (m021); the name is erased after the office's retention. */
  citizen_name?: string | null;
  citizen_birth_year?: number | null;
  /** An appointment's slot start (m022); null for a walk-in. */
  appointment_at?: number | null;
  /** Not called before this moment (m022): an appointment's queue time, or its re-offer after a no-show. */
  callable_at?: number | null;
}

export interface ServiceRow {
  id: number;
  code: string;
  name_vi: string;
  name_en: string;
  prefix: string;
  range_start: number;
  range_end: number;
  daily_quota: number | null;
  hours: string;
  active: number;
  sort_order: number;
  icon: string;
  alert_minutes: number | null;
  group_id: number | null;
  description_vi: string;
  description_en: string;
  /** JSON array of strings. */
  documents: string;
  /** JSON array of strings (m013). */
  documents_en: string;
}

export interface CounterRow {
  id: number;
  number: number;
  name: string;
  active: number;
  status: 'closed' | 'open' | 'paused';
  officer_id: number | null;
  zone_id: number;
}

export interface OfficerRow {
  id: number;
  name: string;
  title: string;
  photo: string | null;
  pin_hash: string;
  active: number;
  failed_pins: number;
  locked_until: number | null;
}

export const toTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  number: r.number,
  serviceId: r.service_id,
  priority: r.priority,
  state: r.state,
  businessDay: r.business_day,
  issuedAt: r.issued_at,
  queuedAt: r.queued_at,
  calledAt: r.called_at,
  servingAt: r.serving_at,
  finishedAt: r.finished_at,
  counterId: r.counter_id,
  officerId: r.officer_id,
  targetCounterId: r.target_counter_id,
  callCount: r.call_count,
  transferredFrom: r.transferred_from,
  dossierCode: r.dossier_code,
});

export const toService = (r: ServiceRow): Service => ({
  id: r.id,
  code: r.code,
  nameVi: r.name_vi,
  nameEn: r.name_en,
  prefix: r.prefix,
  rangeStart: r.range_start,
  rangeEnd: r.range_end,
  dailyQuota: r.daily_quota,
  hours: JSON.parse(r.hours) as Service['hours'],
  active: r.active === 1,
  sortOrder: r.sort_order,
  icon: r.icon,
  alertMinutes: r.alert_minutes,
  groupId: r.group_id,
  descriptionVi: r.description_vi,
  descriptionEn: r.description_en,
  documents: JSON.parse(r.documents) as string[],
  documentsEn: JSON.parse(r.documents_en) as string[],
});

export const toCounter = (r: CounterRow, serviceIds: number[]): Counter => ({
  id: r.id,
  number: r.number,
  name: r.name,
  active: r.active === 1,
  status: r.status,
  officerId: r.officer_id,
  serviceIds,
  zoneId: r.zone_id,
});

export const toOfficer = (r: OfficerRow): Officer => ({
  id: r.id,
  name: r.name,
  title: r.title,
  photo: r.photo,
  active: r.active === 1,
});
