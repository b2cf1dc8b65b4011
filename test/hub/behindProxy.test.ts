// The hub behind the province's reverse proxy: every request arrives from the proxy's address, so
// without trusting it all offices and strangers would share one guess budget and 32 sockets. With
// `trustedProxies`, its X-Forwarded-For names the caller; from anyone else the header is ignored.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { hubPostgresPerFile } from '../helpers/hubPostgres';

const pg = hubPostgresPerFile();
const open: Hub[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function hub(trustedProxies?: string[]): Promise<Hub> {
  const h = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined, trustedProxies });
  open.push(h);
  return h;
}

const guess = (h: Hub, code: string, forwardedFor?: string) =>
  fetch(`http://127.0.0.1:${h.port}/hub/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ code }),
  }).then(async (r) => ((await r.json()) as { error?: { code: string } }).error?.code ?? 'JOINED');

describe('the hub behind a reverse proxy', () => {
  it('trusted: each caller named by X-Forwarded-For has its own budget, whatever it puts before the proxy’s hop', async () => {
    const h = await hub(['127.0.0.1']);
    const first: string[] = [];
    for (let i = 0; i < 12; i++) first.push(await guess(h, `WRONG-A-${i}`, `198.51.100.7, 203.0.113.1`));
    expect(first.filter((c) => c === 'JOIN_CODE_INVALID')).toHaveLength(10);
    expect(first.slice(10)).toEqual(['JOIN_CODE_LOCKED', 'JOIN_CODE_LOCKED']);
    // The stranger changes the part of the header it controls: still the same nearest hop.
    expect(await guess(h, 'WRONG-A-X', '10.9.9.9, 203.0.113.1')).toBe('JOIN_CODE_LOCKED');
    // Another office behind the same proxy is not held up.
    const { code } = await h.offices.add('UBND xã Bình Sơn');
    expect(await guess(h, code, '203.0.113.2')).toBe('JOINED');
    expect(await guess(h, 'WRONG-B-0', '203.0.113.2')).toBe('JOIN_CODE_INVALID');
  }, 60_000);

  it('not trusted: the header is ignored, so a stranger cannot pick a fresh address per guess', async () => {
    const h = await hub();
    const answers: string[] = [];
    for (let i = 0; i < 12; i++) answers.push(await guess(h, `WRONG-C-${i}`, `203.0.113.${i + 10}`));
    expect(answers.filter((c) => c === 'JOIN_CODE_INVALID')).toHaveLength(10);
    expect(answers.slice(10)).toEqual(['JOIN_CODE_LOCKED', 'JOIN_CODE_LOCKED']);
  }, 60_000);

  it('the proxy’s own sockets are not capped at one address’s 32', async () => {
    const h = await hub(['127.0.0.1']);
    const sockets = await Promise.all(
      Array.from({ length: 80 }, () => new Promise<net.Socket>((resolve) => {
        const s = net.connect({ host: '127.0.0.1', port: h.port });
        s.on('error', () => resolve(s));
        s.on('connect', () => resolve(s));
      })),
    );
    try {
      await new Promise((r) => setTimeout(r, 500));
      expect(sockets.filter((s) => !s.destroyed && s.readyState === 'open').length).toBe(80);
    } finally {
      for (const s of sockets) s.destroy();
    }
  }, 60_000);
});
