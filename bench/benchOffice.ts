import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashSecret } from '../electron/host/auth/secretHash';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';

/**
 * A data dir with the sample ward grown to `counters` counters, each with its own officer (PIN
 * 1234) and `servicesPerCounter` services, ready for a `serve` process to open.
 */
export function benchOffice(counters: number, servicesPerCounter: number, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups') });
  seedIfEmpty(db, { adminPassword: 'bench', alwaysOpen: true });
  db.prepare('UPDATE services SET range_end = 99999').run();
  const pin = hashSecret('1234');
  db.transaction(() => {
    db.prepare('UPDATE officers SET pin_hash = ?').run(pin);
    for (let n = 5; n <= counters; n++) {
      db.prepare('INSERT INTO officers (name, title, pin_hash) VALUES (?, ?, ?)').run(`Cán bộ ${n}`, 'Công chức', pin);
      const cid = Number(db.prepare('INSERT INTO counters (number, name) VALUES (?, ?)').run(n, `Quầy ${n}`).lastInsertRowid);
      for (let k = 0; k < servicesPerCounter; k++) db.prepare('INSERT INTO counter_services (counter_id, service_id, position) VALUES (?, ?, ?)').run(cid, ((n + k) % 6) + 1, k);
    }
  })();
  db.close();
  return dir;
}
