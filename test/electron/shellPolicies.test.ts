import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { resolveAppUrl } from '../../electron/main/appProtocolPath';
import { CrashPolicy } from '../../electron/main/crashPolicy';
import { contentSecurityPolicy, isAllowedNavigation, isAllowedPermission, isBlockedKey, isTrustedSender } from '../../electron/main/securityPolicy';
import { ShellConfig } from '../../electron/main/shellConfig';
import { planWindows } from '../../electron/main/windowPlan';
import type { ScreenInfo } from '../../electron/main/windowPlan';

const screen = (id: number, x: number, primary: boolean, touch = false, w = 1920, h = 1080): ScreenInfo => ({ id, bounds: { x, y: 0, width: w, height: h }, primary, touch });
const wishes = ShellConfig.parse({}).windows;

describe('window planning', () => {
  it('one screen: kiosk and display stack on it', () => {
    const plan = planWindows([screen(1, 0, true, true)], wishes);
    expect(plan.map((p) => [p.role, p.screenId])).toEqual([
      ['kiosk', 1],
      ['display', 1],
    ]);
  });

  it('two screens: kiosk on the touchscreen, display on the TV', () => {
    const plan = planWindows([screen(1, 0, true, false), screen(2, 1920, false, true, 1080, 1920)], wishes);
    expect(plan.map((p) => [p.role, p.screenId])).toEqual([
      ['kiosk', 2],
      ['display', 1],
    ]);
    expect(plan[0]?.bounds).toEqual({ x: 1920, y: 0, width: 1080, height: 1920 });
  });

  it('three screens: each window on its own screen, a rating tablet window by index', () => {
    const cfg = ShellConfig.parse({ windows: [{ role: 'kiosk', screen: 'touch' }, { role: 'display', screen: 'secondary' }, { role: 'rating', screen: 2, query: 'counter=1' }] });
    const plan = planWindows([screen(10, 0, true, true), screen(11, 1920, false), screen(12, 3840, false)], cfg.windows);
    expect(plan.map((p) => [p.role, p.screenId])).toEqual([
      ['kiosk', 10],
      ['display', 11],
      ['rating', 12],
    ]);
  });

  it('hot-plug: the TV going away moves the display to what is left; coming back moves it again', () => {
    const both = [screen(1, 0, true, true), screen(2, 1920, false)];
    expect(planWindows(both, wishes).find((p) => p.role === 'display')?.screenId).toBe(2);
    expect(planWindows([both[0] as ScreenInfo], wishes).find((p) => p.role === 'display')?.screenId).toBe(1);
    expect(planWindows(both, wishes).find((p) => p.role === 'display')?.screenId).toBe(2);
    expect(planWindows([], wishes)).toEqual([]);
  });
});

describe('security policies', () => {
  it('navigation stays inside app://motcua', () => {
    expect(isAllowedNavigation('app://motcua/kiosk')).toBe(true);
    expect(isAllowedNavigation('app://motcua/t/abc?x=1')).toBe(true);
    for (const bad of ['https://evil.example', 'file:///etc/passwd', 'app://motcua.evil/x', 'app://evil/motcua', 'app://user:pw@motcua/', 'javascript:alert(1)', 'not a url']) {
      expect(isAllowedNavigation(bad), bad).toBe(false);
    }
  });

  it('IPC only from our own top-level frames; no permissions but fullscreen and the camera', () => {
    expect(isTrustedSender('app://motcua/counter', true)).toBe(true);
    expect(isTrustedSender('app://motcua/counter', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isAllowedPermission('media')).toBe(false);
    // The kiosk's camera, never its microphone (#30).
    expect(isAllowedPermission('media', ['video'])).toBe(true);
    expect(isAllowedPermission('media', ['audio'])).toBe(false);
    expect(isAllowedPermission('media', ['video', 'audio'])).toBe(false);
    expect(isAllowedPermission('geolocation')).toBe(false);
    expect(isAllowedPermission('fullscreen')).toBe(true);
  });

  it('blocks reload, zoom, devtools and quit keys on kiosks', () => {
    const k = (key: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}) => ({ key, control: false, meta: false, alt: false, shift: false, ...mods });
    for (const blocked of [k('F5'), k('r', { control: true }), k('=', { control: true }), k('I', { control: true, shift: true }), k('F4', { alt: true }), k('F12'), k('w', { meta: true })]) {
      expect(isBlockedKey(blocked), JSON.stringify(blocked)).toBe(true);
    }
    for (const ok of [k('a'), k('5'), k('Enter'), k('Backspace')]) expect(isBlockedKey(ok)).toBe(false);
  });

  it('a strict CSP: no inline or remote script', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/https?:/);
  });

  it('app:// paths resolve inside the renderer folder only', () => {
    const dir = path.resolve('dist/renderer');
    expect(resolveAppUrl('app://motcua/kiosk', dir)).toBe(path.join(dir, 'index.html'));
    expect(resolveAppUrl('app://motcua/assets/x.js', dir)).toBe(path.join(dir, 'assets/x.js'));
    for (const evil of ['app://motcua/%2e%2e/%2e%2e/etc/passwd', 'app://motcua/..%2f..%2fetc/passwd', 'app://motcua/%00']) {
      const r = resolveAppUrl(evil, dir);
      expect(r === null || r.startsWith(dir + path.sep), evil).toBe(true);
    }
    expect(resolveAppUrl('app://other/kiosk', dir)).toBeNull();
    expect(resolveAppUrl('file:///etc/passwd', dir)).toBeNull();
  });

  it('crash recovery: reload, and relaunch after 3 crashes in 5 minutes', () => {
    const p = new CrashPolicy();
    expect(p.onCrash(0)).toBe('reload');
    expect(p.onCrash(60_000)).toBe('reload');
    expect(p.onCrash(10 * 60_000)).toBe('reload');
    expect(p.onCrash(11 * 60_000)).toBe('reload');
    expect(p.onCrash(12 * 60_000)).toBe('relaunch');
  });
});

describe('packaging', () => {
  it("electron-builder.yml is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve('node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const config = loadYaml(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8'));
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate({ notAnOption: true })).toBe(false);
  });

  it('the app has an icon: every icon electron-builder.yml names exists and is a PNG (or an ICO of PNGs) of a size installers take', () => {
    const config = loadYaml(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as Record<string, { icon?: string } | undefined>;
    const pngSize = (b: Buffer) => {
      expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colourType: b.readUInt8(25) };
    };
    const linux = config.linux?.icon ?? '';
    expect(linux).toMatch(/\.png$/);
    // 512 or 1024 square, with an alpha channel (the rounded corners are transparent).
    const png = pngSize(fs.readFileSync(path.resolve(linux)));
    expect([512, 1024]).toContain(png.width);
    expect(png.height).toBe(png.width);
    expect(png.colourType).toBe(6);

    const win = config.win?.icon ?? '';
    expect(win).toMatch(/\.ico$/);
    const ico = fs.readFileSync(path.resolve(win));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      const { width, height } = pngSize(image);
      expect(width).toBe(ico.readUInt8(entry) || 256);
      expect(height).toBe(width);
      sizes.push(width);
    }
    // Windows wants 256 for the installer and Explorer, 16–48 for the taskbar and title bar.
    expect(sizes).toEqual(expect.arrayContaining([256, 48, 32, 16]));
  });
});
