// `npm run ticket:sample -- --encoding cp1258 --out FILE [--paper 58|80] [--profile epson-tm-t20iii]`
// Writes the ESC/POS bytes of a sample ticket for the seeded office's "Hộ tịch" service: for
// support, and to send to a printer by hand (e.g. `cat FILE > /dev/usb/lp0`).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { PrinterConfig } from '../shared/printerConfig';
import { encodeTicket, ticketNeedsShaping } from '../electron/host/printer/ticketLayout';
import { loadShaper } from '../electron/host/printer/textShaping';
import { sampleTicket } from '../electron/host/printer/sampleTicket';

const { values } = parseArgs({
  options: { encoding: { type: 'string', default: 'cp1258' }, out: { type: 'string' }, paper: { type: 'string', default: '80' }, profile: { type: 'string', default: 'epson-tm-t20iii' } },
});
if (!values.out) {
  console.error('usage: npm run ticket:sample -- --encoding cp1258|tcvn3|ascii --out FILE [--paper 58|80] [--profile ID]');
  process.exit(2);
}
const cfg = PrinterConfig.parse({ encoding: values.encoding, paper: Number(values.paper), profile: values.profile });
const ticket = sampleTicket();
// A sample edited to carry Khmer needs HarfBuzz, as the printer service loads it for a real ticket.
if (ticketNeedsShaping(ticket)) await loadShaper();
const bytes = encodeTicket(ticket, cfg);
fs.writeFileSync(values.out, bytes);
console.log(`${values.out}: ${bytes.length} bytes (${cfg.profile}, ${cfg.paper} mm, ${cfg.encoding})`);
