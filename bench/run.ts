// `npm run bench`: prints every performance figure quoted in the README.
import fs from 'node:fs';
import { runBundleSize } from './bundleSize';
import { runEventLatency } from './eventLatency';
import { runPrinterBytes } from './printerBytes';
import { runQueueThroughput } from './queueThroughput';
import { machine } from './stats';

const print = (title: string, rows: Record<string, string>) => {
  console.log(`\n## ${title}`);
  for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(48)} ${v}`);
};

console.log(`motcua bench — ${new Date().toISOString()} — ${machine()}`);
print('Queue operations on a durable SQLite file', runQueueThroughput(Number(process.env.BENCH_LIFECYCLES ?? 2000)));
print('Call → WebSocket event', await runEventLatency());
print('Sample Vietnamese ticket on the wire', runPrinterBytes());
if (fs.existsSync('dist/renderer/.vite/manifest.json')) print('JavaScript per screen (gzip)', runBundleSize());
else console.log('\n(build the screens with `npm run build:renderer` to measure their size)');
