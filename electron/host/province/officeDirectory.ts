import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { OfficeDirectory } from '../../../shared/hubProtocol';

/**
 * The office's names for what its tickets point at — services (code, Vietnamese and English names),
 * counters, officers (staff display names; never a citizen's) — for the province's reports. Read
 * fresh for every push (three small tables) and sent only when it differs from what this hub last
 * acknowledged, so a renamed officer reaches the province with the next push and an unchanged one
 * costs nothing. Kept in memory: a restarted host sends it once more, which the hub absorbs.
 */
export class OfficeDirectorySource {
  private readonly services: Database.Statement<[], { id: number; code: string; name_vi: string; name_en: string }>;
  private readonly counters: Database.Statement<[], { id: number; number: number; name: string }>;
  private readonly officers: Database.Statement<[], { id: number; name: string }>;
  /** The hub and hash of the directory it last acknowledged. */
  private acked: string | null = null;

  constructor(
    db: Database.Database,
    private readonly timeZone: () => string,
  ) {
    this.services = db.prepare('SELECT id, code, name_vi, name_en FROM services ORDER BY id');
    this.counters = db.prepare('SELECT id, number, name FROM counters ORDER BY id');
    this.officers = db.prepare('SELECT id, name FROM officers ORDER BY id');
  }

  read(): OfficeDirectory {
    return {
      services: this.services.all().map((s) => ({ id: s.id, code: s.code || null, nameVi: s.name_vi.slice(0, 300), nameEn: s.name_en.slice(0, 300) })),
      counters: this.counters.all().map((c) => ({ id: c.id, number: c.number, name: c.name.slice(0, 200) })),
      officers: this.officers.all().map((o) => ({ id: o.id, name: o.name.slice(0, 200) })),
      timeZone: this.timeZone(),
    };
  }

  /** The directory to send to this hub, or null when it already holds this one. */
  pending(hub: string): { directory: OfficeDirectory; mark: string } | null {
    const directory = this.read();
    const mark = `${hub} ${crypto.createHash('sha256').update(JSON.stringify(directory)).digest('base64url')}`;
    return mark === this.acked ? null : { directory, mark };
  }

  /** The hub took the push that carried it. */
  acknowledged(mark: string): void {
    this.acked = mark;
  }
}
