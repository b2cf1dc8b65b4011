// Once per `vitest run`: the host bundle that serve-process tests start (test/helpers/serveProcess.ts),
// built here when a source changed, so parallel test files do not each build it; and one Chromium
// that every e2e file connects to (launchChromium), instead of each starting its own.
import { chromium } from 'playwright-core';
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { defaultHostBuild, ensureHostBuilt } from '../../scripts/buildHost';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's address; null: each file launches its own. */
    chromiumEndpoint: string | null;
  }
}

// Vitest calls this once for the run and once per project (vitest.config.ts): one Chromium for all.
const run = globalThis as { motcuaChromium?: Promise<BrowserServer> };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.MOTCUA_SERVE_FROM_SOURCE !== '1') await ensureHostBuilt(defaultHostBuild(process.cwd()), (l) => process.stderr.write(l + '\n'));
  run.motcuaChromium ??= chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const server = await run.motcuaChromium.catch(() => null);
  project.provide('chromiumEndpoint', server?.wsEndpoint() ?? null);
  return async () => {
    const closing = run.motcuaChromium;
    run.motcuaChromium = undefined;
    await (await closing?.catch(() => null))?.close();
  };
}
