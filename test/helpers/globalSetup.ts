// Once per `vitest run`: the host bundle that serve-process tests start (test/helpers/serveProcess.ts),
// built here when a source changed, so parallel test files do not each build it.
import { defaultHostBuild, ensureHostBuilt } from '../../scripts/buildHost';

export default async function setup(): Promise<void> {
  if (process.env.MOTCUA_SERVE_FROM_SOURCE === '1') return;
  await ensureHostBuilt(defaultHostBuild(process.cwd()), (l) => process.stderr.write(l + '\n'));
}
