/** Runs axe-core inside Chromium on pages built by Clarion and returns the violations. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { findChromium, headlessMode } from '../../src/print/find-chromium.ts';
import { chromiumArgs } from '../../src/print/launch-chromium.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  page: string;
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Checks each page at a desktop and a phone width, `parallel` pages at a time. */
export async function axeCheck(files: readonly string[], parallel = 2): Promise<AxeViolation[]> {
  const executablePath = findChromium();
  // The printer's own command line: the pages are checked as Clarion's Chromium renders them.
  const browser = await puppeteer.launch({ executablePath, headless: headlessMode(executablePath), args: [...chromiumArgs] });
  const violations: AxeViolation[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const page = await browser.newPage();
      try {
        for (const width of [1200, 390]) {
          await page.setViewport({ width, height: 900 });
          await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
          await page.evaluate(axeSource);
          const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }))) as {
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          };
          for (const v of result.violations) {
            violations.push({ page: `${file} @${width}px`, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.flatMap((n) => n.target) });
          }
        }
      } finally {
        await page.close();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  } finally {
    await browser.close();
  }
  // In the order of the files, whatever order the pages finished in.
  const order = new Map(files.map((f, i) => [f, i]));
  return violations.sort((a, b) => order.get(a.page.replace(/ @\d+px$/, ''))! - order.get(b.page.replace(/ @\d+px$/, ''))!);
}
