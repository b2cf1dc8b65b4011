// Builds the screens (vite) only when something they are built from changed since the last build,
// so `npm run serve` and `npm start` answer in a second instead of after a 5–6 s rebuild. The
// inputs are the files vite itself bundled last time (renderer/, shared/, the packages in
// node_modules), recorded beside the output with a hash of each.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildStamp {
  /** Absolute path → sha1 of its content when the screens were built from it. */
  inputs: Record<string, string>;
  /** Every file under the source folders then, so a file added since is noticed too. */
  tree: string[];
}

export interface ScreensBuild {
  root: string;
  outDir: string;
  stampFile: string;
}

export function defaultScreensBuild(root = process.cwd()): ScreensBuild {
  return { root, outDir: path.join(root, 'dist', 'renderer'), stampFile: path.join(root, 'dist', 'renderer.inputs.json') };
}

const sha1 = (file: string): string | null => {
  try {
    return crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
};

/** Files that are not modules vite saw but still change the output. */
const configFiles = (root: string) => ['vite.config.ts', 'package.json', 'tsconfig.json'].map((f) => path.join(root, f));

/** Every file under renderer/ and shared/ (assets such as the favicon are not modules). */
function sourceTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  for (const d of ['renderer', 'shared']) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return out.sort();
}

/** Why the screens must be built again, or null when dist/ is up to date. */
export function staleReason(b: ScreensBuild): string | null {
  if (!fs.existsSync(path.join(b.outDir, 'index.html'))) return 'no build yet';
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(fs.readFileSync(b.stampFile, 'utf8')) as BuildStamp;
  } catch {
    return 'no record of what the last build was made from';
  }
  const entries = Object.entries(stamp.inputs ?? {});
  if (entries.length === 0) return 'no record of what the last build was made from';
  for (const [file, hash] of entries) if (sha1(file) !== hash) return `${path.relative(b.root, file)} changed`;
  const before = new Set(stamp.tree ?? []);
  const added = sourceTree(b.root).find((f) => !before.has(f));
  if (added) return `${path.relative(b.root, added)} added`;
  return null;
}

/** Runs vite with the project's config and records every file that went into the bundle. */
export async function buildScreens(b: ScreensBuild): Promise<void> {
  const { build } = await import('vite');
  // Sources are hashed before the build, so an edit made while it runs is still seen as a change.
  const tree = sourceTree(b.root);
  const inputs: Record<string, string> = {};
  for (const f of [...tree, ...configFiles(b.root)]) {
    const h = sha1(f);
    if (h) inputs[f] = h;
  }
  const seen = new Set<string>();
  fs.rmSync(b.stampFile, { force: true });
  await build({
    configFile: path.join(b.root, 'vite.config.ts'),
    root: path.join(b.root, 'renderer'),
    logLevel: 'warn',
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
  for (const f of seen) {
    const h = f in inputs ? null : sha1(f);
    if (h) inputs[f] = h;
  }
  fs.mkdirSync(path.dirname(b.stampFile), { recursive: true });
  fs.writeFileSync(b.stampFile, JSON.stringify({ inputs, tree } satisfies BuildStamp));
}

/** Build if needed; says which it did. */
export async function ensureScreensBuilt(b: ScreensBuild, log: (line: string) => void = () => undefined): Promise<'built' | 'fresh'> {
  const why = staleReason(b);
  if (why === null) return 'fresh';
  log(`motcua: building the screens (${why})…`);
  await buildScreens(b);
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureScreensBuilt(defaultScreensBuild(), (l) => process.stderr.write(l + '\n'));
}
