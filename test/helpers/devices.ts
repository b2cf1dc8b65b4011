import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { DeviceRole } from '../../shared/api/access';
import { DeviceRegistry } from '../../electron/host/auth/deviceRegistry';
import { openDatabase } from '../../electron/host/db/openDatabase';
import type { Host } from '../../electron/host/host';
import { HttpClient } from './httpClient';

/**
 * The sample officers' PINs in tests, seeded like a scripted install would (the setup page is
 * exercised by its own tests). Six digits, as the office policy requires by default.
 */
export const TEST_PINS = ['481516', '234223', '358132', '427183'] as const;
export const TEST_ADMIN_PASSWORD = 'admin-test';
export const pinOf = (officerId: number) => TEST_PINS[officerId - 1] as string;

/** Enroll a device in-process, as the admin screen's pairing or `npm run device -- pair` would. */
export function enrollDevice(host: Host, role: DeviceRole, counterId: number | null = null, name = `test ${role}`): string {
  return host.devices.enroll(role, counterId, name, 'test').token;
}

/** An HTTP client holding a device credential, like a paired browser. */
export function deviceClient(host: Host, role: DeviceRole, counterId: number | null = null): HttpClient {
  return new HttpClient(`http://127.0.0.1:${host.port}`, enrollDevice(host, role, counterId));
}

/** A paired counter PC with its officer signed in. */
export async function signedInCounter(host: Host, counterId: number, officerId = counterId): Promise<HttpClient> {
  const c = deviceClient(host, 'counter', counterId);
  const r = await c.post('/api/auth/login', { counterId, officerId, pin: pinOf(officerId) });
  if (r.status !== 200) throw new Error(`sign-in at counter ${counterId} failed: ${JSON.stringify(r.body)}`);
  return c;
}

/** A paired admin browser, signed in. */
export async function signedInAdmin(host: Host): Promise<HttpClient> {
  const c = deviceClient(host, 'admin');
  const r = await c.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD });
  if (r.status !== 200) throw new Error(`admin sign-in failed: ${JSON.stringify(r.body)}`);
  return c;
}

/** Enroll through the command line against a data folder (the host may be running in another process). */
export function enrollCli(dataDir: string, role: DeviceRole, counterNumber?: number): string {
  const args = ['--import', 'tsx', path.resolve('scripts/device.ts'), 'pair', '--data', dataDir, '--role', role];
  if (counterNumber !== undefined) args.push('--counter', String(counterNumber));
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop() as string) as { token: string }).token;
}

/**
 * Enroll many devices into a data folder at once, the way `npm run device -- pair` does (the same
 * registry on the same database file, host running or not) but without a process per device:
 * for harnesses and benches that pair dozens. Counters are named by number, as on the CLI.
 */
export function enrollInDataDir(dataDir: string, wanted: readonly { role: DeviceRole; counter?: number }[]): string[] {
  const db = openDatabase({ file: path.join(dataDir, 'motcua.sqlite'), backupDir: path.join(dataDir, 'backups'), skipIntegrityCheck: true });
  try {
    const registry = new DeviceRegistry(db, Date.now);
    const counterId = db.prepare('SELECT id FROM counters WHERE number = ?');
    return wanted.map(({ role, counter }) => {
      const id = counter === undefined ? null : (counterId.get(counter) as { id: number } | undefined)?.id;
      if (id === undefined) throw new Error(`no counter number ${counter}`);
      return registry.enroll(role, id, `${role} (dòng lệnh)`, 'cli').token;
    });
  } finally {
    db.close();
  }
}

/** The host's own shell window as a sign-in caller (in-process tests of the auth rules). */
export const SHELL_CALLER = { shell: true as const, key: 'test-window' };

/**
 * Cookies a paired counter browser holds after its officer signed in: the device credential and
 * the session bound to that device. For e2e pages that start at the counter desk.
 */
export async function counterBrowserCookies(host: Host, counterId: number, officerId: number, pin = pinOf(officerId)): Promise<{ name: string; value: string; url: string }[]> {
  const deviceToken = enrollDevice(host, 'counter', counterId);
  const device = host.devices.identify(deviceToken, 'test');
  if (!device) throw new Error('enrolled device not found');
  const { token } = await host.auth.loginStaff(counterId, officerId, pin, { device });
  const url = `http://127.0.0.1:${host.port}`;
  return [
    { name: 'motcua_device', value: deviceToken, url },
    { name: 'motcua_session', value: token, url },
  ];
}
