import { describe, expect, it } from 'vitest';
import { screenZone } from '../../shared/screenZone';

describe('which zone a kiosk or display serves', () => {
  it('the enrolled zone wins over ?zone=; ?zone= chooses for a device of the whole office; nonsense in the URL is the whole office', () => {
    expect(screenZone(2, 1)).toBe(2);
    expect(screenZone(2, null)).toBe(2);
    expect(screenZone(2, undefined)).toBe(2);
    expect(screenZone(null, 1)).toBe(1);
    expect(screenZone(undefined, 3)).toBe(3);
    expect(screenZone(null, null)).toBeNull();
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(screenZone(null, bad)).toBeNull();
  });
});
