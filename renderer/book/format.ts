import type { Lang } from './useBookLang';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** 08:30 on the office's clock. */
export const timeOf = (ms: number, timeZone: string, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

/** "Thứ Tư, 09/12/2026" for a business day (YYYY-MM-DD). */
export const dayOf = (day: string, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(Date.parse(`${day}T00:00:00Z`));

/** The day of an instant on the office's clock, as dayOf shows it. */
export const dayAt = (ms: number, timeZone: string, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { timeZone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);

/** "LH-ACDE-HKMN": two groups a person reads out (shared/bookingProtocol's formatBookingCode, without its zod). */
export const codeText = (code: string) => `${code.slice(0, 7)}-${code.slice(7)}`;

export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
