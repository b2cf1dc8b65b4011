import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where an e2e test saves a screenshot it takes for people to look at: a temp folder, so a
 * developer's test run leaves the repository as it was; `MOTCUA_SHOTS=docs/screens` (before
 * committing regenerated shots) writes them where the docs show them.
 */
export function shotFile(name: string): string {
  const dir = path.resolve(process.env.MOTCUA_SHOTS ?? path.join(os.tmpdir(), 'motcua-shots'));
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
