// The print agent on a kiosk PC whose ticket printer is plugged into that PC (issue #15):
//   npm run print-agent -- --host http://192.168.1.10:8080 --pair 123456 --printer usb:/dev/usb/lp0
// pairs once (a 6-digit code from Admin → Thiết bị → Ghép thiết bị, role Kiosk) and keeps the
// credential in --token-file; afterwards `--host … --printer …` is enough. Printers:
// usb:/dev/usb/lp0 · serial:/dev/ttyUSB0@9600 · COM3 · tcp:192.168.1.50:9100 · file:/dev/usb/lp0.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPrintAgent } from '../electron/agent/printAgent';
import { parsePrinterSpec } from '../electron/agent/printerSpec';

function fail(msg: string): never {
  process.stderr.write(`motcua print-agent: ${msg}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { host: { type: 'string' }, pair: { type: 'string' }, printer: { type: 'string' }, 'token-file': { type: 'string' }, name: { type: 'string' } },
  strict: true,
});
const base = (values.host ?? '').replace(/\/$/, '');
if (!/^https?:\/\/[^/]+$/.test(base)) fail('--host http://<host>:<port> is needed');
const printer = parsePrinterSpec(values.printer ?? '');
if (!printer) fail('--printer usb:/dev/usb/lp0 | serial:/dev/ttyUSB0@9600 | COM3 | tcp:192.168.1.50:9100 | file:/dev/usb/lp0');
const tokenFile = path.resolve(values['token-file'] ?? path.join(os.homedir(), '.motcua-print-agent.json'));

let token: string | undefined;
if (values.pair) {
  const res = await fetch(`${base}/api/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: values.pair, name: values.name ?? `Máy in kiosk (${os.hostname()})` }),
  }).catch((e: unknown) => fail(`cannot reach ${base}: ${String(e)}`));
  const body = (await res.json().catch(() => ({}))) as { token?: string; device?: { role?: string }; error?: { message?: string } };
  if (!res.ok || !body.token) fail(`pairing refused: ${body.error?.message ?? res.status}`);
  if (body.device?.role !== 'kiosk') fail('the pairing code must be for a Kiosk');
  token = body.token;
  fs.writeFileSync(tokenFile, JSON.stringify({ host: base, token }), { mode: 0o600 });
  process.stdout.write(`paired; credential kept in ${tokenFile}\n`);
} else {
  try {
    token = (JSON.parse(fs.readFileSync(tokenFile, 'utf8')) as { token: string }).token;
  } catch {
    fail(`no credential in ${tokenFile}: pair first with --pair <6-digit code>`);
  }
}

const agent = startPrintAgent({
  base,
  token: token as string,
  printer,
  log: (e) => process.stdout.write(JSON.stringify({ t: new Date().toISOString(), ...e }) + '\n'),
  onRefused: (why) => fail(why),
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void agent.close().then(() => process.exit(0)));
