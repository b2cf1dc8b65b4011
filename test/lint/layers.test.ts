import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules are only worth having if they actually fire: lint snippets as if they lived
// in each layer and check which are refused.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it("only electron/main/ may import 'electron'", async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await problems('electron/main/lintProbe.ts', code)).toEqual([]);
    expect(await problems('electron/host/lintProbe.ts', code)).not.toEqual([]);
    expect(await problems('shared/lintProbe.ts', code)).not.toEqual([]);
    expect(await problems('renderer/lintProbe.ts', code)).not.toEqual([]);
  });

  it('shared/ does no I/O and renderer/ cannot reach the host', async () => {
    expect(await problems('shared/lintProbe.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).not.toEqual([]);
    expect(await problems('renderer/lintProbe.ts', "import { startHost } from '../electron/host/host';\nexport const a = startHost;\n")).not.toEqual([]);
    expect(await problems('electron/host/lintProbe.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
  });

  it('hub/ imports only shared/: it reaches offices over HTTP', async () => {
    expect(await problems('hub/lintProbe.ts', "import { startHost } from '../electron/host/host';\nexport const a = startHost;\n")).not.toEqual([]);
    expect(await problems('hub/lintProbe.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).not.toEqual([]);
    expect(await problems('hub/lintProbe.ts', "import { AppError } from '../shared/errors';\nexport const a = AppError;\n")).toEqual([]);
  });
});
