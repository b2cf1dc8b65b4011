import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { chooseCoding } from '../../../electron/host/server/staticFiles';
import { precompressDir } from '../../../scripts/precompress';
import { tempDir, tempHost } from '../../helpers/tempHost';

let host: Host;
const dir = tempDir();
const script = 'export const greeting = "Mời công dân lấy số thứ tự";\n'.repeat(400);
const style = '.ticket { font-size: 12rem; color: #0b3d91; }\n'.repeat(200);
const asset = (f: string) => path.join(dir, 'assets', f);

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(asset('app.js'), script);
  fs.writeFileSync(asset('app.css'), style);
  fs.writeFileSync(asset('only-gzip.js'), script);
  fs.writeFileSync(asset('plain.js'), script);
  fs.writeFileSync(asset('font.woff2'), Buffer.alloc(4096, 7));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>motcua</title>');
  // The real build step (the vite plugin runs the same function on dist/renderer).
  await precompressDir(dir);
  fs.rmSync(asset('only-gzip.js.br'));
  fs.rmSync(asset('plain.js.br'));
  fs.rmSync(asset('plain.js.gz'));
  host = await tempHost({ staticDir: dir });
});
afterAll(async () => {
  await host.close();
});

function get(p: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(`http://127.0.0.1:${host.port}${p}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

describe('static screens on the wire, precompressed at build time', () => {
  it('the build writes a .br and a .gz beside each text asset, not beside fonts or tiny files', () => {
    expect(zlib.brotliDecompressSync(fs.readFileSync(asset('app.js.br'))).toString()).toBe(script);
    expect(zlib.gunzipSync(fs.readFileSync(asset('app.css.gz'))).toString()).toBe(style);
    expect(fs.existsSync(asset('font.woff2.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'index.html.gz'))).toBe(false);
  });

  it('brotli when the browser takes it, else gzip, else the file; each with its own ETag and Vary', async () => {
    const br = await get('/assets/app.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get('/assets/app.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
    // q=0 refuses a coding; a lower q loses to a higher one.
    expect((await get('/assets/app.js', { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get('/assets/app.js', { 'accept-encoding': 'br;q=0.5, gzip;q=0.9' })).headers['content-encoding']).toBe('gzip');
    expect((await get('/assets/app.css', { 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br');

    for (const enc of ['identity', '']) {
      const plain = await get('/assets/app.js', enc ? { 'accept-encoding': enc } : {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.toString()).toBe(script);
    }
    const etags = new Set([br.headers.etag, gz.headers.etag, (await get('/assets/app.js', {})).headers.etag]);
    expect(etags.size).toBe(3);
  });

  it('a missing precompressed file falls back to the next coding, then to the file itself', async () => {
    const onlyGz = await get('/assets/only-gzip.js', { 'accept-encoding': 'br, gzip' });
    expect(onlyGz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(onlyGz.body).toString()).toBe(script);
    const brOnlyBrowser = await get('/assets/only-gzip.js', { 'accept-encoding': 'br' });
    expect(brOnlyBrowser.headers['content-encoding']).toBeUndefined();
    expect(brOnlyBrowser.body.toString()).toBe(script);
    const plain = await get('/assets/plain.js', { 'accept-encoding': 'br, gzip' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    // Fonts are compressed already: never a Content-Encoding.
    const font = await get('/assets/font.woff2', { 'accept-encoding': 'br, gzip' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.body.length).toBe(4096);
  });

  it('If-None-Match with the ETag of the same coding answers 304; HEAD has the variant length and no body', async () => {
    const first = await get('/assets/app.js', { 'accept-encoding': 'br' });
    const again = await get('/assets/app.js', { 'accept-encoding': 'br', 'if-none-match': first.headers.etag as string });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    // The brotli ETag does not validate the gzip body.
    expect((await get('/assets/app.js', { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag as string })).status).toBe(200);
    const head = await get('/assets/app.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(first.body.length);
    expect(head.body.length).toBe(0);
  });

  it('a file rebuilt after its variants were written is sent as itself, never a stale variant', async () => {
    const before = await get('/assets/app.css', { 'accept-encoding': 'br' });
    const edited = style + '/* v2 */\n';
    fs.writeFileSync(asset('app.css'), edited);
    // Variants written in the same millisecond would pass for fresh; a build writes them after.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(asset('app.css'), later, later);
    const next = await get('/assets/app.css', { 'accept-encoding': 'br, gzip' });
    expect(next.headers['content-encoding']).toBeUndefined();
    expect(next.body.toString()).toBe(edited);
    expect(next.headers.etag).not.toBe(before.headers.etag);
  });

  it('chooseCoding follows the q-values, prefers brotli at equal q, and falls back to identity', () => {
    expect(chooseCoding('gzip, br', ['br', 'gzip'])).toBe('br');
    expect(chooseCoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseCoding('gzip;q=1, br;q=0.8', ['br', 'gzip'])).toBe('gzip');
    expect(chooseCoding('x-gzip', ['gzip'])).toBe('gzip');
    expect(chooseCoding('deflate', ['br', 'gzip'])).toBe('identity');
    expect(chooseCoding('br, identity;q=0', [])).toBe('identity');
  });
});
