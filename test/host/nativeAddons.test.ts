import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/host/db/openDatabase';
import { NativeAddonError, checkNativeAddons, currentAddonContext, explainAddonFailure } from '../../electron/host/nativeAddons';
import type { AddonContext } from '../../electron/host/nativeAddons';
import { serveCommand } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';

const approvedAll: AddonContext = { runtime: 'Node.js 24.22.3', electron: false, approved: () => true, nodedirFix: null };

/** What `npm run serve` prints when started with this addon (same node, same loader as users get). */
async function serveWith(addon: string) {
  const cmd = await serveCommand();
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [...cmd, '--port', '0', '--host', '127.0.0.1', '--data', tempDir()], {
    env: { ...process.env, MOTCUA_SQLITE_ADDON: addon },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

describe('a missing native addon', () => {
  const missing = () => path.join(tempDir(), 'build', 'Release', 'better_sqlite3.node');

  it('openDatabase says so in one line with the command that fixes it', () => {
    const dir = tempDir();
    let caught: unknown;
    try {
      openDatabase({ file: path.join(dir, 'q.sqlite'), backupDir: path.join(dir, 'b'), sqliteAddon: missing() });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(NativeAddonError);
    const msg = (caught as Error).message;
    expect(msg).not.toContain('\n');
    expect(msg).toMatch(/^the SQLite addon \(better-sqlite3\) is not built: its install script was blocked, skipped or failed\. Fix: .*npm rebuild better-sqlite3$/);
    // Nothing was created where the database would have been.
    expect(fs.existsSync(path.join(dir, 'q.sqlite'))).toBe(false);
  });

  it('npm run serve stops at once with that one line, not a stack trace', async () => {
    const r = await serveWith(missing());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^motcua: the SQLite addon \(better-sqlite3\) is not built: .* Fix: .*npm rebuild better-sqlite3$/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('the fix says to approve the install script when package.json does not', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'x', allowScripts: { esbuild: true, 'better-sqlite3': false } }));
    const ctx = currentAddonContext(root, {});
    await expect(checkNativeAddons({ sqliteAddon: missing(), context: ctx })).rejects.toThrow(
      /Fix: npm install-scripts approve better-sqlite3 && npm rebuild better-sqlite3$/,
    );
    // Our own package.json approves it, so the fix is only the rebuild.
    expect(currentAddonContext(process.cwd(), {}).approved('better-sqlite3')).toBe(true);
    expect(currentAddonContext(process.cwd(), {}).approved('@serialport/bindings-cpp')).toBe(true);
  });

  it('the working addons pass the check', async () => {
    await expect(checkNativeAddons()).resolves.toBeUndefined();
  });
});

describe('an addon built for another runtime', () => {
  // CI builds better-sqlite3 for two Node ABIs (the machine's Node and Node 24) and hands each run
  // the other one's build: the real dlopen failure, not a made-up message.
  const foreign = process.env.MOTCUA_FOREIGN_SQLITE_ADDON;

  it.skipIf(!foreign)('npm run serve names both ABIs and the rebuild in one line', async () => {
    const r = await serveWith(foreign as string);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^motcua: the SQLite addon \\(better-sqlite3\\) was built for another runtime \\(NODE_MODULE_VERSION \\d+; Node\\.js ${process.versions.node.replace(/\./g, '\\.')} needs ${process.versions.modules}\\)\\. Fix: .*npm rebuild better-sqlite3$`),
    );
  });

  it('Node’s own wording of the mismatch is recognised, and Electron gets the Electron rebuild', () => {
    // The text Node prints for a module of another ABI (src/node_binding.cc).
    const e = Object.assign(
      new Error(
        "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 137. This version of Node.js requires\nNODE_MODULE_VERSION 140. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).",
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    const inElectron = explainAddonFailure('better-sqlite3', e, { ...approvedAll, runtime: 'Electron 45.4.1', electron: true });
    expect(inElectron?.message).toBe(
      'the SQLite addon (better-sqlite3) was built for another runtime (NODE_MODULE_VERSION 137; Electron 45.4.1 needs 140). Fix: npx electron-builder install-app-deps (npm start runs it)',
    );
    expect(explainAddonFailure('better-sqlite3', new Error('SQLITE_CANTOPEN'), approvedAll)).toBeNull();
  });

  it('when npm builds against another Node’s headers, the fix points it at this Node’s', () => {
    const nodedir = tempDir();
    fs.mkdirSync(path.join(nodedir, 'include', 'node'), { recursive: true });
    const other = Number(process.versions.node.split('.')[0]) - 4;
    fs.writeFileSync(path.join(nodedir, 'include', 'node', 'node_version.h'), `#define NODE_MAJOR_VERSION ${other}\n`);
    const own = path.dirname(path.dirname(process.execPath));
    const ownHasHeaders = fs.existsSync(path.join(own, 'include', 'node', 'node_version.h'));
    expect(currentAddonContext(process.cwd(), { npm_config_nodedir: nodedir }).nodedirFix).toBe(ownHasHeaders ? own : null);
    expect(currentAddonContext(process.cwd(), { npm_config_nodedir: own }).nodedirFix).toBeNull();
    expect(currentAddonContext(process.cwd(), {}).nodedirFix).toBeNull();
  });
});
