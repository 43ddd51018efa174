/**
 * Prints real HTML with the machine's Chromium and reads the PDFs back. All browser tests live in
 * this one file so that no more than one Chromium-heavy file runs at a time. Where a test reads the
 * document information or compares bytes, the PDF format stamps it (printPdf): Chromium's own
 * PDF carries the clock.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf, type PdfJob } from '../../src/formats/pdf/print-pdf.ts';
import type { PdfMetadata } from '../../src/formats/pdf/stamp-metadata.ts';
import { stampMetadata } from '../../src/formats/pdf/stamp-metadata.ts';
import { findChromium, headlessMode } from '../../src/print/find-chromium.ts';
import { closeChromium, launchChromium } from '../../src/print/launch-chromium.ts';
import { openPage, showDocument, type PooledPage } from '../../src/print/page-pool.ts';
import { PrintError } from '../../src/print/print-error.ts';
import { launchPrinter, type BrowserPrinter, type Printer } from '../../src/print/printer.ts';
import { CLOCK_TICKS, rendererTicks } from '../support/processes.ts';
import { readPdf } from '../support/read-pdf.ts';
import { waitFor } from '../support/wait.ts';

const require = createRequire(import.meta.url);
const fontFile = require.resolve('@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2');

const metadata: PdfMetadata = {
  title: 'Release the detained defenders',
  author: 'Example Rights Watch',
  subject: 'Press release',
  keywords: ['human rights', 'detention'],
  lang: 'en-GB',
  creator: 'Clarion 0.1.0',
  producer: 'Clarion',
  date: new Date('2026-01-02T03:04:05Z'),
};

let dir: string;
let printer: BrowserPrinter;
/** Process id of the shared printer's browser. */
let printerBrowser: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-printer-test-'));
  await mkdir(path.join(dir, 'site'));
  await copyFile(fontFile, path.join(dir, 'site', 'serif.woff2'));
  await writeFile(path.join(dir, 'secret.txt'), 'outside the allowed folder');
  const before = chromiumProcesses();
  printer = await launchPrinter({ concurrency: 2 });
  [printerBrowser] = newBrowsers(before) as [number];
});

