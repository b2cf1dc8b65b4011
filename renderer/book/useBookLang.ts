import { useState } from 'react';
import { bookEn, bookVi } from '../i18nBook';
import type { BookDict } from '../i18nBook';

export type Lang = 'vi' | 'en';

/** Vietnamese first; English on request (the page's one toggle), remembered for the visit only. */
export function useBookLang(): { lang: Lang; t: BookDict; toggle: () => void; pick: (vi: string, en: string) => string } {
  const [lang, setLang] = useState<Lang>('vi');
  return {
    lang,
    t: lang === 'vi' ? bookVi : bookEn,
    toggle: () => {
      const next = lang === 'vi' ? 'en' : 'vi';
      document.documentElement.lang = next;
      setLang(next);
    },
    pick: (vi, en) => (lang === 'en' && en ? en : vi),
  };
}
