import { describe, expect, it } from 'vitest';
import { ageOn, parseCitizenIdQr } from '../../shared/citizenIdQr';
import { recogniseScan } from '../../shared/checkinScan';

const today = { year: 2026, month: 12, day: 7 };
// Made-up citizens in the real layouts (no real person's number).
const chipWithOld = '001054012345|012345678|Nguyễn Văn Bảy|15031954|Nam|Số 12 ngõ 34 phố Hàng Bông, Phường Hàng Gai, Quận Hoàn Kiếm, Hà Nội|20042021';
const chipNoOld = '079190001234||Trần Thị Mai|02091990|Nữ|45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10082022';
// 2024 căn cước: same leading fields, then the newer batches' extras (expiry, a parent's name…).
const canCuoc2024 = '038196007777||Lê Hoàng Nam|29021996|Nam|Thôn Đông, xã Quảng Hòa, huyện Quảng Xương, Thanh Hóa|15072024|29022036|Lê Văn Hùng|Phạm Thị Lan';

describe('chip ID card QR', () => {
  it('reads the chip CCCD with its old 9-digit number', () => {
    const r = parseCitizenIdQr(chipWithOld, today);
    expect(r).toEqual({
      ok: true,
      card: {
        idNumber: '001054012345',
        oldIdNumber: '012345678',
        name: 'Nguyễn Văn Bảy',
        birth: { day: 15, month: 3, year: 1954 },
        sex: 'male',
        address: 'Số 12 ngõ 34 phố Hàng Bông, Phường Hàng Gai, Quận Hoàn Kiếm, Hà Nội',
        issued: { day: 20, month: 4, year: 2021 },
      },
    });
    if (r.ok) expect(ageOn(r.card.birth, today)).toBe(72);
  });

  it('reads the chip CCCD with the old number empty', () => {
    const r = parseCitizenIdQr(chipNoOld, today);
    expect(r.ok && r.card).toMatchObject({ idNumber: '079190001234', oldIdNumber: null, name: 'Trần Thị Mai', sex: 'female', birth: { year: 1990, month: 9, day: 2 } });
  });

  it('reads the 2024 căn cước and ignores its extra trailing fields', () => {
    const r = parseCitizenIdQr(canCuoc2024, today);
    expect(r.ok && r.card).toMatchObject({
      idNumber: '038196007777',
      oldIdNumber: null,
      name: 'Lê Hoàng Nam',
      birth: { day: 29, month: 2, year: 1996 },
      issued: { day: 15, month: 7, year: 2024 },
      address: 'Thôn Đông, xã Quảng Hòa, huyện Quảng Xương, Thanh Hóa',
    });
  });

  it('reads fields by shape, not position (a batch that drops the old-number field)', () => {
    const r = parseCitizenIdQr('001054012345|Nguyễn Văn Bảy|15031954|Nam|Hà Nội|20042021', today);
    expect(r.ok && r.card).toMatchObject({ name: 'Nguyễn Văn Bảy', oldIdNumber: null, birth: { year: 1954 } });
  });

  it('reads a decomposed-Unicode name as the same name', () => {
    const r = parseCitizenIdQr(chipWithOld.normalize('NFD'), today);
    expect(r.ok && r.card.name).toBe('Nguyễn Văn Bảy');
  });

  const bad: [string, string, string][] = [
    ['no 12-digit number', '00105401234|012345678|Nguyễn Văn Bảy|15031954|Nam|Hà Nội|20042021', 'not_id_card'],
    ['province code 000', '000054012345|012345678|Nguyễn Văn Bảy|15031954|Nam|Hà Nội|20042021', 'id_number'],
    ['birth year not the one in the number', '001054012345|012345678|Nguyễn Văn Bảy|15031955|Nam|Hà Nội|20042021', 'id_number'],
    ['a 10-digit old number', '001054012345|0123456789|Nguyễn Văn Bảy|15031954|Nam|Hà Nội|20042021', 'old_id_number'],
    ['31 February birth', '001054012345|012345678|Nguyễn Văn Bảy|31021954|Nam|Hà Nội|20042021', 'birth_date'],
    ['month 13', '001054012345|012345678|Nguyễn Văn Bảy|15131954|Nam|Hà Nội|20042021', 'birth_date'],
    ['birth in the future', '001227012345||Bé Tương Lai|01012027|Nữ|Hà Nội|', 'birth_date'],
    ['no birth date at all', '001054012345|012345678|Nguyễn Văn Bảy|Nam|Hà Nội', 'birth_date'],
    ['issue before birth', '001054012345|012345678|Nguyễn Văn Bảy|15031954|Nam|Hà Nội|20041950', 'issue_date'],
    ['issue date impossible', '001054012345|012345678|Nguyễn Văn Bảy|15031954|Nam|Hà Nội|30022021', 'issue_date'],
    ['name with digits', '001054012345|012345678|Nguyen Van 7|15031954|Nam|Hà Nội|20042021', 'name'],
    ['no name', '001054012345|012345678||15031954|Nam|Hà Nội|20042021', 'name'],
    ['sex field garbled', '001054012345|012345678|Nguyễn Văn Bảy|15031954|Nxm|Hà Nội|20042021', 'sex'],
  ];
  it.each(bad)('refuses %s', (_what, scan, reason) => {
    expect(parseCitizenIdQr(scan, today)).toEqual({ ok: false, reason });
  });
});

describe('recognising a scan by its shape', () => {
  it('tells an ID card QR, a dossier code, a booking code and anything else apart', () => {
    expect(recogniseScan(chipWithOld)).toEqual({ kind: 'citizenId' });
    expect(recogniseScan('000.00.31.H29-240115-0001')).toEqual({ kind: 'dossier', code: '000.00.31.H29-240115-0001' });
    expect(recogniseScan(' 000.17.31.h29-251231-000123 ')).toEqual({ kind: 'dossier', code: '000.17.31.H29-251231-000123' });
    expect(recogniseScan('H29.22-240115-0042')).toEqual({ kind: 'dossier', code: 'H29.22-240115-0042' });
    expect(recogniseScan('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=000.00.31.H29-240115-0001')).toEqual({
      kind: 'dossier',
      code: '000.00.31.H29-240115-0001',
    });
    expect(recogniseScan('lh7k3p-9xma')).toEqual({ kind: 'booking', code: 'LH-7K3P9XMA' });
    expect(recogniseScan('LH-7K3P-9XMA')).toEqual({ kind: 'booking', code: 'LH-7K3P9XMA' });
    expect(recogniseScan('LH-7K3P9Q').kind).toBe('unknown');
  });

  it('does not take a near miss for a dossier code', () => {
    for (const s of ['000.00.31.H29-241315-0001', '000.00.31.H29-240230-0001', '000.00.31.H29-240115-01', 'H29-240115-0001', 'xin chào', '', 'http://x/%E0%A4%A']) {
      expect(recogniseScan(s)).toEqual({ kind: 'unknown' });
    }
  });
});
