// The rules of applying a province catalogue at an office (#29), field by field: the province's
// change is taken where the office has not edited since the last apply, the office's edit stands
// where the province has not changed, and where both changed the admin is asked.
import { describe, expect, it } from 'vitest';
import { CatalogueProcedures, catalogueDiff, repeatedCodes } from '../../shared/provinceCatalogue';
import type { CatalogueProcedure, LocalService, ProcedureLink } from '../../shared/provinceCatalogue';

const P: CatalogueProcedure = { code: '1.001193', nameVi: 'Đăng ký khai sinh', nameEn: 'Birth registration', field: 'Hộ tịch', documents: ['Giấy chứng sinh'] };
const service = (o: Partial<LocalService> = {}): LocalService => ({ id: 7, code: 'HT', nameVi: P.nameVi, nameEn: P.nameEn, documents: P.documents, documentsEn: ['Birth certificate'], ...o });
const linkOf = (applied: Partial<LocalService>): ProcedureLink => ({ serviceId: 7, procedureCode: P.code, applied: { nameVi: P.nameVi, nameEn: P.nameEn, documents: P.documents, documentsEn: ['Birth certificate'], ...applied } });

describe('catalogueDiff', () => {
  it('equal everywhere: nothing to do; the English documents the province does not give stay the office’s', () => {
    expect(catalogueDiff([P], [service()], [linkOf({})])).toEqual({ added: [], changed: [], conflicts: [], removed: [], unchanged: 1 });
  });

  it('only the province changed a field: taken; only the office did: it stands, nothing asked', () => {
    const d = catalogueDiff([{ ...P, nameEn: 'Registration of birth' }], [service({ nameVi: 'Khai sinh (tại phường)' })], [linkOf({})]);
    expect(d.conflicts).toEqual([]);
    expect(d.changed).toEqual([expect.objectContaining({ serviceId: 7, updates: [{ field: 'nameEn', local: P.nameEn, province: 'Registration of birth' }], conflicts: [] })]);
  });

  it('both changed the same field to different values: a conflict with both; to the same value: nothing', () => {
    const both = catalogueDiff([{ ...P, nameVi: 'Đăng ký khai sinh cho trẻ em' }], [service({ nameVi: 'Khai sinh (tại phường)' })], [linkOf({})]);
    expect(both.conflicts).toEqual([expect.objectContaining({ conflicts: [{ field: 'nameVi', local: 'Khai sinh (tại phường)', province: 'Đăng ký khai sinh cho trẻ em' }], updates: [] })]);
    const same = catalogueDiff([{ ...P, nameVi: 'Khai sinh' }], [service({ nameVi: 'Khai sinh' })], [linkOf({})]);
    expect(same.unchanged).toBe(1);
  });

  it('first tie by the same name (tone marks and case aside): any difference is asked, nothing having been applied', () => {
    const d = catalogueDiff([P], [service({ nameVi: 'ĐĂNG KÝ KHAI SINH', documents: [] })], []);
    expect(d.conflicts).toEqual([expect.objectContaining({ newLink: true, serviceId: 7 })]);
    expect(d.conflicts[0]?.conflicts.map((c) => c.field)).toEqual(['nameVi', 'documents']);
  });

  it('a new code is added; a tied code the province dropped is listed with its service, which stays', () => {
    const d = catalogueDiff([{ ...P, code: '1.000894', nameVi: 'Đăng ký kết hôn' }], [service()], [linkOf({})]);
    expect(d.added.map((a) => a.code)).toEqual(['1.000894']);
    expect(d.removed).toEqual([{ code: P.code, serviceId: 7, serviceName: P.nameVi }]);
  });

  it('a published list: portal codes only, each once, within an office service’s limits', () => {
    expect(CatalogueProcedures.safeParse([P, { ...P, code: '2.000889.000.00.00.H12' }]).success).toBe(true);
    const bad = CatalogueProcedures.safeParse([P, P, { ...P, code: 'HT01' }, { ...P, code: '1.2', documents: Array(13).fill('x') }]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['2.code', '3.documents']);
    // The list was refused before its codes were compared: the file reader names the repeat as well.
    expect(repeatedCodes([P, P, { ...P, code: 'HT01' }])).toEqual([[1, 'mã 1.001193 đã có ở thủ tục thứ 1']]);
    expect(CatalogueProcedures.safeParse([P, P]).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['1.code', 'mã 1.001193 đã có ở thủ tục thứ 1']]);
  });
});
