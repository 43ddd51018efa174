/**
 * Share cards through the real printer: screenshots of card.hbs at 1200 × 630, byte for byte the
 * same across renders and browser launches, Urdu set in Nastaliq right to left, and the Urdu PDF
 * with the language's font stack. All the browser work of tests/i18n is in this one file, one
 * Chromium at a time.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../src/formats/pdf/print-pdf.ts';
import type { PdfMetadata } from '../../src/formats/pdf/stamp-metadata.ts';
import { findChromium, headlessMode } from '../../src/print/find-chromium.ts';
import { closeChromium, launchChromium } from '../../src/print/launch-chromium.ts';
import { openPage, showDocument, type PooledPage } from '../../src/print/page-pool.ts';
import { PrintError } from '../../src/print/print-error.ts';
import { launchPrinter, type BrowserPrinter } from '../../src/print/printer.ts';
import { captureTask } from '../../src/print/take-screenshot.ts';
import { nuCheck } from '../support/nu-check.ts';
import { fontNames, readPdf } from '../support/read-pdf.ts';
import { englishSource, urduSource, writeCard, writePrint } from './render-card.ts';

const WIDTH = 1200;
const HEIGHT = 630;
const ACCENT = [0x1f, 0x4e, 0x79];

/** Width, height, bit depth and colour type from the IHDR chunk, and the chunk types in order. */
function pngHeader(png: Uint8Array): { width: number; height: number; depth: number; colorType: number; chunks: string[] } {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: string[] = [];
  for (let o = 8; o < b.length; o += 12 + b.readUInt32BE(o)) chunks.push(b.toString('latin1', o + 4, o + 8));
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), depth: b[24]!, colorType: b[25]!, chunks: [...new Set(chunks)] };
}

/** A screenshot decoded (once: the same screenshot is looked at several times). */
const decoded = new WeakMap<Uint8Array, PNG>();
function decode(png: Uint8Array): PNG {
  let image = decoded.get(png);
  if (!image) decoded.set(png, (image = PNG.sync.read(Buffer.from(png))));
  return image;
}

/** Pixels of a region that are not the white background. */
function inked(png: Uint8Array, region = { x: 0, y: 0, width: WIDTH, height: HEIGHT }): number {
  const image = decode(png);
  let count = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! < 250 || image.data[i + 1]! < 250 || image.data[i + 2]! < 250) count++;
    }
  }
  return count;
}

function pixel(png: Uint8Array, x: number, y: number): number[] {
  const image = decode(png);
  const i = (y * image.width + x) * 4;
  return [...image.data.subarray(i, i + 3)];
}


const metadata: PdfMetadata = { title: 'Card', author: 'Clarion tests', lang: 'ur', creator: 'Clarion test', date: new Date('2023-11-27T00:00:00Z') };

let dir: string;
let printer: BrowserPrinter | undefined;
let ur: { htmlFile: string; html: string };
let en: { htmlFile: string; html: string };
/** The shared printer, launched by the first test that needs it (so any test can run alone). */
async function live(): Promise<BrowserPrinter> {
  printer ??= await launchPrinter({ concurrency: 2 });
  return printer;
}
const shot = async (htmlFile: string, p?: BrowserPrinter) => (p ?? (await live())).screenshot({ label: path.basename(htmlFile), htmlFile, allowedRoots: [dir], width: WIDTH, height: HEIGHT });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-card-test-'));
  ur = await writeCard(dir, 'statements/ahmadi-mosques-desecrated-ur.md', urduSource());
  en = await writeCard(dir, 'statements/ahmadi-mosques-desecrated/en.md', englishSource());
});

