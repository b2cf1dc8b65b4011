import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { enrollDevice, enrollInDataDir } from '../../helpers/devices';
import { startServe, waitExit } from '../../helpers/serveProcess';
import { tempDir, tempHost } from '../../helpers/tempHost';

// Issue #27: one phone opened 20,000 WebSockets on /api/events, the host ran out of open files,
// and health and the kiosks' tickets failed until they closed. Phones are played by client
// sockets bound to other loopback addresses; the host's own screens come from 127.0.0.1.

let host: Host | undefined;
const hostPort = () => (host as Host).port;
const open: { close(): void }[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await host?.close();
  host = undefined;
});

/** An event stream from `from`; resolves whether the host took it (and its first message). */
function stream(from: string, headers: Record<string, string> = {}, query = ''): Promise<{ accepted: boolean; hello?: unknown }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${hostPort()}/api/events${query}`, { localAddress: from, headers, handshakeTimeout: 5000 });
    open.push({ close: () => ws.terminate() });
    ws.once('message', (d) => resolve({ accepted: true, hello: JSON.parse(String(d)) }));
    ws.once('unexpected-response', (_req, res) => (res.resume(), resolve({ accepted: false })));
    ws.once('error', () => resolve({ accepted: false }));
    ws.once('close', () => resolve({ accepted: false }));
  });
}

/** One request on a connection of its own (no pooled connection already known to the host), timed. */
function request(method: string, p: string, headers: Record<string, string> = {}, body?: unknown): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port: hostPort(), path: p, method, agent: false, headers: { ...headers, ...(text ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) } : {}) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ status: -1, ms: performance.now() - started }));
    req.end(text);
  });
}

/** A silent TCP connection (never a byte sent), the cheapest way to hold a socket: still held after 300 ms? */
function idle(from: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port: hostPort(), localAddress: from });
    open.push({ close: () => s.destroy() });
    s.once('connect', () => setTimeout(() => resolve(!s.destroyed && s.readyState === 'open'), 300));
    s.once('close', () => resolve(false));
    s.once('error', () => resolve(false));
  });
}

const accepted = (rs: { accepted: boolean }[]) => rs.filter((r) => r.accepted).length;

describe('a phone cannot hold every socket', () => {
  it('takes at most 100 of 400 event streams from one address; health and a kiosk’s ticket answer within a second meanwhile', async () => {
    host = await tempHost();
    const kiosk = enrollDevice(host, 'kiosk');
    const attempts = await Promise.all(Array.from({ length: 400 }, () => stream('127.0.0.9')));
    const took = accepted(attempts);
    expect(took).toBeGreaterThan(0);
    expect(took).toBeLessThanOrEqual(100);
    // The phone's streams are still open while the office works.
    const health = await request('GET', '/api/health');
    const ticket = await request('POST', '/api/tickets', { 'x-device-token': kiosk }, { serviceId: 1 });
    expect(health.status).toBe(200);
    expect(ticket.status).toBe(201);
    expect(health.ms).toBeLessThan(1000);
    expect(ticket.ms).toBeLessThan(1000);
    // Tracking pages count as anonymous too.
    const t = await request('POST', '/api/tickets', { 'x-device-token': kiosk }, { serviceId: 1 });
    expect(t.status).toBe(201);
    const id = (host.db.prepare('SELECT id FROM tickets ORDER BY issued_at DESC LIMIT 1').get() as { id: string }).id;
    expect(accepted(await Promise.all(Array.from({ length: 50 }, () => stream('127.0.0.9', {}, `?track=${id}`))))).toBe(0);
    console.log(`400 streams from one address: ${took} accepted, ${400 - took} refused; health ${health.ms.toFixed(0)} ms, kiosk ticket ${ticket.ms.toFixed(0)} ms`);
  }, 30_000);

  it('many addresses reach the overall caps; an enrolled display and kiosk still get in, and phones do again once the flood goes', async () => {
    host = await tempHost({ socketLimits: { anonymous: 100, probation: 8, eventStreams: 40 } });
    const display = enrollDevice(host, 'display');
    const kiosk = enrollDevice(host, 'kiosk');
    const phones = Array.from({ length: 20 }, (_, i) => `127.0.0.${20 + i}`);
    const attempts = await Promise.all(phones.flatMap((a) => Array.from({ length: 4 }, () => stream(a))));
    expect(accepted(attempts)).toBe(40);
    expect((await stream('127.0.0.60')).accepted).toBe(false);
    const screen = await stream('127.0.0.1', { 'x-device-token': display });
    expect(screen.accepted).toBe(true);
    expect(screen.hello).toMatchObject({ type: 'hello' });

    // Then silent connections from 30 more addresses take the rest of the anonymous budget.
    const silent = await Promise.all(Array.from({ length: 30 }, (_, i) => `127.0.1.${1 + i}`).flatMap((a) => Array.from({ length: 5 }, () => idle(a))));
    // What was left of the 100 after the 40 streams, and a few newcomers on probation.
    const held = silent.filter(Boolean).length;
    expect(held).toBeGreaterThanOrEqual(55);
    expect(held).toBeLessThanOrEqual(60 + 8);
    const busy = await request('GET', '/api/health');
    expect(busy.status === 503 || busy.status === -1).toBe(true);
    expect(busy.ms).toBeLessThan(1000);
    const ticket = await request('POST', '/api/tickets', { 'x-device-token': kiosk }, { serviceId: 1 });
    expect(ticket.status).toBe(201);
    expect(ticket.ms).toBeLessThan(1000);
    expect((await stream('127.0.0.1', { 'x-device-token': display })).accepted).toBe(true);
    console.log(`overall caps: 80 streams from 20 addresses, 40 accepted; 150 silent connections from 30 addresses, ${held} held; busy health ${busy.status} in ${busy.ms.toFixed(0)} ms; kiosk ticket ${ticket.ms.toFixed(0)} ms`);

    for (const s of open.splice(0)) s.close();
    let after = 0;
    for (let i = 0; i < 50 && after !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await request('GET', '/api/health')).status;
    }
    expect(after).toBe(200);
    expect((await stream('127.0.0.60')).accepted).toBe(true);
  }, 30_000);
});

describe('a flood never reaches the open-file limit', () => {
  it('a host under a 1024-file limit takes 2,000 connections from 100 addresses and still serves a kiosk, then everyone', async () => {
    const dir = tempDir();
    const srv = await startServe(dir, {}, 0, 1024);
    const port = srv.port;
    let out = '';
    srv.child.stdout?.on('data', (d) => (out += String(d)));
    srv.child.stderr?.on('data', (d) => (out += String(d)));
    const sockets: { close(): void }[] = [];
    try {
      const [kiosk] = enrollInDataDir(dir, [{ role: 'kiosk' }]);
      const held = await Promise.all(
        Array.from({ length: 2000 }, (_, i) => {
          const from = `127.0.3.${1 + (i % 100)}`;
          if (i % 2 === 0) {
            return new Promise<boolean>((resolve) => {
              const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`, { localAddress: from, handshakeTimeout: 5000 });
              sockets.push({ close: () => ws.terminate() });
              ws.once('open', () => resolve(true));
              ws.once('error', () => resolve(false));
              ws.once('unexpected-response', (_q, r) => (r.resume(), resolve(false)));
            });
          }
          return new Promise<boolean>((resolve) => {
            const s = net.connect({ host: '127.0.0.1', port, localAddress: from });
            sockets.push({ close: () => s.destroy() });
            s.once('connect', () => setTimeout(() => resolve(!s.destroyed), 300));
            s.once('close', () => resolve(false));
            s.once('error', () => resolve(false));
          });
        }),
      );
      const post = async () => {
        const t0 = performance.now();
        const r = await fetch(`http://127.0.0.1:${port}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-token': kiosk as string, connection: 'close' }, body: '{"serviceId":1}' });
        return { status: r.status, ms: performance.now() - t0 };
      };
      const ticket = await post();
      expect(ticket.status).toBe(201);
      expect(ticket.ms).toBeLessThan(1000);
      console.log(`1024-file host: 2,000 connections from 100 addresses, ${held.filter(Boolean).length} held; kiosk ticket ${ticket.ms.toFixed(0)} ms`);
      for (const s of sockets.splice(0)) s.close();
      let health = 0;
      for (let i = 0; i < 50 && health !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        health = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { connection: 'close' } }).then((r) => r.status, () => -1);
      }
      expect(health).toBe(200);
      expect(out).not.toMatch(/EMFILE|too many open files/i);
    } finally {
      for (const s of sockets) s.close();
      srv.child.kill('SIGTERM');
      await waitExit(srv.child);
    }
  }, 60_000);
});
