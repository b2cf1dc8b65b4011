import { describe, expect, it } from 'vitest';
import { tempQueue } from '../../helpers/tempHost';

// The sample centre in English (issue #15): the kiosk's English screens draw each procedure's
// English name and description, so none may be empty, Vietnamese, or a copy of the Vietnamese.
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('the sample provincial centre in English', () => {
  it('every group and every one of the 100 procedures has an English name, and every procedure an English description and English documents to bring', () => {
    const { queue } = tempQueue({ sample: 'centre' });
    const groups = queue.catalogue.groups();
    expect(groups).toHaveLength(20);
    for (const g of groups) {
      expect(g.nameEn.trim(), g.nameVi).not.toBe('');
      expect(g.nameEn, g.nameVi).not.toMatch(VIETNAMESE);
    }
    const services = queue.views.listServices();
    expect(services).toHaveLength(100);
    for (const s of services) {
      expect(s.nameEn.trim(), s.nameVi).not.toBe('');
      expect(s.descriptionEn.trim(), s.nameVi).not.toBe('');
      expect(`${s.nameEn} ${s.descriptionEn}`, s.nameVi).not.toMatch(VIETNAMESE);
      expect(s.descriptionEn, s.nameVi).not.toBe(s.descriptionVi);
      // What to bring, line for line in English (m013).
      expect(s.documentsEn, s.nameVi).toHaveLength(s.documents.length);
      expect(s.documents.length, s.nameVi).toBeGreaterThan(0);
      // A form's official number stays as printed on it (11/ĐK): the clerk asks for that.
      for (const d of s.documentsEn) expect(d.replace(/\b\d+\/[A-ZĐ-]+/g, ''), s.nameVi).not.toMatch(VIETNAMESE);
      expect(s.documentsEn, s.nameVi).not.toEqual(s.documents);
    }
    // No two procedures read alike in English.
    expect(new Set(services.map((s) => s.nameEn)).size).toBe(100);
  });
});