afterAll(async () => {
  await printer?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Writes a print HTML into the allowed folder and returns a job for it. */
async function fixture(name: string, body: string, options: { page?: string; job?: Partial<PdfJob> } = {}): Promise<PdfJob> {
  const htmlFile = path.join(dir, 'site', `${name}.html`);
  await writeFile(
    htmlFile,
    `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Chromium would use this title</title>
<style>
  @font-face { font-family: "Fixture Serif"; src: url("serif.woff2") format("woff2"); }
  @page { ${options.page ?? 'margin: 20mm;'} }
  body { font-family: "Fixture Serif"; font-size: 12pt; }
</style></head>
<body>${body}</body></html>`,
  );
  return { label: `statements/${name}.md`, htmlFile, allowedRoots: [path.join(dir, 'site')], paper: 'A4', metadata, ...options.job };
}

const release = `
  <h1>Release the detained defenders</h1>
  <p>GENEVA — Seven human rights defenders remain in detention.</p>
  <h2>Background</h2>
  <p>They were arrested in March.</p>`;

describe('printing', () => {
  it('prints the text in the bundled font, tagged, with an outline and the metadata given', async () => {
    const { pdf, warnings } = await printPdf(printer, await fixture('release', release));
    const read = await readPdf(pdf);

    expect(warnings).toEqual([]);
    expect(read.text).toContain('Seven human rights defenders remain in detention');
    expect(read.text).toContain('Background');
    expect(read.pages).toHaveLength(1);
    expect(read.info).toMatchObject({
      Title: metadata.title,
      Author: metadata.author,
      Subject: 'Press release',
      Keywords: 'human rights, detention',
      Creator: 'Clarion 0.1.0',
      Producer: 'Clarion',
      CreationDate: 'D:20260102030405Z',
      ModDate: 'D:20260102030405Z',
    });
    expect(read.lang).toBe('en-GB');
    expect(read.outline.map((entry) => entry.title)).toEqual(['Release the detained defenders', 'Background']);
    expect(read.tagged).toBe(true);
    expect(read.fontsEmbedded).toBe(true);
    // Had the @font-face failed to load, Chromium would have embedded a system fallback font.
    expect(baseFonts(pdf)).toEqual(['SourceSerif4-Regular']);
  });

  it('takes the paper size from the job unless the CSS @page rule sets one', async () => {
    const a4 = await readPdf((await printer.print(await fixture('a4', release))).pdf);
    const letter = await readPdf((await printer.print(await fixture('letter', release, { job: { paper: 'Letter' } }))).pdf);
    const cssLetter = await readPdf((await printer.print(await fixture('css-letter', release, { page: 'size: letter; margin: 1in;' }))).pdf);

    // Chromium rounds page sizes to whole CSS pixels: within a point of the paper's size.
    const size = (page: { width: number; height: number } | undefined) => page && [Math.round(page.width), Math.round(page.height)];
    expect(size(a4.pages[0])).toSatisfy(([width, height]: number[]) => Math.abs(width! - 595) <= 1 && Math.abs(height! - 842) <= 1);
    expect(size(letter.pages[0])).toEqual([612, 792]);
    expect(size(cssLetter.pages[0])).toEqual([612, 792]);
  });

  it('gives the same bytes for the same input, across prints and across printers', async () => {
    const job = await fixture('twice', release);
    const first = await printPdf(printer, job);
    const second = await printPdf(printer, job);
    const other = await launchPrinter({ concurrency: 1 });
    let third: Uint8Array;
    try {
      third = (await printPdf(other, job)).pdf;
    } finally {
      await other.close();
    }
    expect(Buffer.compare(first.pdf, second.pdf)).toBe(0);
    expect(Buffer.compare(first.pdf, third)).toBe(0);
  });

  it('writes a staged document only for a page that must load it; a page showing its folder takes the text in place', async () => {
    await mkdir(path.join(dir, 'staged'), { recursive: true });
    const writes: string[] = [];
    const staged = (name: string): PdfJob => {
      const htmlFile = path.join(dir, 'staged', `${name}.html`);
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body><p>Staged ${name}</p></body></html>`;
      const write = async () => void (writes.push(name), await writeFile(htmlFile, html));
      return { label: `statements/${name}.md`, htmlFile, staged: { html, write }, allowedRoots: [path.join(dir, 'staged')], paper: 'A4', metadata };
    };
    // No page shows the folder yet: the first is written and loaded; the next, printed on the
    // page it leaves, is taken in place.
    const first = await printer.print(staged('first'));
    const second = await printer.print(staged('second'));
    expect(writes).toEqual(['first']);
    expect(readdirSync(path.join(dir, 'staged'))).toEqual(['first.html']);
    expect((await readPdf(first.pdf)).text.trim()).toBe('Staged first');
    expect((await readPdf(second.pdf)).text.trim()).toBe('Staged second');
    // Written where the job may not load from, it is refused once written, before it loads.
    await mkdir(path.join(dir, 'staged-elsewhere'), { recursive: true });
    const elsewhere = { ...staged('third'), htmlFile: path.join(dir, 'staged-elsewhere', 'third.html') };
    elsewhere.staged = { html: elsewhere.staged!.html, write: () => writeFile(elsewhere.htmlFile, elsewhere.staged!.html) };
    await expect(printer.print(elsewhere)).rejects.toThrow(/cannot print .*third\.html: outside the folders allowed when printing/);
  });

  it('prints on pages that draw no frames (in the headless shell), to the same bytes as on a page that draws them', async () => {
    const job = await fixture('frameless', release);
    const chromium = await launchChromium(findChromium());
    try {
      const print = async (pooled: PooledPage) => {
        pooled.job = { roots: job.allowedRoots, warnings: new Set() };
        await showDocument(pooled, pathToFileURL(job.htmlFile).href);
        return stampMetadata(await pooled.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, waitForFonts: true }), metadata);
      };
      const framed = await print(await openPage(chromium.browser));
      const frameless = await openPage(chromium.browser, chromium.frameless);
      expect(frameless.page.url()).toMatch(headlessMode(findChromium()) === 'shell' ? /^about:blank#print-\d+$/ : /^about:blank$/);
      expect(Buffer.compare(await print(frameless), framed)).toBe(0);
    } finally {
      await closeChromium(chromium);
    }
  });

  it.runIf(headlessMode(findChromium()) === 'shell')('stops opening a page that draws no frames as soon as Chromium goes, whatever the wait for it', async () => {
    const chromium = await launchChromium(findChromium());
    try {
      const { browser } = chromium;
      // The page asked for never shows up, as when Chromium dies at that moment, and no timer ends the wait.
      browser.waitForTarget = () => new Promise(() => {});
      const control = {
        send: async () => {
          browser.process()!.kill('SIGKILL');
          return {};
        },
      } as unknown as CDPSession;
      await expect(openPage(browser, control)).rejects.toThrow();
      expect(browser.connected).toBe(false);
    } finally {
      await closeChromium(chromium);
    }
  });

  it('prints several jobs at once', async () => {
    const jobs = await Promise.all([1, 2, 3, 4].map((n) => fixture(`many-${n}`, `<p>Statement number ${n}</p>`)));
    const results = await Promise.all(jobs.map((job) => printer.print(job)));
    const texts = await Promise.all(results.map(async (result) => (await readPdf(result.pdf)).text));
    expect(texts.map((text) => text.trim())).toEqual(['Statement number 1', 'Statement number 2', 'Statement number 3', 'Statement number 4']);
  });

  it('takes a screenshot beside the prints: it does not wait behind the prints queued before it', async () => {
    const jobs = await Promise.all(Array.from({ length: 12 }, (_, i) => fixture(`queued-${i + 1}`, `${release}<p>Queued print ${i + 1}</p>`)));
    const card = await fixture('queued-card', '<p>A share card</p>');
    // A page for screenshots of that size, as a build has after its first card.
    await printer.screenshot({ ...card, width: 320, height: 200 });
    const finished: string[] = [];
    const prints = jobs.map((job, i) => printer.print(job).then(() => finished.push(`print ${i + 1}`)));
    const shot = printer.screenshot({ ...card, width: 320, height: 200 }).then(() => finished.push('screenshot'));
    await Promise.all([...prints, shot]);
    // Two pages print at once (the printer's concurrency): twelve prints take six rounds, the
    // screenshot one capture. Queued behind them, it would finish last.
    expect(finished.indexOf('screenshot')).toBeLessThan(finished.indexOf('print 12'));
    expect(finished.filter((f) => f.startsWith('print'))).toHaveLength(12);
  });
});

describe('what a page may load', () => {
  it('blocks a remote image with a warning and still prints promptly', async () => {
    const job = await fixture('remote', `<p>Before the image.</p><img src="https://example.com/x.png" alt="a photo"><p>After.</p>`);
    const started = performance.now();
    const { pdf, warnings } = await printer.print(job);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(warnings).toEqual(['blocked request to https://example.com/x.png (only local files may load when printing)']);
    expect((await readPdf(pdf)).text).toContain('After.');
  });

  it('runs no JavaScript', async () => {
    const job = await fixture('script', `<p id="p">Written in HTML.</p><script>document.getElementById('p').textContent = 'Rewritten by a script.';</script>`);
    const { pdf } = await printer.print(job);
    expect((await readPdf(pdf)).text).toContain('Written in HTML.');
  });

  it('blocks files outside the allowed folders, whether reached by .. or by a symlink', async () => {
    await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'site', 'link.txt'));
    const job = await fixture('escape', `<p>Text.</p><iframe src="../secret.txt"></iframe><iframe src="link.txt"></iframe>`);
    const { pdf, warnings } = await printer.print(job);
    expect(warnings).toEqual([
      `blocked request to file://${dir}/secret.txt (outside the folders allowed when printing)`,
      `blocked request to file://${dir}/site/link.txt (outside the folders allowed when printing)`,
    ]);
    expect((await readPdf(pdf)).text).not.toContain('outside the allowed folder');
  });

  it('keeps the same rules for a document swapped into a page that printed one from the same folder', async () => {
    // One page: every document after the first is put in place of the one before, without a navigation.
    const single = await launchPrinter({ concurrency: 1 });
    try {
      const first = await single.print(await fixture('swap-first', `<p>The first document.</p><img src="https://example.com/a.png" alt="">`));
      const script = await single.print(await fixture('swap-script', `<p id="p">Written in HTML.</p><script>document.getElementById('p').textContent = 'Rewritten by a script.';</script>`));
      const remote = await printPdf(single, await fixture('swap-remote', `<p>Second.</p><img src="https://example.com/b.png" alt=""><iframe src="../secret.txt"></iframe>`));
      expect(first.warnings).toEqual(['blocked request to https://example.com/a.png (only local files may load when printing)']);
      expect((await readPdf(script.pdf)).text.trim()).toBe('Written in HTML.');
      expect(remote.warnings).toEqual([
        `blocked request to file://${dir}/secret.txt (outside the folders allowed when printing)`,
        'blocked request to https://example.com/b.png (only local files may load when printing)',
      ]);
      expect((await readPdf(remote.pdf)).text).not.toContain('first document');
      // The same bytes as a document loaded by a navigation in another browser.
      const fresh = await launchPrinter({ concurrency: 1 });
      try {
        expect(Buffer.compare((await printPdf(fresh, await fixture('swap-remote', `<p>Second.</p><img src="https://example.com/b.png" alt=""><iframe src="../secret.txt"></iframe>`))).pdf, remote.pdf)).toBe(0);
      } finally {
        await fresh.close();
      }
    } finally {
      await single.close();
    }
  });

  it('refuses an HTML file outside the allowed folders', async () => {
    const job = await fixture('misplaced', release, { job: { allowedRoots: [path.join(dir, 'elsewhere')] } });
    await expect(printer.print(job)).rejects.toThrow(PrintError);
  });
});

describe('failures', () => {
  it('fails a job that runs out of time with a PrintError, and the next job still prints', async () => {
    const slow = await fixture('slow', release, { job: { timeoutMs: 1 } });
    const error = await printer.print(slow).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as PrintError).message).toBe('statements/slow.md did not finish printing in 1 ms');
    expect((error as PrintError).label).toBe('statements/slow.md');

    const { pdf } = await printer.print(await fixture('after-slow', release));
    expect((await readPdf(pdf)).text).toContain('Background');
  });

  it('relaunches Chromium when it crashes during a job, and prints the job again', async () => {
    const before = chromiumProcesses();
    const crashy = await launchPrinter({ concurrency: 1 });
    try {
      const [browser] = newBrowsers(before);
      expect(browser).toBeDefined();
      const { pdf } = await killDuringPrint(crashy, browser!, () => [browser!]);
      expect((await readPdf(pdf)).pages.length).toBeGreaterThan(10);
      expect(chromiumProcesses().has(browser!)).toBe(false);
      expect(newBrowsers(before)).toHaveLength(1);
    } finally {
      await crashy.close();
    }
    expect(newBrowsers(before)).toEqual([]);
  });

  it('prints the job again when its page crashes', async () => {
    // Which renderer holds the job's page cannot be told from outside: kill them all.
    const renderers = () => [...chromiumProcesses(printerBrowser)].filter((pid) => cmdline(pid).includes('--type=renderer'));
    const { pdf } = await killDuringPrint(printer, printerBrowser, renderers);
    expect((await readPdf(pdf)).pages.length).toBeGreaterThan(10);
  });

  it('leaves no Chromium process behind after close()', async () => {
    const before = chromiumProcesses();
    const closing = await launchPrinter({ concurrency: 1 });
    await closing.print(await fixture('closing', release));
    const [browser] = newBrowsers(before);
    const started = [browser!, ...chromiumProcesses(browser)];
    expect(started.length).toBeGreaterThan(3);
    await closing.close();
    const alive = chromiumProcesses();
    expect(started.filter((pid) => alive.has(pid))).toEqual([]);
    await expect(closing.print(await fixture('closed', release))).rejects.toThrow('the printer was closed');
  });
});

