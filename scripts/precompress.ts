// Static screens precompressed at build time: a .br (brotli, best) and a .gz (gzip, best) beside
// each text asset in dist/renderer, so the host sends a kiosk's first load compressed without
// compressing anything while it runs (electron/host/server/staticFiles.ts picks the variant).
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Files worth compressing (fonts, images and audio are compressed already). */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/i;
/** Below this a compressed body plus its header saves nothing worth a second file. */
export const MIN_BYTES = 1024;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Writes `file.br` and `file.gz` for every compressible file under `dir`; answers how many files. */
export async function precompressDir(dir: string): Promise<number> {
  const files = walk(dir).filter((f) => COMPRESSIBLE.test(f) && fs.statSync(f).size >= MIN_BYTES);
  await Promise.all(
    files.map(async (f) => {
      const body = fs.readFileSync(f);
      const [br, gz] = await Promise.all([
        brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } }),
        gzip(body, { level: 9 }),
      ]);
      // Only a variant smaller than the file is worth sending.
      if (br.length < body.length) fs.writeFileSync(`${f}.br`, br);
      if (gz.length < body.length) fs.writeFileSync(`${f}.gz`, gz);
    }),
  );
  return files.length;
}

/** Vite plugin: precompress the output once it is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'motcua-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
