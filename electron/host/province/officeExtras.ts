import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { OfficeExtras } from '../../../shared/hubProtocol';
import { latestBackup } from '../db/backup';

/**
 * What the office tells its province besides /api/health, on every push: each enrolled device's
 * kind, name and last contact (no credentials, no addresses), when the last backup was written, and
 * the catalogue version it has applied. Read fresh each time; a push is at most once a second.
 */
export function officeExtras(o: { db: Database.Database; backupDir: string; appliedCatalogue: () => number | null }): () => OfficeExtras {
  const devices = o.db.prepare("SELECT role, name, last_seen_at FROM devices WHERE revoked_at IS NULL ORDER BY role, name, id LIMIT 500");
  return () => {
    const backup = latestBackup(o.backupDir);
    let lastBackupAt: number | null = null;
    if (backup) {
      try {
        lastBackupAt = Math.round(fs.statSync(backup).mtimeMs);
      } catch {
        // Pruned between listing and looking: the next push tells.
      }
    }
    return {
      devices: (devices.all() as { role: 'kiosk' | 'counter' | 'rating' | 'display' | 'admin'; name: string; last_seen_at: number | null }[]).map((d) => ({ kind: d.role, name: d.name.slice(0, 120), lastSeenAt: d.last_seen_at })),
      lastBackupAt,
      catalogueVersion: o.appliedCatalogue(),
    };
  };
}
