/**
 * The browser tier's one Chromium (tiers/browser.ts), in a browser context of the test file's
 * own; a file run outside the tier's setup launches a Chromium of its own instead.
 */
import puppeteer, { type BrowserContext } from 'puppeteer';
import { inject } from 'vitest';
import { findChromium, headlessMode } from '../../src/print/find-chromium.ts';
import { testChromiumArgs } from './tiers/browser.ts';

export interface SharedChromium {
  context: BrowserContext;
  /** Closes the context (and the browser, if it is the file's own). */
  release(): Promise<void>;
}

export async function sharedChromium(): Promise<SharedChromium> {
  const endpoint = inject('chromium');
  if (endpoint) {
    const browser = await puppeteer.connect({ browserWSEndpoint: endpoint });
    const context = await browser.createBrowserContext();
    return {
      context,
      async release() {
        await context.close();
        await browser.disconnect();
      },
    };
  }
  const executablePath = findChromium();
  const browser = await puppeteer.launch({ executablePath, headless: headlessMode(executablePath), args: testChromiumArgs() });
  return { context: browser.defaultBrowserContext(), release: () => browser.close() };
}
