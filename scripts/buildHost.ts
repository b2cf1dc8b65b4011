// Bundles the host for `npm run serve` (esbuild, ESM) into dist/host/, only when something it is
// built from changed since the last build. Running the bundle instead of the sources through tsx
// saves the transpiler's memory (≈ 40 MB resident) and its start-up; report- and printer-only
// packages (exceljs, opentype.js) are split into chunks of their own that load on first use.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashAll, sha1, sourceTree, stampStaleReason, writeStamp } from './buildStamp';

export interface HostBuild {
  root: string;
  outDir: string;
  stampFile: string;
}

export function defaultHostBuild(root = process.cwd()): HostBuild {
  return { root, outDir: path.join(root, 'dist', 'host'), stampFile: path.join(root, 'dist', 'host.inputs.json') };
}

/** The bundle's entry points (paths relative to the project root) → output names. */
export const HOST_ENTRIES = { serve: 'electron/host/serve.ts', restoreWorker: 'electron/host/db/restoreWorker.ts' } as const;
const SOURCE_DIRS = ['electron/host', 'shared'];
/** Native addons (built per Node ABI by their install scripts) stay in node_modules. */
export const HOST_EXTERNAL = ['better-sqlite3', 'serialport', '@serialport/*', 'modbus-serial'];
const configFiles = (root: string) => ['package.json', 'tsconfig.json', 'scripts/buildHost.ts'].map((f) => path.join(root, f));

export const hostEntryFile = (b: HostBuild) => path.join(b.outDir, 'serve.mjs');

/** Why the host must be bundled again, or null when dist/host is up to date. */
export function hostStaleReason(b: HostBuild): string | null {
  if (!fs.existsSync(hostEntryFile(b))) return 'no build yet';
  return stampStaleReason(b.root, b.stampFile, SOURCE_DIRS);
}

/** Bundles the host; answers which output files hold which inputs (for the lazy-chunk test). */
export async function buildHost(b: HostBuild): Promise<Record<string, string[]>> {
  const { build } = await import('esbuild');
  const tree = sourceTree(b.root, SOURCE_DIRS);
  const inputs = hashAll([...tree, ...configFiles(b.root)]);
  // Built beside the output and moved in file by file: a test suite starting several serve
  // processes at once may build concurrently, and a running host must never see half a bundle.
  const tmp = `${b.outDir}.${process.pid}.${Date.now()}.tmp`;
  try {
    const result = await build({
      absWorkingDir: b.root,
      entryPoints: Object.fromEntries(Object.entries(HOST_ENTRIES).map(([k, v]) => [k, path.join(b.root, v)])),
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: false,
      metafile: true,
      logLevel: 'warning',
      external: HOST_EXTERNAL,
      // Bundled CommonJS packages call require(); an ES module has none of its own.
      banner: { js: "import { createRequire as __motcuaRequire } from 'node:module'; const require = __motcuaRequire(import.meta.url);" },
    });
    for (const f of Object.keys(result.metafile.inputs)) {
      const abs = path.resolve(b.root, f);
      if (!(abs in inputs)) {
        const h = sha1(abs);
        if (h) inputs[abs] = h;
      }
    }
    fs.mkdirSync(b.outDir, { recursive: true });
    const built = fs.readdirSync(tmp);
    // Chunks first, the entry last, so an entry never points at a chunk that is not there yet.
    for (const f of built.sort((x, y) => Number(x === 'serve.mjs') - Number(y === 'serve.mjs'))) fs.renameSync(path.join(tmp, f), path.join(b.outDir, f));
    pruneOldChunks(b.outDir, new Set(built));
    writeStamp(b.stampFile, { inputs, tree });
    return Object.fromEntries(Object.entries(result.metafile.outputs).map(([out, o]) => [path.basename(out), Object.keys(o.inputs)]));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Chunks of earlier builds, kept a while for a host still running from them (its lazy chunks). */
function pruneOldChunks(dir: string, keep: Set<string>): void {
  const cutoff = Date.now() - 60 * 60_000;
  for (const f of fs.readdirSync(dir)) {
    if (keep.has(f)) continue;
    const p = path.join(dir, f);
    try {
      if (fs.statSync(p).mtimeMs < cutoff) fs.rmSync(p, { force: true });
    } catch {
      // removed by a concurrent build
    }
  }
}

/** Build if needed; says which it did. */
export async function ensureHostBuilt(b: HostBuild, log: (line: string) => void = () => undefined): Promise<'built' | 'fresh'> {
  const why = hostStaleReason(b);
  if (why === null) return 'fresh';
  log(`motcua: bundling the host (${why})…`);
  await buildHost(b);
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureHostBuilt(defaultHostBuild(), (l) => process.stderr.write(l + '\n'));
}
