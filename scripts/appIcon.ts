// `npx tsx scripts/appIcon.ts`: the packaged app's icon, drawn here as an SVG and rendered by
// Chromium into resources/build/icon.png (1024×1024: electron-builder makes the Linux and macOS
// sizes from it) and resources/build/icon.ico (Windows: 256 down to 16 px, each a PNG inside, so
// small sizes are drawn at their size rather than shrunk by the taskbar). Run it again after
// changing the drawing and commit both files.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/browser';

// The screens' colours (renderer/styles/app.css): blue, dark blue, the number's red, gold.
const BLUE = '#0b4f8a';
const BLUE_DARK = '#073763';
const RED = '#c62828';
const GOLD = '#f6c343';

/**
 * "Một cửa", one door: an open door into the office, and in front of it the citizen's ticket with
 * its number, as the kiosk hands it out. Shapes only (no text), so it renders the same on any PC.
 */
export function appIconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${BLUE}"/>
      <stop offset="1" stop-color="${BLUE_DARK}"/>
    </linearGradient>
  </defs>
  <rect x="32" y="32" width="960" height="960" rx="200" fill="url(#bg)"/>
  <!-- The doorway: a light opening in a white frame, the floor under it. -->
  <path d="M232 864V268a76 76 0 0 1 76-76h328a76 76 0 0 1 76 76v596" fill="#dfe9f5" stroke="#fff" stroke-width="44" stroke-linejoin="round"/>
  <rect x="168" y="842" width="688" height="44" rx="22" fill="#fff"/>
  <!-- The door, swung open towards the viewer, with its handle. -->
  <path d="M254 214L470 280V842L254 842Z" fill="${GOLD}" stroke="#e0a92a" stroke-width="8" stroke-linejoin="round"/>
  <circle cx="430" cy="560" r="22" fill="${BLUE_DARK}"/>
  <!-- The ticket: white, the number in red, a line of text under it, a notch each side as on a paper ticket. -->
  <g transform="rotate(-6 700 640)">
    <path d="M548 420h284a28 28 0 0 1 28 28v132a26 26 0 0 0 0 52v120a28 28 0 0 1-28 28H548a28 28 0 0 1-28-28V632a26 26 0 0 0 0-52V448a28 28 0 0 1 28-28z" fill="#fff" stroke="${BLUE_DARK}" stroke-width="14" stroke-linejoin="round"/>
    <!-- "1": the queue number. -->
    <path d="M668 462h54v190h40v40H626v-40h42V536l-38 14v-44z" fill="${RED}"/>
    <rect x="580" y="728" width="220" height="18" rx="9" fill="#9aa6b2"/>
  </g>
</svg>`;
}

const ICO_SIZES = [256, 128, 64, 48, 32, 16] as const;

/** A Windows .ico of PNG images (supported since Windows Vista): header, directory, the images. */
export function icoOf(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2);
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function render(outDir: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const shoot = async (size: number) => {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${appIconSvg().replace('width="1024" height="1024"', `width="${size}" height="${size}"`)}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      return png;
    };
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'icon.png'), await shoot(1024));
    const images = [];
    for (const size of ICO_SIZES) images.push({ size, png: await shoot(size) });
    fs.writeFileSync(path.join(outDir, 'icon.ico'), icoOf(images));
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const out = path.resolve('resources/build');
  await render(out);
  console.log(`motcua: wrote ${path.join(out, 'icon.png')} and icon.ico`);
}
