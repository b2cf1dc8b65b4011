// better-sqlite3 and serialport's bindings are native addons, built for one Node ABI by an npm
// install script. npm 12 skips that script unless package.json's allowScripts approves it, a build
// can fail, and an addon built for Electron does not load in plain Node (or the other way round).
// Each of these otherwise ends the start with a 40-line stack trace; here it becomes one line that
// says which addon, what is wrong and the one command that fixes it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type AddonName = 'better-sqlite3' | '@serialport/bindings-cpp';

const ROLE: Record<AddonName, string> = {
  'better-sqlite3': 'the SQLite addon',
  '@serialport/bindings-cpp': 'the serial-port addon',
};

export class NativeAddonError extends Error {
  readonly addon: AddonName;
  readonly fix: string;
  constructor(addon: AddonName, problem: string, fix: string) {
    super(`${ROLE[addon]} (${addon}) ${problem}. Fix: ${fix}`);
    this.name = 'NativeAddonError';
    this.addon = addon;
    this.fix = fix;
  }
}

/** What the fix depends on: which runtime failed to load the addon, and how npm would rebuild it. */
export interface AddonContext {
  /** "Node.js 24.22.3" or "Electron 45.4.1". */
  runtime: string;
  electron: boolean;
  /** Does the project's package.json allowScripts approve this addon's install script? */
  approved: (addon: AddonName) => boolean;
  /**
   * When npm is set to build against another Node's headers (npm_config_nodedir), the folder with
   * this Node's headers to use instead; a plain `npm rebuild` would build for the wrong ABI again.
   */
  nodedirFix: string | null;
}

/** The one-line explanation of a failed addon load, or null when the error is something else. */
export function explainAddonFailure(addon: AddonName, e: unknown, ctx: AddonContext): NativeAddonError | null {
  const err = e as { message?: unknown; code?: unknown } | null;
  const text = String(err?.message ?? e);
  const code = typeof err?.code === 'string' ? err.code : '';
  const abi = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(text);
  let problem: string;
  if (abi) {
    problem = `was built for another runtime (NODE_MODULE_VERSION ${abi[1]}; ${ctx.runtime} needs ${abi[2]})`;
  } else if (
    /Could not locate the bindings file|No native build was found/.test(text) ||
    (code === 'MODULE_NOT_FOUND' && /\.node\b/.test(text))
  ) {
    problem = 'is not built: its install script was blocked, skipped or failed';
  } else if (code === 'ERR_DLOPEN_FAILED') {
    problem = `could not be loaded (${text.split('\n')[0]?.trim()})`;
  } else {
    return null;
  }
  return new NativeAddonError(addon, problem, fixFor(addon, ctx));
}

function fixFor(addon: AddonName, ctx: AddonContext): string {
  // electron-builder rebuilds against Electron's headers itself, whatever npm's policy says.
  if (ctx.electron) return 'npx electron-builder install-app-deps (npm start runs it)';
  const rebuild = `${ctx.nodedirFix ? `npm_config_nodedir=${ctx.nodedirFix} ` : ''}npm rebuild ${addon}`;
  return ctx.approved(addon) ? rebuild : `npm install-scripts approve ${addon} && ${rebuild}`;
}

/** The context of this process: its runtime, the project's allowScripts, npm's nodedir. */
export function currentAddonContext(projectRoot = process.cwd(), env: NodeJS.ProcessEnv = process.env): AddonContext {
  const electron = process.versions.electron;
  return {
    runtime: electron ? `Electron ${electron}` : `Node.js ${process.versions.node}`,
    electron: Boolean(electron),
    approved: (addon) => allowScriptsApproves(projectRoot, addon),
    nodedirFix: electron ? null : nodedirFix(env.npm_config_nodedir),
  };
}

function allowScriptsApproves(projectRoot: string, addon: AddonName): boolean {
  let allow: unknown;
  try {
    allow = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { allowScripts?: unknown }).allowScripts;
  } catch {
    return true; // no project here (an installed app): npm's policy is not what went wrong
  }
  if (!allow || typeof allow !== 'object') return false;
  return Object.entries(allow).some(([key, v]) => v === true && (key === addon || key.startsWith(`${addon}@`)));
}

function headerMajor(dir: string): number | null {
  try {
    const h = fs.readFileSync(path.join(dir, 'include', 'node', 'node_version.h'), 'utf8');
    const m = /#define NODE_MAJOR_VERSION (\d+)/.exec(h);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function nodedirFix(nodedir: string | undefined): string | null {
  if (!nodedir) return null;
  const major = Number(process.versions.node.split('.')[0]);
  if (headerMajor(nodedir) === major) return null;
  const own = path.dirname(path.dirname(process.execPath));
  return headerMajor(own) === major ? own : null;
}

export interface AddonCheckOptions {
  /** A better_sqlite3.node to load instead of the one under node_modules. */
  sqliteAddon?: string;
  context?: AddonContext;
}

/**
 * Loads both addons once, before the host is imported (serialport loads its addon as a side effect
 * of being imported), so a broken one is reported as one line instead of an import stack trace.
 */
export async function checkNativeAddons(opts: AddonCheckOptions = {}): Promise<void> {
  const ctx = () => opts.context ?? currentAddonContext();
  try {
    new Database(':memory:', opts.sqliteAddon ? { nativeBinding: opts.sqliteAddon } : {}).close();
  } catch (e) {
    throw explainAddonFailure('better-sqlite3', e, ctx()) ?? e;
  }
  try {
    await import('serialport');
  } catch (e) {
    throw explainAddonFailure('@serialport/bindings-cpp', e, ctx()) ?? e;
  }
}
