/** Runs axe-core inside Chromium on web pages and returns the violations. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'puppeteer';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  page: string;
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/**
 * Checks a page (a URL) at each width, in frames too (the proof page shows the statement page in
 * an iframe): axe-core is loaded into every frame before it runs. The page is loaded once, at the
 * first width; for each other width the viewport is resized, the page laid out again at that width
 * (the style sheets' media queries with it) before axe-core runs.
 */
export async function axeCheck(context: BrowserContext, url: string, widths: readonly number[] = [1200, 390]): Promise<AxeViolation[]> {
  const page = await context.newPage();
  const violations: AxeViolation[] = [];
  try {
    for (const [i, width] of widths.entries()) {
      await page.setViewport({ width, height: 900 });
      if (i === 0) {
        await page.goto(url, { waitUntil: 'load' });
        for (const frame of page.frames()) await frame.evaluate(axeSource);
      }
      // Laid out at this width: the root's width is the viewport's (in every frame's own terms).
      await page.waitForFunction(`document.documentElement.clientWidth <= ${width}`);
      const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }))) as AxeResult;
      for (const v of result.violations) violations.push({ page: `${url} @${width}px`, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.flatMap((n) => n.target) });
    }
  } finally {
    await page.close();
  }
  return violations;
}
