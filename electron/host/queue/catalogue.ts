import type Database from 'better-sqlite3';
import type { ServiceGroup, Zone } from '../../../shared/domain';

interface GroupRow {
  id: number;
  name_vi: string;
  name_en: string;
  sort_order: number;
  icon: string;
}
interface ZoneRow {
  id: number;
  name_vi: string;
  name_en: string;
  sort_order: number;
}

export const toGroup = (r: GroupRow): ServiceGroup => ({ id: r.id, nameVi: r.name_vi, nameEn: r.name_en, sortOrder: r.sort_order, icon: r.icon });
export const toZone = (r: ZoneRow): Zone => ({ id: r.id, nameVi: r.name_vi, nameEn: r.name_en, sortOrder: r.sort_order });

/**
 * The catalogue's two levels and the office's zones (m009). Small tables read whole: an office has
 * tens of groups and a handful of zones, however long its history.
 */
export class Catalogue {
  private readonly groupsQ: Database.Statement<[], GroupRow>;
  private readonly zonesQ: Database.Statement<[], ZoneRow>;
  private readonly groupQ: Database.Statement<[number], GroupRow>;
  private readonly zoneQ: Database.Statement<[number], ZoneRow>;
  private readonly serviceZonesQ: Database.Statement<[], { service_id: number; zone_id: number }>;
  private readonly counterZoneQ: Database.Statement<[number], { zone_id: number }>;

  constructor(private readonly db: Database.Database) {
    this.groupsQ = db.prepare('SELECT * FROM service_groups ORDER BY sort_order, id');
    this.zonesQ = db.prepare('SELECT * FROM zones ORDER BY sort_order, id');
    this.groupQ = db.prepare('SELECT * FROM service_groups WHERE id = ?');
    this.zoneQ = db.prepare('SELECT * FROM zones WHERE id = ?');
    // Where a service is served: the zones of the active counters that list it.
    this.serviceZonesQ = db.prepare(
      'SELECT DISTINCT cs.service_id, c.zone_id FROM counter_services cs JOIN counters c ON c.id = cs.counter_id WHERE c.active = 1 ORDER BY cs.service_id, c.zone_id',
    );
    this.counterZoneQ = db.prepare('SELECT zone_id FROM counters WHERE id = ?');
  }

  groups(): ServiceGroup[] {
    return this.groupsQ.all().map(toGroup);
  }

  zones(): Zone[] {
    return this.zonesQ.all().map(toZone);
  }

  group(id: number): ServiceGroup | null {
    const r = this.groupQ.get(id);
    return r ? toGroup(r) : null;
  }

  zone(id: number): Zone | null {
    const r = this.zoneQ.get(id);
    return r ? toZone(r) : null;
  }

