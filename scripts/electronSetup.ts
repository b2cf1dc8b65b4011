// What `npm start` does about the Electron binary: use it when it is there, run Electron's own
// download when it is not, and only when that fails say why and how to fix it, then fall back to
// browser mode. The download is a parameter so tests can pass one that works and one that fails.
import fs from 'node:fs';
import path from 'node:path';
import type { DownloadOutcome, DownloadReport } from './electronDownload';
import { electronBinary, electronCacheFolder, electronVersion, electronZipName, electronZipUrl, platformExecutable } from './electronBinary';

type Env = Record<string, string | undefined>;

export type ElectronPlan =
  | { mode: 'desktop'; bin: string; downloaded: boolean }
  /** `rememberedAt`: not tried now; the download failed like this at that time (ms) with the same settings. */
  | { mode: 'browser'; error: string; help: string[]; rememberedAt?: number; skipped?: true };

/** A failed download, kept so the next `npm start` does not try (and print) the same failure again. */
export interface RememberedFailure {
  /** What the download depended on: version, mirror, cache, whether the zip is in the cache. */
  key: string;
  error: string;
  url: string | null;
  at: number;
}

export interface FailureMemory {
  recall(): RememberedFailure | null;
  remember(f: RememberedFailure): void;
  forget(): void;
}

/** Set to try the download again although it failed before with the same settings. */
export const RETRY_ENV = 'MOTCUA_RETRY_ELECTRON';

/** The memory `npm start` keeps in node_modules/.cache (a fresh `npm install` forgets it too). */
export function fileMemory(root: string): FailureMemory {
  const file = path.join(root, 'node_modules', '.cache', 'motcua', 'electron-download-failed.json');
  return {
    recall: () => {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as RememberedFailure;
      } catch {
        return null;
      }
    },
    remember: (f) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(f));
    },
    forget: () => fs.rmSync(file, { force: true }),
  };
}

/**
 * What a retry could change: a new mirror or cache setting, or the zip copied into the cache by hand
 * (what the help suggests) makes the next start try again by itself.
 */
function downloadKey(version: string, env: Env): string {
  const zipUrl = electronZipUrl(version, env);
  const cached = fs.existsSync(path.join(electronCacheFolder(zipUrl, env), electronZipName(version, env)));
  return JSON.stringify([version, zipUrl, env.electron_config_cache ?? '', env.ELECTRON_CUSTOM_DIR ?? '', env.ELECTRON_CUSTOM_FILENAME ?? '', cached]);
}

export interface SetupOptions {
  root: string;
  env: Env;
  download: (onReport: (r: DownloadReport) => void) => Promise<DownloadOutcome>;
  onReport?: (r: DownloadReport) => void;
  /** Where a failure is remembered (none: every call tries again). */
  memory?: FailureMemory;
  now?: () => number;
}

export async function prepareElectron({ root, env, download, onReport = () => undefined, memory, now = Date.now }: SetupOptions): Promise<ElectronPlan> {
  const present = electronBinary(root, env);
  if (present) return { mode: 'desktop', bin: present, downloaded: false };
  const version = electronVersion(root);
  const browser = (error: string, url: string | null = null): ElectronPlan => ({ mode: 'browser', error, help: electronHelp(version, url, env) });
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return browser(`ELECTRON_OVERRIDE_DIST_PATH is ${override}, but there is no ${path.join(override, platformExecutable())}`);
  // Browser mode chosen on purpose: nothing failed, nothing to fix.
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { ...browser('ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron binary was not downloaded'), skipped: true } as ElectronPlan;
  const key = downloadKey(version, env);
  if (memory && env[RETRY_ENV]) memory.forget();
  const known = memory?.recall();
  if (known && known.key === key) return { ...browser(known.error, known.url), rememberedAt: known.at } as ElectronPlan;
  const outcome = await download(onReport);
  if (!outcome.ok) {
    memory?.remember({ key, error: outcome.error, url: outcome.url, at: now() });
    return browser(outcome.error, outcome.url);
  }
  memory?.forget();
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
