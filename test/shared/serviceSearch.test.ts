import { describe, expect, it } from 'vitest';
import { foldVietnamese, searchServices } from '../../shared/serviceSearch';

const SERVICES = [
  { id: 1, code: 'BA01', nameVi: 'Đăng ký biến động đất đai', nameEn: 'Registering a change of land use rights', groupName: 'Đất đai' },
  { id: 2, code: 'BB02', nameVi: 'Cấp Giấy chứng nhận quyền sử dụng đất lần đầu', nameEn: 'First land use right certificate', groupName: 'Đất đai' },
  { id: 3, code: 'AA01', nameVi: 'Cấp Phiếu lý lịch tư pháp', nameEn: 'Criminal record certificate', groupName: 'Sở Tư pháp' },
  { id: 4, code: 'QA01', nameVi: 'Cấp hộ chiếu phổ thông', nameEn: 'Ordinary passport', groupName: 'Công an tỉnh', descriptionVi: 'Lần đầu hoặc cấp lại' },
  { id: 5, code: 'HT', nameVi: 'Hộ tịch', nameEn: 'Civil status registration' },
  { id: 6, code: 'DD', nameVi: 'Đặt lịch hẹn', nameEn: 'Booking an appointment' },
];
const ids = (q: string) => searchServices(SERVICES, q).map((s) => s.id);

describe('foldVietnamese', () => {
  it('drops tone and vowel marks, đ → d, lower case, punctuation as spaces', () => {
    expect(foldVietnamese('Đất đai')).toBe('dat dai');
    expect(foldVietnamese('  Lao động – Thương binh và Xã hội ')).toBe('lao dong thuong binh va xa hoi');
    expect(foldVietnamese('ĐĂNG KÝ')).toBe('dang ky');
    // Decomposed input (some keyboards send it) folds the same as composed.
    expect(foldVietnamese('Đất'.normalize('NFD'))).toBe('dat');
  });
});

describe('searchServices', () => {
  it('"dat dai" without marks finds the land procedures, "Đất đai" with marks finds them too', () => {
    expect(ids('dat dai').slice(0, 2).sort()).toEqual([1, 2]);
    expect(ids('Đất đai').sort()).toEqual([1, 2]);
    expect(ids('DAT DAI').sort()).toEqual([1, 2]);
  });

  it('typed marks must match: "đặt" finds the appointment, not the land ("đất")', () => {
    expect(ids('đặt')).toEqual([6]);
    expect(ids('dat')).toEqual(expect.arrayContaining([1, 2, 6]));
  });

  it('finds by words in any order, each word a word start; by group name; by English name', () => {
    expect(ids('tu phap')).toEqual([3]);
    expect(ids('phap tu')).toEqual([3]);
    expect(ids('chieu')).toEqual([4]);
    expect(ids('hieu')).toEqual([]);
    expect(ids('passport')).toEqual([4]);
    expect(ids('cap lai')).toEqual([4]);
  });

  it('finds by service code, the exact code first', () => {
    expect(ids('QA01')).toEqual([4]);
    expect(ids('qa01')).toEqual([4]);
    expect(ids('ht')[0]).toBe(5);
    // Codes starting so come before names with a word starting so ("Booking").
    expect(ids('B')).toEqual([1, 2, 6]);
    expect(ids('ba')).toEqual([1]);
  });

  it('a name match ranks above a match in the group or description only', () => {
    // "dat" is in both land names and in the group; the phrase match in the name comes first.
    const r = ids('bien dong');
    expect(r[0]).toBe(1);
  });

  it('an empty or blank query finds nothing', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('–')).toEqual([]);
  });
});
