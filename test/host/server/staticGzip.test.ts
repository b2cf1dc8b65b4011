import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { tempDir, tempHost } from '../../helpers/tempHost';

let host: Host;
const dir = tempDir();
const script = 'export const greeting = "Mời công dân";\n'.repeat(400);

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), script);
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>motcua</title>');
  host = await tempHost({ staticDir: dir });
});
afterAll(async () => {
  await host.close();
});

function get(p: string, enc: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(`http://127.0.0.1:${host.port}${p}`, { headers: { 'accept-encoding': enc } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('static screens on the wire', () => {
  it('sends text assets gzip-compressed to browsers that accept it, byte-identical once inflated, and plain to others', async () => {
    const gz = await get('/assets/app.js', 'gzip, deflate, br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get('/assets/app.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    // Edited file (a new build): the next answer is the new content, not a stale cache.
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), script + '// v2\n'.repeat(50));
    const next = await get('/assets/app.js', 'gzip');
    expect(zlib.gunzipSync(next.body).toString()).toContain('// v2');
  });
});
