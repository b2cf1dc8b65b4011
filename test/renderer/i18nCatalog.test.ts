import { describe, expect, it } from 'vitest';
import { messageArguments, parseMessage } from '../../shared/i18n/icuMessage';
import { flattenCatalog } from '../../shared/i18n/langPack';
import { addLanguagePack, dictFor, en, fmt, translate, vi } from '../../renderer/i18n';
import viJson from '../../shared/locales/vi.json';
import enJson from '../../shared/locales/en.json';

const catalogs = { vi: flattenCatalog(viJson), en: flattenCatalog(enJson) };

describe('the ICU catalogs', () => {
  it('every message of both languages is valid ICU and English reads the same arguments as Vietnamese', () => {
    const broken: string[] = [];
    for (const [lang, cat] of Object.entries(catalogs)) {
      for (const [key, text] of Object.entries(cat)) {
        try {
          parseMessage(text);
        } catch (e) {
          broken.push(`${lang}.${key}: ${(e as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
    const differ = Object.keys(catalogs.vi).filter((k) => messageArguments(catalogs.vi[k] ?? '').join() !== messageArguments(catalogs.en[k] ?? '').join());
    expect(differ).toEqual([]);
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.vi).sort());
  });

  it('fills arguments as the old fmt did, with English plurals', () => {
    expect(fmt(vi.searchFound, { n: 1 })).toBe('Tìm thấy 1 thủ tục');
    expect(fmt(vi.groupCount, { n: 12 })).toBe('12 thủ tục');
    expect(fmt(en.searchFound, { n: 1 })).toBe('1 procedure found');
    expect(fmt(en.searchFound, { n: 3 })).toBe('3 procedures found');
    expect(fmt(vi.goToZone, { zone: 'Tầng 2' })).toBe('Mời lên Tầng 2');
    expect(fmt(en.hoursErrTime, { day: 'Mon', time: '25:00' })).toBe('Mon: "25:00" is not a time (HH:MM, 24-hour, e.g. 13:30).');
    expect(translate('en', 'groupCount', { n: 1 })).toBe('1 procedure');
  });

  it('shows a placeholder that is help text as written, and an apostrophe as an apostrophe', () => {
    expect(vi.errNoNumber).toBe('Phiếu phải có một dòng chữ chứa {number} (số thứ tự).');
    expect(vi.annTemplateHelp).toContain('Xin mời số {số} đến quầy {quầy}');
    expect(en.takeOverText).toContain("{officer}'s session");
    expect(fmt(en.takeOverText, { officer: 'Lan', counter: 'Quầy 2' })).toContain("Lan's session");
    expect(en.todayHours).toBe("Today's hours");
  });

  it('a pack with some keys reads Vietnamese for the rest, never a raw key, and drops keys it does not know', () => {
    addLanguagePack({ code: 'xx-test', messages: { chooseService: 'XX choose', groupCount: '{n} XX', notAKey: 'dropped' } });
    const xx = dictFor('xx-test');
    expect(xx.chooseService).toBe('XX choose');
    expect(xx.back).toBe(vi.back);
    expect(fmt(xx.groupCount, { n: 4 })).toBe('4 XX');
    expect((xx as Record<string, unknown>).notAKey).toBeUndefined();
    expect(dictFor('unknown-code').appName).toBe(vi.appName);
  });
});
