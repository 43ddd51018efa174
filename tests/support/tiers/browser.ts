/**
 * Global setup of the browser tier: one Chromium for the whole run, for the tests that drive pages
 * themselves (axe-core, the preview), launched with Clarion's own command line so that pages are
 * checked as Clarion's Chromium renders them. Tests reach it with sharedChromium()
 * (tests/support/chromium.ts). Builds and the printer tests launch their own: that is what they test.
 */
import puppeteer from 'puppeteer';
import type { TestProject } from 'vitest/node';
import { findChromium, headlessMode } from '../../../src/print/find-chromium.ts';
import { chromiumArgs } from '../../../src/print/launch-chromium.ts';

/**
 * Clarion's command line, but for one thing: Clarion's Chromium resolves no host at all; the tests'
 * may reach 127.0.0.1, where the preview serves.
 */
export function testChromiumArgs(): string[] {
  return chromiumArgs.map((arg) => (arg.startsWith('--host-resolver-rules=') ? `${arg}, EXCLUDE 127.0.0.1` : arg));
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The WebSocket endpoint of the browser tier's Chromium. */
    chromium: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = findChromium();
  const browser = await puppeteer.launch({ executablePath, headless: headlessMode(executablePath), args: testChromiumArgs() });
  project.provide('chromium', browser.wsEndpoint());
  return () => browser.close();
}
