import { describe, expect, it } from 'vitest';
import { announcementClips, announcementText, resumeText } from '../../shared/announcementText';
import { numberToVietnamese } from '../../shared/vietnameseNumbers';

describe('numberToVietnamese', () => {
  it.each<[number, string]>([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [19, 'mười chín'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [30, 'ba mươi'],
    [44, 'bốn mươi tư'],
    [55, 'năm mươi lăm'],
    [71, 'bảy mươi mốt'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [200, 'hai trăm'],
    [305, 'ba trăm linh năm'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm linh một'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1015, 'một nghìn không trăm mười lăm'],
    [1100, 'một nghìn một trăm'],
    [1234, 'một nghìn hai trăm ba mươi tư'],
    [2021, 'hai nghìn không trăm hai mươi mốt'],
    [2024, 'hai nghìn không trăm hai mươi tư'],
    [10000, 'mười nghìn'],
    [15000, 'mười lăm nghìn'],
    [21000, 'hai mươi mốt nghìn'],
    [100000, 'một trăm nghìn'],
    [100005, 'một trăm nghìn không trăm linh năm'],
    [105005, 'một trăm linh năm nghìn không trăm linh năm'],
    [250000, 'hai trăm năm mươi nghìn'],
    [999999, 'chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
  ])('%i → %s', (n, words) => {
    expect(numberToVietnamese(n)).toBe(words);
  });

  it('refuses numbers it cannot read', () => {
    expect(() => numberToVietnamese(-1)).toThrow();
    expect(() => numberToVietnamese(1_000_000)).toThrow();
    expect(() => numberToVietnamese(1.5)).toThrow();
  });
});

describe('announcement text and clips', () => {
  it('reads the default Vietnamese template', () => {
    expect(announcementText('A012', 3, { lang: 'vi', readPrefix: false })).toBe('Mời công dân có số thứ tự mười hai đến quầy số ba');
    expect(announcementText('B105', 12, { lang: 'vi', readPrefix: true })).toBe('Mời công dân có số thứ tự bê một trăm linh năm đến quầy số mười hai');
    expect(announcementText('A012', 3, { lang: 'en', readPrefix: true })).toBe('Ticket number A 12, please come to counter 3');
    expect(resumeText(4, 'vi')).toBe('Quầy số bốn tiếp tục phục vụ');
  });

  it('turns a call into an ordered clip list', () => {
    expect(announcementClips('A021', 1, { lang: 'vi', readPrefix: true })).toEqual(['chime', 'moi_cong_dan', 'letter_A', 'hai', 'muoi2', 'mot2', 'den_quay_so', 'mot']);
  });
});
