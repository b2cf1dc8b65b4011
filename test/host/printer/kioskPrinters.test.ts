import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { cp1258Lines } from '../../helpers/cp1258Lines';
import { parseEscPos } from '../../helpers/escposParser';
import { FakePrinter, until } from '../../helpers/fakePrinter';
import type { HttpClient } from '../../helpers/httpClient';
import { deviceClient, signedInAdmin } from '../../helpers/devices';
import { PtyPair } from '../../helpers/ptyPair';
import { tempDir, tempHost } from '../../helpers/tempHost';

// Two kiosks in a centre: one with its own printer on the kiosk PC (reached through the print
// agent, run here as the real command a kiosk PC runs), one without (it prints at the host's).
// Every wait is for something the test causes; the test's timeout is the backstop.

const SETTINGS = { profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258', statusPollMs: 500 } as const;
const printedText = (p: FakePrinter) => cp1258Lines(parseEscPos(Buffer.concat(p.received)).lines);

describe('each kiosk with its own printer', () => {
  let host: Host;
  let admin: HttpClient;
  let hostPty: PtyPair;
  let kioskPty: PtyPair;
  let hostPrinter: FakePrinter;
  let kioskPrinter: FakePrinter;
  let agent: ChildProcess | null = null;
  const dir = tempDir();
  const tokenFile = path.join(dir, 'agent.json');
  const base = () => `http://127.0.0.1:${host.port}`;
  const idOf = (c: HttpClient) => host.devices.identify(c.device, null)?.id as number;

  const runAgent = (args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/printAgent.ts'), '--host', base(), '--printer', `serial:${kioskPty.device}@9600`, '--token-file', tokenFile, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (d) => (out += String(d)));
    agent = child;
    return { child, out: () => out };
  };
  const stopAgent = async () => {
    const a = agent;
    agent = null;
    if (!a || a.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      a.once('exit', () => resolve());
      a.kill('SIGKILL');
    });
  };

  beforeAll(async () => {
    host = await tempHost();
    admin = await signedInAdmin(host);
    hostPty = PtyPair.inDir(dir, 'host-printer');
    kioskPty = PtyPair.inDir(dir, 'kiosk-printer');
    await hostPty.start();
    await kioskPty.start();
    hostPrinter = await FakePrinter.open(hostPty);
    kioskPrinter = await FakePrinter.open(kioskPty);
    expect((await admin.post('/api/admin/printer', { ...SETTINGS, transport: { kind: 'serial', path: hostPty.device, baudRate: 9600 } })).status).toBe(200);
  });
  afterAll(async () => {
    await stopAgent();
    await host.close();
    await hostPrinter.close();
    await kioskPrinter.close();
    await hostPty.stop();
    await kioskPty.stop();
  });

  it('prints a ticket on the printer of the kiosk that issued it, keeps its failed jobs apart, reprints when its agent is back', async () => {
    const hall = deviceClient(host, 'kiosk');
    const lobby = deviceClient(host, 'kiosk');
    await until(async () => (await lobby.get('/api/printer')).body.ready === true);

    // The kiosk PC's agent pairs with a code from the admin screen, as the README says.
    const code = await admin.post('/api/admin/devices/pairing', { role: 'kiosk', counterId: null, name: 'Máy in kiosk sảnh' });
    expect(code.status).toBe(200);
    const first = runAgent(['--pair', code.body.code, '--name', 'Máy in kiosk sảnh']);
    await until(() => first.out().includes('paired'));
    const agentId = (host.devices.list().find((d) => d.name === 'Máy in kiosk sảnh') as { id: number }).id;

    // A printer through a device that is not a kiosk is refused at save time; so is a kiosk that is not one.
    const display = deviceClient(host, 'display');
    const wrongAgent = await admin.post(`/api/admin/kiosk-printers/${idOf(hall)}`, { ...SETTINGS, transport: { kind: 'agent', deviceId: idOf(display) } });
    expect({ status: wrongAgent.status, code: wrongAgent.body.error.code }).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect((await admin.post(`/api/admin/kiosk-printers/${idOf(display)}`, { ...SETTINGS, transport: { kind: 'agent', deviceId: agentId } })).status).toBe(404);
    // A model that has no Windows-1258 code page is refused with cp1258 (every ticket would fail), and told why.
    const noCodePage = await admin.post(`/api/admin/kiosk-printers/${idOf(hall)}`, { profile: 'xprinter-xp-n160ii', encoding: 'cp1258' });
    expect(noCodePage.status).toBe(400);
    expect(noCodePage.body.error.message).toMatch(/bảng mã cp1258.*raster/);
    // A kiosk cannot set printers at all.
    expect((await hall.post(`/api/admin/kiosk-printers/${idOf(hall)}`, { transport: { kind: 'none' } })).status).toBe(403);

    const saved = await admin.post(`/api/admin/kiosk-printers/${idOf(hall)}`, { ...SETTINGS, transport: { kind: 'agent', deviceId: agentId } });
    expect(saved.status).toBe(200);
    expect(saved.body.config.transport).toEqual({ kind: 'agent', deviceId: agentId });
    // Ready only once the agent has the printer open and the printer answers its status through it.
    await until(async () => (await hall.get('/api/printer')).body.ready === true);
    const listed = (await admin.get('/api/admin/kiosk-printers')).body as { deviceId: number; agent: { connected: boolean; printerUp: boolean } | null }[];
    expect(listed.find((k) => k.deviceId === idOf(hall))?.agent).toMatchObject({ connected: true, printerUp: true });
    expect(listed.find((k) => k.deviceId === idOf(lobby))?.agent).toBeNull();

    const atHall = await hall.post('/api/tickets', { serviceId: 1 });
    const atLobby = await lobby.post('/api/tickets', { serviceId: 2 });
    await until(() => kioskPrinter.tickets().includes(atHall.body.id));
    await until(() => hostPrinter.tickets().includes(atLobby.body.id));
    expect(printedText(kioskPrinter).join('\n')).toContain(atHall.body.number);
    expect(hostPrinter.tickets()).not.toContain(atHall.body.id);
    expect(kioskPrinter.tickets()).not.toContain(atLobby.body.id);
    await until(async () => (await hall.get(`/api/tickets/${atHall.body.id}/print`)).body.state === 'done');

    // The agent's PC goes off: the hall kiosk says its printer is down and keeps its failed ticket;
    // the lobby kiosk (host printer) is not affected.
    await stopAgent();
    await until(async () => (await hall.get('/api/printer')).body.ready === false);
    const lost = await hall.post('/api/tickets', { serviceId: 1 });
    expect(lost.status).toBe(201);
    await until(async () => (await hall.get(`/api/tickets/${lost.body.id}/print`)).body.state === 'failed');
    expect((await hall.get('/api/printer')).body.failed).toBe(1);
    const lobbyStatus = (await lobby.get('/api/printer')).body;
    expect({ ready: lobbyStatus.ready, failed: lobbyStatus.failed }).toEqual({ ready: true, failed: 0 });
    const jobs = host.db.prepare('SELECT printer, ticket_id AS ticketId, state FROM print_jobs WHERE ticket_id IN (?, ?, ?) ORDER BY id').all(atHall.body.id, atLobby.body.id, lost.body.id);
    expect(jobs).toEqual([
      { printer: `device:${idOf(hall)}`, ticketId: atHall.body.id, state: 'done' },
      { printer: 'host', ticketId: atLobby.body.id, state: 'done' },
      { printer: `device:${idOf(hall)}`, ticketId: lost.body.id, state: 'failed' },
    ]);

    // The PC comes back; the agent starts from its saved credential and the lost ticket prints by itself, once.
    runAgent([]);
    await until(() => kioskPrinter.tickets().includes(lost.body.id));
    await until(async () => (await hall.get(`/api/tickets/${lost.body.id}/print`)).body.state === 'done');
    await new Promise((r) => setTimeout(r, 1200));
    expect(kioskPrinter.tickets().filter((t) => t === lost.body.id)).toHaveLength(1);
    expect(hostPrinter.tickets()).not.toContain(lost.body.id);

    // Revoking the agent's device cuts it off at once: the hall kiosk's printer is down again.
    expect((await admin.post(`/api/admin/devices/${agentId}/revoke`, {})).status).toBe(200);
    await until(async () => (await hall.get('/api/printer')).body.ready === false);
    await until(() => agent?.exitCode !== null);
  });
});
