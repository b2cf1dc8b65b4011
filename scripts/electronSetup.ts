// What `npm start` does about the Electron binary: use it when it is there, run Electron's own
// download when it is not, and only when that fails say why and how to fix it, then fall back to
// browser mode. The download is a parameter so tests can pass one that works and one that fails.
import path from 'node:path';
import type { DownloadOutcome, DownloadReport } from './electronDownload';
import { electronBinary, electronCacheFolder, electronVersion, electronZipName, electronZipUrl, platformExecutable } from './electronBinary';

type Env = Record<string, string | undefined>;

export type ElectronPlan =
  | { mode: 'desktop'; bin: string; downloaded: boolean }
  | { mode: 'browser'; error: string; help: string[] };

export interface SetupOptions {
  root: string;
  env: Env;
  download: (onReport: (r: DownloadReport) => void) => Promise<DownloadOutcome>;
  onReport?: (r: DownloadReport) => void;
}

export async function prepareElectron({ root, env, download, onReport = () => undefined }: SetupOptions): Promise<ElectronPlan> {
  const present = electronBinary(root, env);
  if (present) return { mode: 'desktop', bin: present, downloaded: false };
  const version = electronVersion(root);
  const browser = (error: string, url: string | null = null): ElectronPlan => ({ mode: 'browser', error, help: electronHelp(version, url, env) });
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return browser(`ELECTRON_OVERRIDE_DIST_PATH is ${override}, but there is no ${path.join(override, platformExecutable())}`);
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return browser('ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron binary was not downloaded');
  const outcome = await download(onReport);
  if (!outcome.ok) return browser(outcome.error, outcome.url);
  const bin = electronBinary(root, env);
  if (!bin) return browser(`the download finished but there is no binary in ${path.join(root, 'node_modules', 'electron', 'dist')}`, outcome.url);
  return { mode: 'desktop', bin, downloaded: true };
}

/** How to get the binary onto an office PC that cannot reach GitHub. */
export function electronHelp(version: string, url: string | null, env: Env): string[] {
  const zipUrl = url ?? electronZipUrl(version, env);
  const zip = electronZipName(version, env);
  const setEnv = (assign: string) => (process.platform === 'win32' ? `set "${assign}" && npm start` : `${assign} npm start`);
  return [
    `a reachable mirror:  ${setEnv('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/')}`,
    `or copy ${zip} (from https://github.com/electron/electron/releases/tag/v${version}, or another PC's Electron cache) into`,
    `   ${electronCacheFolder(zipUrl, env)}  and run npm start again`,
    `or an Electron ${version} unpacked on another PC and copied here:  ${setEnv('ELECTRON_OVERRIDE_DIST_PATH=<folder with ' + platformExecutable() + '>')}`,
  ];
}

export function formatReport(r: DownloadReport, version: string): string | null {
  const mb = (n: number) => (n / 1_048_576).toFixed(1);
  const from = (() => {
    try {
      return new URL(r.url).host;
    } catch {
      return r.url;
    }
  })();
  if (r.type === 'progress') {
    const of = r.total ? ` / ${mb(r.total)} MB (${Math.floor((r.received / r.total) * 100)} %)` : ' MB';
    return `motcua: downloading Electron ${version} from ${from}: ${mb(r.received)}${of}`;
  }
  if (r.type === 'done') return `motcua: downloaded Electron ${version} (${mb(r.received)} MB), unpacking…`;
  return null;
}