  /** service id → the zones (ids, ascending) whose counters serve it. */
  serviceZones(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const r of this.serviceZonesQ.all()) {
      const list = out.get(r.service_id) ?? [];
      list.push(r.zone_id);
      out.set(r.service_id, list);
    }
    return out;
  }

  zoneOfCounter(counterId: number): number | null {
    return this.counterZoneQ.get(counterId)?.zone_id ?? null;
  }

  insertGroup(g: Omit<ServiceGroup, 'id'>): number {
    return Number(
      this.db.prepare('INSERT INTO service_groups (name_vi, name_en, sort_order, icon) VALUES (?, ?, ?, ?)').run(g.nameVi, g.nameEn, g.sortOrder, g.icon).lastInsertRowid,
    );
  }

  updateGroup(g: ServiceGroup): void {
    this.db.prepare('UPDATE service_groups SET name_vi = ?, name_en = ?, sort_order = ?, icon = ? WHERE id = ?').run(g.nameVi, g.nameEn, g.sortOrder, g.icon, g.id);
  }

  groupByName(nameVi: string): ServiceGroup | null {
    const r = this.db.prepare<[string], GroupRow>('SELECT * FROM service_groups WHERE name_vi = ? ORDER BY id LIMIT 1').get(nameVi);
    return r ? toGroup(r) : null;
  }

  nextGroupOrder(): number {
    return (this.db.prepare<[], { m: number | null }>('SELECT max(sort_order) AS m FROM service_groups').get()?.m ?? 0) + 1;
  }

  nextServiceOrder(): number {
    return Math.min(1000, (this.db.prepare<[], { m: number | null }>('SELECT max(sort_order) AS m FROM services').get()?.m ?? 0) + 1);
  }

  serviceIdByCode(code: string): number | null {
    return this.db.prepare<[string], { id: number }>('SELECT id FROM services WHERE code = ?').get(code)?.id ?? null;
  }

  /** The catalogue as a spreadsheet's rows, in the kiosk's order. */
  catalogueRows(): { code: string; group: string; nameVi: string; nameEn: string; prefix: string; descriptionVi: string; documents: string[]; documentsEn: string[] }[] {
    const rows = this.db
      .prepare<[], { code: string; group_name: string | null; name_vi: string; name_en: string; prefix: string; description_vi: string; documents: string; documents_en: string }>(
        `SELECT s.code, g.name_vi AS group_name, s.name_vi, s.name_en, s.prefix, s.description_vi, s.documents, s.documents_en FROM services s
         LEFT JOIN service_groups g ON g.id = s.group_id ORDER BY coalesce(g.sort_order, 1e9), s.sort_order, s.id`,
      )
      .all();
    return rows.map((r) => ({ code: r.code, group: r.group_name ?? '', nameVi: r.name_vi, nameEn: r.name_en, prefix: r.prefix, descriptionVi: r.description_vi, documents: JSON.parse(r.documents) as string[], documentsEn: JSON.parse(r.documents_en) as string[] }));
  }

  insertZone(z: Omit<Zone, 'id'>): number {
    return Number(this.db.prepare('INSERT INTO zones (name_vi, name_en, sort_order) VALUES (?, ?, ?)').run(z.nameVi, z.nameEn, z.sortOrder).lastInsertRowid);
  }

  updateZone(z: Zone): void {
    this.db.prepare('UPDATE zones SET name_vi = ?, name_en = ?, sort_order = ? WHERE id = ?').run(z.nameVi, z.nameEn, z.sortOrder, z.id);
  }

  /** The group's procedures leave it (their codes, in the kiosk's order), then the group goes. Inside the caller's transaction. */
  deleteGroup(id: number): string[] {
    const codes = this.db.prepare<[number], { code: string }>('SELECT code FROM services WHERE group_id = ? ORDER BY sort_order, id').all(id).map((r) => r.code);
    this.db.prepare('UPDATE services SET group_id = NULL WHERE group_id = ?').run(id);
    this.db.prepare('DELETE FROM service_groups WHERE id = ?').run(id);
    return codes;
  }

  /** Every counter of the zone, open or not (a counter row must always have a zone). */
  countersInZone(id: number): { id: number; number: number; name: string }[] {
    return this.db.prepare<[number], { id: number; number: number; name: string }>('SELECT id, number, name FROM counters WHERE zone_id = ? ORDER BY number, id').all(id);
  }

  /**
   * The zone's kiosks and displays (and pending pairing codes) go back to the whole office, then the
   * zone goes; the ids of the devices moved. Inside the caller's transaction, after the caller has
   * checked that no counter is left in it.
   */
  deleteZone(id: number): number[] {
    const moved = this.db.prepare<[number], { id: number }>('SELECT id FROM devices WHERE zone_id = ? ORDER BY id').all(id).map((r) => r.id);
    this.db.prepare('UPDATE devices SET zone_id = NULL WHERE zone_id = ?').run(id);
    this.db.prepare('UPDATE pairing_codes SET zone_id = NULL WHERE zone_id = ?').run(id);
    this.db.prepare('DELETE FROM zones WHERE id = ?').run(id);
    return moved;
  }
}
