/** Runs axe-core inside Chromium on pages built by Clarion and returns the violations. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { findChromium } from '../../src/outputs/pdf/find-chromium.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  page: string;
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function axeCheck(files: readonly string[]): Promise<AxeViolation[]> {
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const violations: AxeViolation[] = [];
  try {
    for (const file of files) {
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
  } finally {
    await browser.close();
  }
  return violations;
}
