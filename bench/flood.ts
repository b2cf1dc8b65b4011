// `npm run bench:flood`: /api/health latency while the waiting room attacks the host — 100
// anonymous 1 MiB bodies to admin routes and 200 wrong admin passwords at once — against a
// real `serve` child process. Goal (issue #21): health p99 ≤ 50 ms. Since issue #13 the phones
// are refused for being no enrolled device (403) before a byte of body is read or a hash is run.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startServe } from '../test/helpers/serveProcess';
import { tempDir } from '../test/helpers/tempHost';
import { machine, ms, summary } from './stats';

const BIG = Buffer.alloc(1024 * 1024, 0x20);
BIG.write('{"marquee":"', 0);
BIG.write('"}', BIG.length - 2);

function post(base: string, p: string, body: Buffer | string, localAddress?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(`${base}${p}`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

async function healthSamples(base: string, until: () => boolean): Promise<number[]> {
  const out: number[] = [];
  const agent = new http.Agent({ keepAlive: true });
  while (!until()) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      http.get(`${base}/api/health`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      }).on('error', () => resolve());
    });
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
  }
  agent.destroy();
  return out;
}

export async function runFlood(): Promise<Record<string, string>> {
  const srv = await startServe(tempDir('motcua-bench-flood-'), { MOTCUA_ADMIN_PASSWORD: 'the-real-password-1' });
  try {
    let quietDone = false;
    setTimeout(() => (quietDone = true), 1500);
    const quiet = summary(await healthSamples(srv.base, () => quietDone));
    let floodDone = false;
    const statuses = new Map<number, number>();
    const t0 = performance.now();
    // The attackers are another process (phones are other machines): their own sending must not
    // be what slows this process's health probe.
    const attacker = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--attack', srv.base], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    attacker.stdout.on('data', (d) => (out += String(d)));
    const attack = new Promise<void>((resolve) => attacker.on('exit', () => resolve())).then(() => {
      floodDone = true;
      for (const [s, n] of Object.entries(JSON.parse(out || '{}') as Record<string, number>)) statuses.set(Number(s), n);
    });
    const during = summary(await healthSamples(srv.base, () => floodDone));
    await attack;
    const floodMs = performance.now() - t0;
    return {
      machine: machine(),
      'health p50 / p99, quiet': `${ms(quiet.p50)} / ${ms(quiet.p99)} (n=${quiet.n})`,
      'health p50 / p99, under the flood': `${ms(during.p50)} / ${ms(during.p99)} (n=${during.n}, max ${ms(during.max)})`,
      'flood answered in': ms(floodMs),
      'answers to the flood': [...statuses.entries()].sort().map(([s, n]) => `${n}× ${s}`).join(', '),
    };
  } finally {
    srv.child.kill('SIGTERM');
  }
}

async function attack(base: string): Promise<void> {
  const statuses: Record<number, number> = {};
  const count = (s: number) => (statuses[s] = (statuses[s] ?? 0) + 1);
  await Promise.all([
    // A roomful of phones, ten requests each: one address alone is capped (issue #27) before it gets this far.
    ...Array.from({ length: 100 }, (_, i) => post(base, '/api/admin/office', BIG, `127.0.2.${1 + (i % 30)}`).then(count)),
    ...Array.from({ length: 200 }, (_, i) => post(base, '/api/auth/admin', JSON.stringify({ password: `guess-${i}` }), `127.0.2.${1 + (i % 30)}`).then(count)),
  ]);
  process.stdout.write(JSON.stringify(statuses));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === '--attack') await attack(process.argv[3] as string);
  else for (const [k, v] of Object.entries(await runFlood())) console.log(`  ${k.padEnd(40)} ${v}`);
}
