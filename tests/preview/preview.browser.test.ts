/** The live preview, driven end to end in headless Chromium. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/preview-server.ts';
import { sharedChromium, type SharedChromium } from '../support/chromium.ts';
import { makeProject, statement } from '../support/project.ts';

describe('clarion preview', () => {
  let dir: string;
  let preview: Preview;
  let chromium: SharedChromium;
  /** The browser tier's one Chromium, in a context of this file's own. */
  let browser: BrowserContext;
  const source = () => path.join(dir, 'statements/a.md');
  const write = (title: string, date = '2023-11-27') => writeFile(source(), statement({ title, date, location: 'Geneva', summary: 'S.' }, 'First paragraph.'));

  beforeAll(async () => {
    dir = await makeProject({});
    await write('First headline');
    preview = await startPreview(dir, { paths: [], out: 'dist', strict: false, formats: ['html', 'text'], port: 0 });
    chromium = await sharedChromium();
    browser = chromium.context;
  });
  afterAll(async () => {
    await chromium?.release();
    await preview?.close();
  });

  it('serves on 127.0.0.1 only', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('reloads the page with the new headline when the statement is saved, and shows errors with their position until fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${preview.url}/a/index.html`);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('First headline');

    await write('Second headline');
    await page.waitForFunction(`document.querySelector('h1')?.textContent === 'Second headline'`, { timeout: 15_000 });

    await write('Second headline', '2023-02-30');
    await page.waitForSelector('#clarion-errors', { timeout: 15_000 });
    const panel = await page.$eval('#clarion-errors', (e) => e.textContent ?? '');
    expect(panel).toContain('statements/a.md:3:7 error "2023-02-30" is not a calendar date');
    // The last good outputs stay.
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Second headline');

    await write('Third headline');
    await page.waitForFunction(`document.querySelector('h1')?.textContent === 'Third headline' && !document.querySelector('#clarion-errors')`, { timeout: 15_000 });
    await page.close();
  });

  it('shows a proof page with the web page and the plain text side by side', async () => {
    await preview.settled();
    const page = await browser.newPage();
    await page.goto(`${preview.url}/__clarion/proof/a/`);
    expect(await page.$eval('iframe', (f) => f.getAttribute('src'))).toBe('/a/index.html');
    expect(await page.$eval('#plain-text', (p) => p.textContent)).toBe(await readFile(path.join(dir, 'dist/a/a.txt'), 'utf8'));
    await page.goto(`${preview.url}/__clarion/`);
    expect(await page.$$eval('li a', (links) => links.map((a) => a.getAttribute('href')))).toEqual(['/__clarion/proof/a/']);
    await page.close();
  });

  it('refuses paths outside the output folder', async () => {
    const response = await fetch(`${preview.url}/..%2F..%2Fstatements/a.md`);
    expect(response.status).toBe(400);
  });
});
