// Spoken guidance at the kiosk (#31): what the kiosk says at each step for someone who asked for
// speech, as sequences of clips the office can record in its own voice (Quản trị → Giọng đọc) and
// that ship generated. Built from the same number and letter clips as the hall's calls, so "số
// A mười hai" sounds the same from the kiosk and from the display. Pure.
import { LETTER_CLIP_IDS } from './announcementText';
import { numberWords } from './vietnameseNumbers';

export type GuidanceLang = 'vi' | 'en';

/** The guidance phrases, with what the reader says for each (and espeak-ng speaks for the shipped set). */
export const GUIDANCE_PHRASES: Record<GuidanceLang, readonly { id: string; say: string }[]> = {
  vi: [
    { id: 'hd_chon_dich_vu', say: 'Mời công dân chọn dịch vụ cần làm trên màn hình.' },
    { id: 'hd_da_chon', say: 'Công dân đã chọn' },
    { id: 'hd_uu_tien', say: 'Công dân có thuộc đối tượng ưu tiên không? Mời chọn một ô trên màn hình.' },
    { id: 'hd_so_cua_ban', say: 'Số thứ tự của công dân là' },
    { id: 'hd_nhan_phieu', say: 'Vui lòng nhận phiếu in bên dưới, và theo dõi số trên màn hình gọi số.' },
    { id: 'hd_xem_man_hinh', say: 'Xin ghi nhớ số này, và theo dõi số trên màn hình gọi số.' },
    { id: 'hd_quet_ma', say: 'Mời đưa mã QR trên thẻ căn cước, phiếu hẹn hoặc giấy tiếp nhận hồ sơ vào máy quét.' },
    { id: 'hd_sap_tro_ve', say: 'Màn hình sắp trở về trang đầu. Chạm vào màn hình nếu công dân cần thêm thời gian.' },
    { id: 'hd_dich_vu', say: 'dịch vụ' },
  ],
  en: [
    { id: 'hd_chon_dich_vu', say: 'Please choose the service you need on the screen.' },
    { id: 'hd_da_chon', say: 'You chose' },
    { id: 'hd_uu_tien', say: 'Do you belong to a priority group? Please choose one of the buttons on the screen.' },
    { id: 'hd_so_cua_ban', say: 'Your ticket number is' },
    { id: 'hd_nhan_phieu', say: 'Please take your ticket below, and watch for your number on the display.' },
    { id: 'hd_xem_man_hinh', say: 'Please remember this number, and watch for it on the display.' },
    { id: 'hd_quet_ma', say: 'Please hold the QR code of your ID card, appointment or dossier receipt to the scanner.' },
    { id: 'hd_sap_tro_ve', say: 'The screen will soon go back to the start. Touch the screen if you need more time.' },
    { id: 'hd_dich_vu', say: 'service' },
  ],
};

/** A service's name in the office's own voice: one recordable clip per service (no generated one). */
export const SERVICE_CLIP = /^dv_([1-9]\d{0,5})$/;
export const serviceClip = (serviceId: number) => `dv_${serviceId}`;

/** A service as guidance names it: its recorded name, else the word "dịch vụ" and its letter. */
export interface SpokenService {
  id: number;
  prefix: string;
}

const VI_NUMBER_CLIPS: Record<string, string> = {
  không: 'khong', một: 'mot', hai: 'hai', ba: 'ba', bốn: 'bon', năm: 'nam', sáu: 'sau', bảy: 'bay', tám: 'tam', chín: 'chin',
  mười: 'muoi', mươi: 'muoi2', mốt: 'mot2', lăm: 'lam', tư: 'tu', linh: 'linh', trăm: 'tram', nghìn: 'nghin',
};
const letters = (prefix: string) => prefix.split('').map((l) => `letter_${l}`).filter((c) => LETTER_CLIP_IDS.includes(c));

function numberClips(n: number, lang: GuidanceLang): string[] {
  if (lang === 'en') return String(n).split('').map((d) => `digit_${d}`);
  return numberWords(n).map((w) => VI_NUMBER_CLIPS[w] as string);
}

/** A ticket number as clips, letter first: "A012" → letter_A, muoi, hai. */
export function ticketNumberClips(ticket: string, lang: GuidanceLang): string[] {
  const m = /^([A-Z]*)(\d+)$/.exec(ticket.toUpperCase());
  if (!m) return [];
  return [...letters(m[1] ?? ''), ...numberClips(Number(m[2]), lang)];
}

/**
 * What the kiosk says on each step. `recorded(id)`: whether the office recorded that service's name;
 * without it the service is named by its letter, which the tile shows large.
 */
export type GuidanceStep =
  | { kind: 'home' }
  | { kind: 'checkin' }
  | { kind: 'priority'; service: SpokenService }
  | { kind: 'ticket'; number: string; service: SpokenService; printed: boolean }
  | { kind: 'idle' };

export function serviceNameClips(s: SpokenService, recorded: (clip: string) => boolean): string[] {
  return recorded(serviceClip(s.id)) ? [serviceClip(s.id)] : ['hd_dich_vu', ...letters(s.prefix)];
}

export function guidanceClips(step: GuidanceStep, lang: GuidanceLang, recorded: (clip: string) => boolean): string[] {
  switch (step.kind) {
    case 'home':
      return ['hd_chon_dich_vu'];
    case 'checkin':
      return ['hd_quet_ma'];
    case 'priority':
      return ['hd_da_chon', ...serviceNameClips(step.service, recorded), 'hd_uu_tien'];
    case 'ticket': {
      // The number's letter already names the service; a recorded name says it in words.
      const name = recorded(serviceClip(step.service.id)) ? ['hd_dich_vu', serviceClip(step.service.id)] : [];
      return ['hd_so_cua_ban', ...ticketNumberClips(step.number, lang), ...name, step.printed ? 'hd_nhan_phieu' : 'hd_xem_man_hinh'];
    }
    case 'idle':
      return ['hd_sap_tro_ve'];
  }
}