afterAll(async () => {
  await printer?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('card.hbs', () => {
  it('is valid HTML that sets the language, direction and font stack of the statement', async () => {
    expect(ur.html).toMatch(/^<!DOCTYPE html>\n<html lang="ur" dir="rtl" style="--font-stack: &#x27;Noto Nastaliq Urdu&#x27;, &#x27;Source Serif 4&#x27;, serif; --line-height: 2.2; --heading-line-height: 1.9">/);
    expect(en.html).toMatch(/^<!DOCTYPE html>\n<html lang="en" dir="ltr" style="--font-stack: &#x27;Source Serif 4&#x27;, serif">/);
    expect(ur.html).toContain('<h1>احمدیوں کے خلاف تشدد جاری، 2023ء میں چالیسویں مسجد کی بے\u200cحرمتی</h1>');
    expect(ur.html).toContain('<time datetime="2023-11-27">27 نومبر، 2023</time><span class="location">ربوہ، پاکستان</span>');
    expect(ur.html).toContain('<span class="org-name">Ahmadiyya Muslim Community — Press &amp; Media</span>');
    expect(await nuCheck([ur.htmlFile, en.htmlFile])).toEqual([]);
  });
});

describe('screenshots', () => {
  let first: Uint8Array;
  let urdu: Uint8Array;

  it('are PNGs of exactly 1200 × 630 pixels', async () => {
    const { png, warnings } = await shot(en.htmlFile);
    expect(warnings).toEqual([]);
    expect(pngHeader(png)).toEqual({ width: WIDTH, height: HEIGHT, depth: 8, colorType: 2, chunks: ['IHDR', 'IDAT', 'IEND'] });
    const decoded = PNG.sync.read(Buffer.from(png));
    expect([decoded.width, decoded.height]).toEqual([WIDTH, HEIGHT]);
    first = png;
  });

  it('set an Urdu card right to left in Nastaliq: ink where the headline is, the accent bar on the right', async () => {
    const { png, warnings } = await shot(ur.htmlFile);
    expect(warnings).toEqual([]);
    urdu = png;
    // The headline block (between the organisation's name and the date) carries thousands of dark pixels.
    const headline = inked(png, { x: 100, y: 150, width: 1000, height: 300 });
    expect(headline).toBeGreaterThan(5_000);
    // Right to left: the accent bar (border-inline-start) is on the right, the left edge is background.
    expect(pixel(png, WIDTH - 5, 300)).toEqual(ACCENT);
    expect(pixel(png, 5, 300)).toEqual([255, 255, 255]);
    // Left to right, the other way round.
    expect(pixel(first, 5, 300)).toEqual(ACCENT);
    expect(pixel(first, WIDTH - 5, 300)).toEqual([255, 255, 255]);
    // The Urdu text starts at the right: more ink in the right half of the headline than in the left.
    expect(inked(png, { x: 600, y: 150, width: 500, height: 300 })).toBeGreaterThan(inked(png, { x: 100, y: 150, width: 500, height: 300 }));
  });

  it('set the Urdu card in the bundled Nastaliq font, with no font from the machine', async () => {
    const { pdf } = await printPdf(await live(), { label: 'card', htmlFile: ur.htmlFile, allowedRoots: [dir], paper: 'A4', metadata });
    // ClarionTextLayer: the invisible text layer's own font (src/formats/pdf/layer-font.ts), embedded.
    expect(await fontNames(pdf)).toEqual(['ClarionTextLayer', 'NotoNastaliqUrdu-Bold', 'NotoNastaliqUrdu-Regular', 'SourceSerif4-Bold', 'SourceSerif4-Regular']);
    // Without the font stack, the same card is drawn differently.
    const plain = path.join(path.dirname(ur.htmlFile), 'card-plain.html');
    await writeFile(plain, ur.html.replace(/ style="[^"]*"/, ''));
    expect(Buffer.from((await shot(plain)).png)).not.toEqual(Buffer.from(urdu));
  });

  it('are the same bytes across renders, at once or one after the other', async () => {
    const again = await Promise.all([shot(en.htmlFile), shot(ur.htmlFile), shot(en.htmlFile)]);
    expect(Buffer.from(again[0]!.png)).toEqual(Buffer.from(first));
    expect(Buffer.from(again[1]!.png)).toEqual(Buffer.from(urdu));
    expect(Buffer.from(again[2]!.png)).toEqual(Buffer.from(first));
  });

  it('are the same bytes across two printer launches', async () => {
    await printer?.close();
    printer = undefined;
    for (let launch = 0; launch < 2; launch++) {
      const other = await launchPrinter({ concurrency: 1 });
      try {
        expect(Buffer.from((await shot(ur.htmlFile, other)).png)).toEqual(Buffer.from(urdu));
        expect(Buffer.from((await shot(en.htmlFile, other)).png)).toEqual(Buffer.from(first));
      } finally {
        await other.close();
      }
    }
  });

  it('are the same bytes from a page that draws its own frames and from one asked for a frame (the headless shell)', async () => {
    const chromium = await launchChromium(findChromium());
    try {
      const capture = async (pooled: PooledPage, htmlFile: string) => {
        const task = captureTask(path.basename(htmlFile), WIDTH, HEIGHT);
        pooled.job = { roots: [dir], warnings: new Set() };
        await task.prepare!(pooled.page, pooled);
        await showDocument(pooled, pathToFileURL(htmlFile).href);
        return Buffer.from(await task.run(pooled.page, pooled));
      };
      const framed = await openPage(chromium.browser);
      const asked = await openPage(chromium.browser, chromium.frameless);
      expect(framed.frames).toBeUndefined();
      expect(asked.frames !== undefined).toBe(headlessMode(findChromium()) === 'shell');
      for (const [card, expected] of [[ur, urdu], [en, first]] as const) {
        expect(await capture(framed, card.htmlFile)).toEqual(Buffer.from(expected));
        expect(await capture(asked, card.htmlFile)).toEqual(Buffer.from(expected));
      }
    } finally {
      await closeChromium(chromium);
    }
  });

  it('give their page back to the pool: a PDF printed on it afterwards is the same bytes as before', async () => {
    // One page in the pool: print, screenshot, print again on the same page.
    await printer?.close();
    printer = await launchPrinter({ concurrency: 1 });
    const job = { label: 'card', htmlFile: en.htmlFile, allowedRoots: [dir], paper: 'A4' as const, metadata };
    const before = await printPdf(printer, job);
    await shot(ur.htmlFile);
    const after = await printPdf(printer, job);
    expect(Buffer.from(after.pdf)).toEqual(Buffer.from(before.pdf));
    const page = (await readPdf(after.pdf)).pages[0]!;
    expect([page.width, page.height].map(Math.round)).toEqual([596, 842]);
  });
});

describe('what a screenshot may load', () => {
  it('runs no JavaScript and blocks remote requests with a warning', async () => {
    const file = path.join(dir, 'hostile', 'card.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title><style>html,body{margin:0;background:#fff}</style></head>
<body><img src="https://tracker.example/pixel.png" alt="" width="10" height="10">
<script>document.body.style.background = 'rgb(255, 0, 0)';</script></body></html>`,
    );
    const { png, warnings } = await shot(file);
    expect(warnings).toEqual(['blocked request to https://tracker.example/pixel.png (only local files may load when printing)']);
    expect(pixel(png, 600, 300)).toEqual([255, 255, 255]);
  });

  it('refuses a file outside the allowed folders, and a size that is not whole pixels', async () => {
    const outside = path.join(os.tmpdir(), 'clarion-not-allowed.html');
    await expect((await live()).screenshot({ label: 'x', htmlFile: outside, allowedRoots: [dir], width: WIDTH, height: HEIGHT })).rejects.toThrow(PrintError);
    await expect((await live()).screenshot({ label: 'x', htmlFile: ur.htmlFile, allowedRoots: [dir], width: 1200.5, height: HEIGHT })).rejects.toThrow('a screenshot is 1 to 8192 whole pixels wide and high, not 1200.5×630');
  });
});

describe('the Urdu PDF with the language’s custom properties', () => {
  it('embeds only bundled fonts: Nastaliq for the Urdu (body and footer alike), Source Serif 4 for the Latin citations', async () => {
    const { htmlFile } = await writePrint(dir, 'statements/ahmadi-mosques-desecrated-ur.md', urduSource());
    const { pdf, warnings } = await printPdf(await live(), { label: 'ur', htmlFile, allowedRoots: [dir], paper: 'A4', metadata });
    expect(warnings).toEqual([]);
    // Had the footer's margin box missed --font-stack, its Urdu would come from a machine font
    // (DejaVu Sans here) and show up in this list.
    // ClarionTextLayer: the invisible text layer's own font (src/formats/pdf/layer-font.ts), embedded.
    expect(await fontNames(pdf)).toEqual(['ClarionTextLayer', 'NotoNastaliqUrdu-Bold', 'NotoNastaliqUrdu-Regular', 'SourceSerif4-Bold', 'SourceSerif4-Regular']);
    const read = await readPdf(pdf);
    expect(read.fontsEmbedded).toBe(true);
    expect(read.pages.length).toBeGreaterThanOrEqual(2);
    expect(read.text).toContain('PLD 2014 SC 699');
    // pdf.js cannot map Nastaliq's ligatures back to text, so only the Latin is read back here.
  });
});
