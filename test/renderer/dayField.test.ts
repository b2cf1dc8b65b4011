import { describe, expect, it } from 'vitest';
import { dmyToIso, isoToDmy } from '../../renderer/reports/DayField';

describe('report days typed as dd/mm/yyyy', () => {
  it('reads what an office types and refuses days that do not exist', () => {
    expect(dmyToIso('23/11/2026')).toBe('2026-11-23');
    expect(dmyToIso('1/2/2026')).toBe('2026-02-01');
    expect(dmyToIso('01.02.2026')).toBe('2026-02-01');
    expect(dmyToIso('29/02/2026')).toBeNull();
    expect(dmyToIso('2026-11-23')).toBeNull();
    expect(dmyToIso('11/23/2026')).toBeNull();
    expect(isoToDmy('2026-02-01')).toBe('01/02/2026');
  });
});
