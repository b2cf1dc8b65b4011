import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureScreensBuilt, staleReason } from '../../scripts/buildScreens';
import { tempDir } from '../helpers/tempHost';

// A copy of the project's sources in a temp folder (so the real dist/ and sources are never
// touched), built by the real vite with the real config.
function copyProject(): string {
  const root = tempDir('motcua-build-');
  for (const d of ['renderer', 'shared']) fs.cpSync(path.resolve(d), path.join(root, d), { recursive: true });
  for (const f of ['vite.config.ts', 'scripts/precompress.ts', 'package.json', 'tsconfig.json']) fs.cpSync(path.resolve(f), path.join(root, f));
  fs.symlinkSync(fs.realpathSync(path.resolve('node_modules')), path.join(root, 'node_modules'), 'dir');
  return root;
}

const bundleText = (outDir: string) =>
  fs.readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(outDir, 'assets', f), 'utf8')).join('\n');

describe('serve builds the screens only when their sources changed', () => {
  it('builds once, then starts without building; an edit, an added file or a deleted build makes it build again', async () => {
    const root = copyProject();
    const b = { root, outDir: path.join(root, 'dist', 'renderer'), stampFile: path.join(root, 'dist', 'renderer.inputs.json') };
    const log: string[] = [];
    expect(await ensureScreensBuilt(b, (l) => log.push(l))).toBe('built');
    // The build says nothing on a clean install (vite's warnings come through this log): no
    // chunk-size or "use client" warning. And the chunks the limit was set for are there, lazily loaded.
    expect(log).toEqual(['motcua: building the screens (no build yet)…']);
    expect(fs.readdirSync(path.join(b.outDir, 'assets')).some((f) => /^exceljs.*\.js$/.test(f))).toBe(true);
    // Built under the test runner (NODE_ENV=test) as a serve started by a test is: still React's
    // production build, not the development one (jsxDEV, twice the JavaScript on every screen).
    expect(process.env.NODE_ENV).toBe('test');
    expect(bundleText(b.outDir)).not.toContain('jsxDEV');
    const t0 = Date.now();
    expect(await ensureScreensBuilt(b)).toBe('fresh');
    expect(Date.now() - t0).toBeLessThan(1000);

    // The same content written again (a checkout, a touch) is not a change.
    const labels = path.join(root, 'shared', 'labels.ts');
    fs.writeFileSync(labels, fs.readFileSync(labels));
    expect(staleReason(b)).toBeNull();

    // A string edited in the catalog the screens read.
    const catalog = path.join(root, 'shared', 'locales', 'vi.json');
    const before = fs.readFileSync(catalog, 'utf8');
    fs.writeFileSync(catalog, before.replace('"appName": "Hệ thống xếp hàng Một cửa"', '"appName": "Probe sau lần dựng trước"'));
    expect(fs.readFileSync(catalog, 'utf8')).not.toBe(before);
    expect(staleReason(b)).toBe(path.join('shared', 'locales', 'vi.json') + ' changed');
    expect(bundleText(b.outDir).includes('Probe sau l')).toBe(false);
    expect(await ensureScreensBuilt(b)).toBe('built');
    expect(bundleText(b.outDir).includes('Probe sau l')).toBe(true);
    expect(staleReason(b)).toBeNull();

    fs.writeFileSync(path.join(root, 'renderer', 'added-later.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(staleReason(b)).toBe(path.join('renderer', 'added-later.svg') + ' added');
    fs.rmSync(path.join(root, 'renderer', 'added-later.svg'));
    expect(staleReason(b)).toBeNull();

    // A package of node_modules that went into the bundle counts as a source too.
    const stamp = JSON.parse(fs.readFileSync(b.stampFile, 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(stamp.inputs).some((f) => f.includes(`${path.sep}react-dom${path.sep}`))).toBe(true);

    fs.rmSync(b.outDir, { recursive: true });
    expect(staleReason(b)).toBe('no build yet');
  }, 90_000);
});
