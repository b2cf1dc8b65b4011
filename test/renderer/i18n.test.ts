import { describe, expect, it } from 'vitest';
import { OfficeConfig } from '../../shared/domain';
import { errorCatalog } from '../../shared/errors';
import { en, vi } from '../../renderer/i18n';

// One form of address for citizens on every screen, as offices write it: "công dân".
const OTHER_FORMS = /quý công dân|quý vị|quý khách|ông\/bà|anh\/chị/i;

function texts(dict: Record<string, unknown>): string[] {
  return Object.values(dict).flatMap((v) => {
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) return v.map(String);
    if (typeof v === 'function') return [String((v as (...a: unknown[]) => unknown)('X', 'Y'))];
    return [];
  });
}

describe('Vietnamese wording', () => {
  it('calls the citizen "công dân" everywhere: screens, error messages, the printed ticket footer', () => {
    const all = [...texts(vi), ...Object.values(errorCatalog).map((e) => e.vi), OfficeConfig.shape.ticketFooter.parse(undefined)];
    expect(all.filter((s) => OTHER_FORMS.test(s))).toEqual([]);
    expect(all.filter((s) => /công dân/i.test(s)).length).toBeGreaterThan(8);
  });

  it('English has every key Vietnamese has, none left empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(texts(en).filter((s) => !s.trim())).toEqual([]);
  });
});
