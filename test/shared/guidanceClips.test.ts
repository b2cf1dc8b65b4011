import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guidanceClips, ticketNumberClips } from '../../shared/guidanceClips';
import type { GuidanceStep } from '../../shared/guidanceClips';
import { isVoiceClip } from '../../shared/voiceClips';

const none = () => false;
const steps: GuidanceStep[] = [
  { kind: 'home' },
  { kind: 'checkin' },
  { kind: 'priority', service: { id: 3, prefix: 'C' } },
  { kind: 'ticket', number: 'C105', service: { id: 3, prefix: 'C' }, printed: true },
  { kind: 'ticket', number: 'A021', service: { id: 1, prefix: 'A' }, printed: false },
  { kind: 'idle' },
];

describe('spoken guidance', () => {
  it('says a number as the hall does, letter first, in either language', () => {
    expect(ticketNumberClips('C105', 'vi')).toEqual(['letter_C', 'mot', 'tram', 'linh', 'nam']);
    expect(ticketNumberClips('A021', 'vi')).toEqual(['letter_A', 'hai', 'muoi2', 'mot2']);
    expect(ticketNumberClips('C105', 'en')).toEqual(['letter_C', 'digit_1', 'digit_0', 'digit_5']);
    expect(ticketNumberClips('not a number', 'vi')).toEqual([]);
  });

  it('names a service by its recorded name where the office recorded one, else by its letter', () => {
    expect(guidanceClips(steps[2]!, 'vi', none)).toEqual(['hd_da_chon', 'hd_dich_vu', 'letter_C', 'hd_uu_tien']);
    expect(guidanceClips(steps[2]!, 'vi', (c) => c === 'dv_3')).toEqual(['hd_da_chon', 'dv_3', 'hd_uu_tien']);
    expect(guidanceClips(steps[3]!, 'vi', none)).toEqual(['hd_so_cua_ban', 'letter_C', 'mot', 'tram', 'linh', 'nam', 'hd_nhan_phieu']);
    expect(guidanceClips(steps[3]!, 'vi', (c) => c === 'dv_3')).toEqual(['hd_so_cua_ban', 'letter_C', 'mot', 'tram', 'linh', 'nam', 'hd_dich_vu', 'dv_3', 'hd_nhan_phieu']);
    // No paper: the screen is the ticket, and the citizen is told to remember the number.
    expect(guidanceClips(steps[4]!, 'en', none).at(-1)).toBe('hd_xem_man_hinh');
  });

  it('says only clips the office can record and the host ships (a service name only once recorded)', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const step of steps) {
        for (const clip of guidanceClips(step, lang, none)) {
          expect(isVoiceClip(lang, clip), clip).toBe(true);
          expect(fs.existsSync(`resources/audio/${lang}/${clip}.ogg`), `${lang}/${clip}`).toBe(true);
        }
      }
    }
  });
});