/**
 * Prints a long document and kills processes while Chromium is at work on it. A renderer that dies
 * in the few milliseconds before the printer starts watching its page is noticed only at the job's
 * deadline, so the kill waits until the page is surely loading: until the renderers of `browser`
 * have spent a third of a second of processor time since the job began, more than opening a page
 * takes, and only the document can give them that much work.
 */
async function killDuringPrint(on: Printer, browser: number, victims: () => number[]) {
  const long = await fixture('long', `<h1>Long</h1>${'<p>A paragraph of a long statement. </p>'.repeat(4000)}`);
  const before = rendererTicks(browser);
  let settled = false;
  const printing = on.print(long).finally(() => (settled = true));
  await waitFor(() => rendererTicks(browser) - before >= CLOCK_TICKS / 3 || settled, { timeoutMs: 30_000, what: 'the renderers to work on the document' });
  expect(settled, 'the job finished before the kill: make the document longer').toBe(false);
  const pids = victims();
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return printing;
}

function cmdline(pid: number): string {
  return readFileSyncSafe(`/proc/${pid}/cmdline`)?.replaceAll('\0', ' ') ?? '';
}

/** PostScript names of the fonts in the file, without subset prefixes. */
function baseFonts(pdf: Uint8Array): string[] {
  const names = Buffer.from(pdf)
    .toString('latin1')
    .matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g);
  return [...new Set([...names].map((match) => match[1]!))];
}

/** Live (not zombie) Chromium processes descended from `ancestor`. */
function chromiumProcesses(ancestor = process.pid): Set<number> {
  const parents = new Map<number, number>();
  const live = new Set<number>();
  for (const entry of readdirSyncSafe('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readFileSyncSafe(`/proc/${pid}/stat`);
    if (!stat) continue;
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(pid, Number(ppid));
    if (state !== 'Z' && /chrom/.test(readlinkSyncSafe(`/proc/${pid}/exe`))) live.add(pid);
  }
  const descends = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === ancestor) return true;
    return false;
  };
  return new Set([...live].filter(descends));
}

/** Browser processes (children of this process) that were not running before. */
function newBrowsers(before: Set<number>): number[] {
  return [...chromiumProcesses()].filter((pid) => !before.has(pid) && parentOf(pid) === process.pid);
}

function parentOf(pid: number): number | undefined {
  const stat = readFileSyncSafe(`/proc/${pid}/stat`);
  return stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : undefined;
}

function readdirSyncSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function readFileSyncSafe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readlinkSyncSafe(link: string): string {
  try {
    return readlinkSync(link);
  } catch {
    return '';
  }
}
