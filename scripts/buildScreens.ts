// Builds the screens (vite) only when something they are built from changed since the last build,
// so `npm run serve` and `npm start` answer in a second instead of after a 5–6 s rebuild. The
// inputs are the files vite itself bundled last time (renderer/, shared/, the packages in
// node_modules), recorded beside the output with a hash of each.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashAll, sha1, sourceTree, stampStaleReason, writeStamp } from './buildStamp';

export type { BuildStamp } from './buildStamp';

const SOURCE_DIRS = ['renderer', 'shared'];

export interface ScreensBuild {
  root: string;
  outDir: string;
  stampFile: string;
}

export function defaultScreensBuild(root = process.cwd()): ScreensBuild {
  return { root, outDir: path.join(root, 'dist', 'renderer'), stampFile: path.join(root, 'dist', 'renderer.inputs.json') };
}

/** Files that are not modules vite saw but still change the output. */
const configFiles = (root: string) => ['vite.config.ts', 'scripts/precompress.ts', 'package.json', 'tsconfig.json'].map((f) => path.join(root, f));

/** Why the screens must be built again, or null when dist/ is up to date. */
export function staleReason(b: ScreensBuild): string | null {
  if (!fs.existsSync(path.join(b.outDir, 'index.html'))) return 'no build yet';
  return stampStaleReason(b.root, b.stampFile, SOURCE_DIRS);
}

const toStderr = (line: string) => process.stderr.write(line + '\n');

/**
 * Runs vite with the project's config and records every file that went into the bundle. Vite's
 * warnings and errors go to `log` (what `npm start` shows), so a test can see the build says nothing.
 */
export async function buildScreens(b: ScreensBuild, log: (line: string) => void = toStderr): Promise<void> {
  const { build, createLogger } = await import('vite');
  const logger = createLogger('warn');
  logger.warn = (msg) => log(msg);
  logger.warnOnce = (msg) => log(msg);
  logger.error = (msg) => log(msg);
  // Sources are hashed before the build, so an edit made while it runs is still seen as a change.
  const tree = sourceTree(b.root, SOURCE_DIRS);
  const inputs = hashAll([...tree, ...configFiles(b.root)]);
  const seen = new Set<string>();
  fs.rmSync(b.stampFile, { force: true });
  // Vite bundles React's development build whenever NODE_ENV is set to anything but production: a
  // serve started by the test runner (NODE_ENV=test) rebuilt the screens that way, and every screen
  // loaded after it ran on twice the JavaScript. Whoever starts it, the build is the offices' build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(b.root, 'vite.config.ts'),
      root: path.join(b.root, 'renderer'),
      mode: 'production',
      logLevel: 'warn',
      customLogger: logger,
      build: { outDir: b.outDir },
      plugins: [
        {
          name: 'motcua-record-inputs',
          generateBundle() {
            for (const id of this.getModuleIds()) {
              const file = id.split('?')[0] ?? '';
              if (path.isAbsolute(file) && fs.existsSync(file)) seen.add(file);
            }
          },
        },
      ],
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  for (const f of seen) {
    const h = f in inputs ? null : sha1(f);
    if (h) inputs[f] = h;
  }
  writeStamp(b.stampFile, { inputs, tree });
}

/** Build if needed; says which it did. */
export async function ensureScreensBuilt(b: ScreensBuild, log: (line: string) => void = () => undefined): Promise<'built' | 'fresh'> {
  const why = staleReason(b);
  if (why === null) return 'fresh';
  log(`motcua: building the screens (${why})…`);
  await buildScreens(b, log);
  return 'built';
}

// `npm run build:renderer` (--always) builds whatever the record says, and leaves the record, so a
// serve started next (by hand or by a test) does not build again.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--always')) await buildScreens(defaultScreensBuild());
  else await ensureScreensBuilt(defaultScreensBuild(), toStderr);
}
