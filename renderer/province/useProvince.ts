import { errorCatalog, isErrorCode } from '../../shared/errors';
import { dataLang, useLang } from '../i18n';
import { provinceText } from '../i18nProvince';
import type { ProvinceDict } from '../i18nProvince';
import { HubError } from './hubApi';

/** The province dictionary in the chosen language, and an error in that language. */
export function useProvince(): { p: ProvinceDict; lang: 'vi' | 'en'; setLang: (l: 'vi' | 'en') => void; errorText: (e: unknown) => string } {
  const { lang, setLang } = useLang();
  const p = provinceText(lang);
  const errorText = (e: unknown) => {
    if (e instanceof HubError) {
      if (e.code === 'NETWORK') return p.networkError;
      // The hub's Vietnamese message is often more precise (which field, which rule); English uses the catalogue.
      if (lang === 'en' && isErrorCode(e.code)) return errorCatalog[e.code].en;
      return e.message;
    }
    return String(e);
  };
  return { p, lang: dataLang(lang), setLang, errorText };
}

/** The province's clock (the hub's default time zone): every office of a province shares it. */
const PROVINCE_TZ = 'Asia/Ho_Chi_Minh';

/** Hub time to a local clock: hh:mm (and the date when it is not today). */
export function clock(at: number, withDay = false): string {
  const d = new Date(at);
  const hm = d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: PROVINCE_TZ });
  if (!withDay) return hm;
  const part = (type: string) => new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', timeZone: PROVINCE_TZ }).formatToParts(d).find((x) => x.type === type)?.value ?? '';
  return `${part('day')}/${part('month')} ${hm}`;
}
