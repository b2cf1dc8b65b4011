// Runs Electron's own download (node_modules/electron/install.js, the script its index.js runs on
// first use) in a child process, so the user's ELECTRON_MIRROR, .npmrc electron_mirror,
// electron_config_cache and proxy settings apply exactly as Electron documents them.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DownloadReport } from './electronDownloadHooks';

export type { DownloadReport };
export type DownloadOutcome = { ok: true; url: string | null } | { ok: false; error: string; url: string | null };

const HOOKS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'electronDownloadHooks.ts');

/** The one line that says what went wrong, out of install.js's stack trace. */
export function firstErrorLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
  const line = lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines[lines.length - 1] ?? 'install.js failed without a message';
  return line.replace(/^Error: /, '');
}

export function runElectronInstall(electronDir: string, env: NodeJS.ProcessEnv, onReport: (r: DownloadReport) => void = () => undefined): Promise<DownloadOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', HOOKS, path.join(electronDir, 'install.js')], {
      // @electron/get's own bar starts only after 30 s and would tangle with ours.
      env: { ELECTRON_GET_NO_PROGRESS: '1', ...env, MOTCUA_ELECTRON_PROGRESS_FD: '3' },
      stdio: ['ignore', 'inherit', 'pipe', 'pipe'],
    });
    let stderr = '';
    let url: string | null = null;
    child.stderr?.on('data', (d) => (stderr += String(d)));
    const reports = child.stdio[3];
    if (reports && 'on' in reports) {
      readline.createInterface({ input: reports as NodeJS.ReadableStream }).on('line', (line) => {
        try {
          const r = JSON.parse(line) as DownloadReport;
          url = r.url;
          onReport(r);
        } catch {
          // not a report line
        }
      });
    }
    child.on('error', (e) => resolve({ ok: false, error: e.message, url }));
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ ok: true, url });
      else resolve({ ok: false, error: stderr.trim() ? firstErrorLine(stderr) : `install.js exited with ${signal ?? code}`, url });
    });
  });
}
