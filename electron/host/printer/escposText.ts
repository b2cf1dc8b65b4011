import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type { Codepage } from '@point-of-sale/codepage-encoder';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PRINTER_PROFILES, PrinterConfig, PrinterProfileId } from '../../../shared/printerConfig';

type EncoderModel = (typeof PRINTER_PROFILES)[PrinterProfileId]['encoderModel'];
import { stripDiacritics, toCp1258Form } from './vietnameseText';

const ENCODER_CODEPAGE = { cp1258: 'windows1258', tcvn3: 'auto', ascii: 'cp437', raster: 'cp437' } as const;
const numbers = new Map<string, number>();

/**
 * The `ESC t n` number a printer model gives a code page, read from the encoder's own per-model
 * tables (it keeps them private) by encoding one letter.
 */
export function codepageNumber(encoderModel: EncoderModel, codepage: Codepage): number {
  const key = `${encoderModel}/${codepage}`;
  const known = numbers.get(key);
  if (known !== undefined) return known;
  const bytes = new ReceiptPrinterEncoder({ language: 'esc-pos', printerModel: encoderModel }).codepage(codepage).text('a').encode();
  const at = bytes.findIndex((b, i) => b === 0x1b && bytes[i + 1] === 0x74);
  if (at < 0) throw new Error(`no code page command for ${codepage} on ${encoderModel}`);
  const n = bytes[at + 2] as number;
  numbers.set(key, n);
  return n;
}

/**
 * Chooses the code page for the text that follows. In CP1258 the selection is sent here, once: the
 * text goes out as raw bytes (see writeLine), and the encoder sends `ESC t` again before its own
 * text after every raw item, since it cannot know what raw bytes did to the printer — 35 times on
 * a ticket before (#28). TCVN-3 switches between its two pages inside the encoder, which sends a
 * selection only when the page changes.
 */
export function beginText(enc: ReceiptPrinterEncoder, encoderModel: EncoderModel, encoding: PrinterConfig['encoding']): void {
  // Also the check that the model has the page at all: the encoder throws for one it lacks.
  enc.codepage(ENCODER_CODEPAGE[encoding]);
  if (encoding === 'cp1258') enc.raw([0x1b, 0x74, codepageNumber(encoderModel, 'windows1258')]);
}

/**
 * One already wrapped and padded line of text, in the configured Vietnamese form, ended by a newline.
 *
 * In CP1258 a toned letter is base letter + combining tone byte (e.g. "ộ" = "ô" + U+0323), but the
 * encoder measures text in UTF-16 units: it would count every tone mark as a column and wrap our
 * line a second time, early. So the whole line goes out as raw bytes, which the encoder neither
 * measures nor wraps (our lines are wrapped and padded already), in the code page beginText chose.
 */
export function writeLine(enc: ReceiptPrinterEncoder, text: string, encoding: PrinterConfig['encoding']): void {
  if (encoding === 'ascii') enc.text(stripDiacritics(text));
  else if (encoding !== 'cp1258') enc.text(text.normalize('NFC'));
  else enc.raw(CodepageEncoder.encode(toCp1258Form(text), 'windows1258'));
  enc.newline();
}
