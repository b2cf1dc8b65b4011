import fs from 'node:fs';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { tempDir } from './tempHost';

/**
 * What a download holds. `download.path()` works only when Chromium was launched by this process;
 * the suite's Chromium is shared by every test file (test/helpers/globalSetup.ts), so the file is
 * saved where this process can read it.
 */
export async function downloadBytes(d: Download): Promise<Buffer> {
  const file = path.join(tempDir('motcua-download-'), d.suggestedFilename());
  await d.saveAs(file);
  return fs.readFileSync(file);
}
