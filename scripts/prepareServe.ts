// Before `npm run serve` starts the host: the screens (vite) and the host bundle (esbuild), each
// rebuilt only when a file it is made from changed, so a clean clone builds once and every later
// start takes a second.
import { defaultScreensBuild, ensureScreensBuilt } from './buildScreens';
import { defaultHostBuild, ensureHostBuilt } from './buildHost';

const log = (l: string) => process.stderr.write(l + '\n');
await ensureScreensBuilt(defaultScreensBuild(), log);
await ensureHostBuilt(defaultHostBuild(), log);
