// m013: the documents to bring in English (issue #15), on an office database as it was after m012
// (user_version 11) whose services already carry their Vietnamese documents.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { m013DocumentsEn } from '../../../electron/host/db/migrations/m013_documents_en';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { toService } from '../../../electron/host/queue/rows';
import type { ServiceRow } from '../../../electron/host/queue/rows';
import { TEST_ADMIN_PASSWORD } from '../../helpers/devices';
import { databaseAt, schemaObjects as objects } from '../../helpers/migrationDb';

describe('m013: documents to bring in English', () => {
  it('upgrades a version-11 office: every service and its Vietnamese documents unchanged, no English list yet; nothing else in the schema moves', () => {
    expect(migrations.indexOf(m013DocumentsEn)).toBe(11);
    const db = databaseAt(11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    // Documents as the version-11 admin wrote them: some services with a list, one with none.
    const setDocs = db.prepare('UPDATE services SET documents = ? WHERE id = ?');
    const ids = (db.prepare('SELECT id FROM services ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(2);
    ids.slice(1).forEach((id, i) => setDocs.run(JSON.stringify(['Tờ khai theo mẫu', `Căn cước công dân ${i}`, 'Giấy tờ “đặc biệt”, bản sao']), id));
    const servicesBefore = db.prepare('SELECT * FROM services ORDER BY id').all() as Record<string, unknown>[];
    const othersBefore = objects(db).filter((o) => o.name !== 'services');
    const rowsBefore = Object.fromEntries(othersBefore.filter((o) => o.type === 'table').map((o) => [o.name, db.prepare(`SELECT * FROM "${o.name}"`).all()]));

    // To m013 only: later migrations move other parts of the schema (m014: pin_attempts).
    migrate(db, 12);
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('SELECT * FROM services ORDER BY id').all()).toEqual(servicesBefore.map((s) => ({ ...s, documents_en: '[]' })));
    expect(objects(db).filter((o) => o.name !== 'services')).toEqual(othersBefore);
    for (const [t, rows] of Object.entries(rowsBefore)) expect(db.prepare(`SELECT * FROM "${t}"`).all(), t).toEqual(rows);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // The service view carries both lists; the Vietnamese exactly as before.
    for (const [i, row] of (db.prepare('SELECT * FROM services ORDER BY id').all() as ServiceRow[]).entries()) {
      const s = toService(row);
      expect(s.documents).toEqual(JSON.parse(servicesBefore[i]!.documents as string));
      expect(s.documentsEn).toEqual([]);
    }
    // The database refuses what is not a JSON list, whoever writes it.
    expect(() => db.prepare("UPDATE services SET documents_en = 'ID card' WHERE id = ?").run(ids[0])).toThrow(/CHECK/);
    db.close();
  });
});
