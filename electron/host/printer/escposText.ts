import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrinterConfig } from '../../../shared/printerConfig';
import { stripDiacritics, toCp1258Form } from './vietnameseText';

const MARKS = /(\P{M}+)|(\p{M}+)/gu;

/**
 * One already wrapped and padded line of text, in the configured Vietnamese form, ended by a newline.
 *
 * The encoder measures text in UTF-16 units, so in the CP1258 form (base letter + combining tone
 * byte, e.g. "ộ" = "ô" + U+0323) every tone mark would count as a column and the encoder would
 * wrap our line a second time, early. The marks go out as raw bytes instead, which take no
 * column in the encoder as on paper, and the letters as text in the encoder's code page.
 */
export function writeLine(enc: ReceiptPrinterEncoder, text: string, encoding: PrinterConfig['encoding']): void {
  if (encoding === 'ascii') enc.text(stripDiacritics(text));
  else if (encoding !== 'cp1258') enc.text(text.normalize('NFC'));
  else {
    for (const [, letters, marks] of toCp1258Form(text).matchAll(MARKS)) {
      if (letters) enc.text(letters);
      else if (marks) enc.raw(CodepageEncoder.encode(marks, 'windows1258'));
    }
  }
  enc.newline();
}
