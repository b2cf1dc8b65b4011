import { describe, expect, it } from 'vitest';
import { applyTone, toneLastWord } from '../../shared/vietnameseTone';
import type { Tone } from '../../shared/vietnameseTone';

describe('Vietnamese tone placement', () => {
  it.each<[string, Tone, string]>([
    ['ban', 'sac', 'bán'],
    ['toan', 'sac', 'toán'],
    ['hoang', 'huyen', 'hoàng'],
    ['tuân', 'sac', 'tuấn'],
    ['nguơi', 'huyen', 'nguời'.normalize('NFC')],
    ['người', 'hoi', 'người'.normalize('NFD').replace('\u0300', '\u0309').normalize('NFC')],
    ['hoa', 'huyen', 'hòa'],
    ['thuy', 'hoi', 'thủy'],
    ['qua', 'sac', 'quá'],
    ['gia', 'sac', 'giá'],
    ['gi', 'huyen', 'gì'],
    ['tiên', 'sac', 'tiến'],
    ['ngoai', 'huyen', 'ngoài'],
    ['khuyu', 'hoi', 'khuỷu'],
    ['Viêt', 'nang', 'Việt'],
    ['Đăng', 'nang', 'Đặng'],
    ['mưa', 'sac', 'mứa'],
    ['hương', 'nga', 'hưỡng'],
    ['lòng', 'none', 'long'],
    ['lòng', 'sac', 'lóng'],
    ['nhanh', 'nang', 'nhạnh'],
    ['xyz', 'sac', 'xýz'],
    ['brr', 'sac', 'brr'],
  ])('%s + %s → %s', (word, tone, expected) => {
    expect(applyTone(word, tone)).toBe(expected);
  });

  it('applies to the last word of a sentence', () => {
    expect(toneLastWord('Cán bộ nhiêt', 'sac')).toBe('Cán bộ nhiết');
    expect(toneLastWord('Cán bộ nhiệt tinh', 'huyen')).toBe('Cán bộ nhiệt tình');
    expect(toneLastWord('ok ', 'sac')).toBe('ok ');
  });
});
