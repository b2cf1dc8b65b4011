import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';

/**
 * What a phone's camera reads from a QR as the screen shows it: the element's pixels as Chromium
 * painted them (a screenshot, decoded back to pixels in the page), read by an independent decoder.
 */
export async function readQrOnScreen(el: Locator): Promise<string | null> {
  const png = (await el.screenshot()).toString('base64');
  const { width, height, data } = await el.page().evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d canvas');
    g.drawImage(img, 0, 0);
    return { width: canvas.width, height: canvas.height, data: Array.from(g.getImageData(0, 0, canvas.width, canvas.height).data) };
  }, png);
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}
