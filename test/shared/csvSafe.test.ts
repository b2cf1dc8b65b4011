import { describe, expect, it } from 'vitest';
import { csvCell, defuseFormulaText, restoreFormulaText } from '../../shared/csvSafe';
import { cellsAsSpreadsheetSees } from '../helpers/spreadsheetCells';

// What a spreadsheet runs as a formula: a cell starting with a trigger character.
const live = (cell: string) => /^\s*[=+\-@]/.test(cell);

describe('CSV formula guard', () => {
  const attacks = ['=HYPERLINK("http://x","bấm")', 'x;=HYPERLINK("http://x")', 'a,+SUM(1)', 'Tốt; @cmd', 'ok|-2+3', '\t=1', 'b;  =1+1'];

  it('no cell starts a formula whatever the list separator, and the text survives', () => {
    for (const a of attacks) {
      const line = [csvCell('A001'), csvCell(a), csvCell(3)].join(',');
      for (const sep of [',', ';', '\t', '|']) {
        for (const cell of cellsAsSpreadsheetSees(line, sep)) expect(live(cell), `${a} split at ${JSON.stringify(sep)}: ${cell}`).toBe(false);
      }
      expect(cellsAsSpreadsheetSees(line, ',')[1]?.replace(/'/g, '')).toBe(a.replace(/'/g, ''));
    }
  });

  it('quotes every text cell and leaves numbers numeric', () => {
    expect(csvCell('Hộ tịch')).toBe('"Hộ tịch"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
  });
});

describe('reading back what we wrote', () => {
  it('restoreFormulaText undoes defuseFormulaText exactly, whatever the text (apostrophes, separators, blanks)', () => {
    const alphabet = ["'", '=', '+', '-', '@', ',', ';', '|', '\t', '\r', '\n', ' ', 'a', 'ộ'];
    let seed = 27;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      const s = Array.from({ length: next() % 9 }, () => alphabet[next() % alphabet.length]).join('');
      expect(restoreFormulaText(defuseFormulaText(s)), JSON.stringify(s)).toBe(s);
    }
    expect(defuseFormulaText("'=1")).toBe("''=1");
    expect(restoreFormulaText("''=1")).toBe("'=1");
  });
});
