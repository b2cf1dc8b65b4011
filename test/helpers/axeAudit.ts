import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** WCAG 2.0–2.2 A and AA, as #31 asks of every screen. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's serious and critical findings on the page as it is now, one line each (rule: first
 * targets). meta-viewport is left out: public touch screens turn pinch zoom off on purpose (a kiosk
 * must not be zoomed by a passer-by).
 */
export async function axeSerious(p: Page, tags: readonly string[] = WCAG_AA_TAGS): Promise<string[]> {
  const require = createRequire(import.meta.url);
  await p.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return p.evaluate(async (values) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values }, rules: { 'meta-viewport': { enabled: false } } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, [...tags]);
}
