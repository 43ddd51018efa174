/** Statements in several languages, built end to end from the samples. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarion, listFiles, read } from '../support/project.ts';
import { samplesBuild } from '../support/shared-build.ts';

const SLUG = 'ahmadi-mosques-desecrated';
const WEBSITE = 'https://press.example.org/';
const parseHtml = (html: string) => unified().use(rehypeParse).parse(html) as Root;
/** Text without whitespace, bidi controls or joiners: what survives any PDF text extractor's spacing. */
const squash = (text: string) => text.normalize('NFC').replace(/[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');

describe('a statement in English and Urdu', () => {
  let dir: string;
  beforeAll(async () => {
    const result = await samplesBuild();
    dir = result.dir;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('keeps the default language at dist/<slug>/ and puts Urdu at dist/<slug>/ur/', async () => {
    const files = await listFiles(path.join(dir, 'dist', SLUG));
    expect(files).toEqual(expect.arrayContaining(['index.html', `${SLUG}.pdf`, `${SLUG}.txt`, 'ur/index.html', `ur/${SLUG}.pdf`, `ur/${SLUG}.txt`]));
  });

  it('gives the Urdu page lang, dir and the bundled Nastaliq font', async () => {
    const page = parseHtml(await read(dir, `dist/${SLUG}/ur/index.html`));
    const html = select('html', page)!;
    expect(html.properties.lang).toBe('ur');
    expect(html.properties.dir).toBe('rtl');
    expect(String(html.properties.style)).toContain('Noto Nastaliq Urdu');
    expect(toText(select('h1', page)!)).toBe('احمدیوں کے خلاف تشدد جاری، 2023ء میں چالیسویں مسجد کی بے‌حرمتی');
  });

  it('links every page to its other languages, and every link points at a file that exists', async () => {
    for (const page of [`${SLUG}/index.html`, `${SLUG}/ur/index.html`]) {
      const tree = parseHtml(await read(dir, `dist/${page}`));
      const alternates = selectAll('link[rel=alternate][hreflang]', tree).map((l): [string, string] => [String(l.properties.hrefLang), String(l.properties.href)]);
      expect(alternates.map(([lang]) => lang).sort()).toEqual(['en', 'ur']);
      for (const [, href] of alternates) {
        expect(href.startsWith(WEBSITE)).toBe(true);
        expect(existsSync(path.join(dir, 'dist', href.slice(WEBSITE.length), 'index.html'))).toBe(true);
      }
      const switcher = selectAll('nav.languages a', tree).map((a) => String(a.properties.href));
      expect(switcher).toHaveLength(1);
      for (const href of switcher) expect(existsSync(path.join(dir, 'dist', href.slice(WEBSITE.length), 'index.html'))).toBe(true);
    }
  });

  it('inherits the date from the English version and keeps its own title and text', async () => {
    const text = await read(dir, `dist/${SLUG}/ur/${SLUG}.txt`);
    expect(text).toContain('احمدیوں کے خلاف تشدد جاری');
    expect(text).toContain('PLD 2014 SC 699');
    expect(text).not.toContain('Violence against Ahmadis');
  });

  it('prints an Urdu PDF whose text holds the Urdu headline and body, in Nastaliq', async () => {
    const file = path.join(dir, 'dist', SLUG, 'ur', `${SLUG}.pdf`);
    const text = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    // Nastaliq stacks letters diagonally, and text extractors split a few of its words where the
    // glyphs overlap; most words must come back whole, in logical order.
    const source = 'احمدیوں کے خلاف تشدد جاری، 2023ء میں چالیسویں مسجد کی بے‌حرمتی جماعتِ احمدیہ مسلمہ نے ایک سرکاری بیان میں اس تشدد کی مذمت کی ہے جس کا نشانہ اس کے افراد حکومتِ پاکستان کی چشم پوشی کے سائے میں مسلسل بن رہے ہیں';
    const words = [...new Intl.Segmenter('ur', { granularity: 'word' }).segment(source)].filter((w) => w.isWordLike).map((w) => squash(w.segment));
    const whole = words.filter((w) => text.includes(w));
    expect(whole.length / words.length).toBeGreaterThan(0.8);
    expect(text).toContain(squash('احمدیوں کے خلاف'));
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoNastaliqUrdu/);
    // Every font embedded and subset, but the invisible text layer's own two-glyph font (src/formats/pdf/layer-font.ts).
    expect(fonts.split('\n').slice(2).filter((line) => line && !line.startsWith('ClarionTextLayer ')).every((line) => / yes yes /.test(line))).toBe(true);
  });

  it('makes a 1200×630 share card per language, referenced by Open Graph and Twitter tags, the same bytes on every build', async () => {
    for (const folder of [SLUG, `${SLUG}/ur`]) {
      const png = await readFile(path.join(dir, 'dist', folder, 'card.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      const page = parseHtml(await read(dir, `dist/${folder}/index.html`));
      expect(select('meta[property="og:image"]', page)!.properties.content).toBe(`${WEBSITE}${folder}/card.png`);
      expect(select('meta[name="twitter:card"]', page)!.properties.content).toBe('summary_large_image');
    }
    expect((await clarion(dir, 'build', '--formats', 'html,card', '--out', 'again')).code).toBe(0);
    for (const folder of [SLUG, `${SLUG}/ur`]) {
      expect(Buffer.compare(await readFile(path.join(dir, 'dist', folder, 'card.png')), await readFile(path.join(dir, 'again', folder, 'card.png')))).toBe(0);
    }
  });

  it("shows a thumbnail of each PDF's first page in the newsroom index, the same bytes on every build", async () => {
    const index = parseHtml(await read(dir, 'dist/index.html'));
    const thumbs = selectAll('.statements img', index).map((i) => String(i.properties.src));
    // A statement and its translation are one entry, in the default language, linking to the other.
    expect(thumbs.sort()).toEqual([`${SLUG}/thumbnail.png`, 'hrc55-ahmadiyya-places-of-worship/thumbnail.png']);
    expect(selectAll('.statements .languages a', index).map((a) => [String(a.properties.href), String(a.properties.lang)])).toEqual([[`${SLUG}/ur/`, 'ur']]);
    for (const src of thumbs) {
      const png = await readFile(path.join(dir, 'dist', src));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(240);
    }
    expect((await clarion(dir, 'build', '--formats', 'html,pdf,thumbnail', '--out', 'thumbs')).code).toBe(0);
    expect(Buffer.compare(await readFile(path.join(dir, 'dist', SLUG, 'ur/thumbnail.png')), await readFile(path.join(dir, 'thumbs', SLUG, 'ur/thumbnail.png')))).toBe(0);
  });

  it('writes Atom feeds that an independent parser reads: every language, and one per language', async () => {
    const all = parseFeed(await read(dir, 'dist/feed.xml'));
    expect(all.items.map((i) => i.url).sort()).toEqual([`${WEBSITE}${SLUG}/`, `${WEBSITE}${SLUG}/ur/`, `${WEBSITE}hrc55-ahmadiyya-places-of-worship/`]);
    const urdu = parseFeed(await read(dir, 'dist/feed-ur.xml'));
    expect(urdu.items.map((i) => i.title)).toEqual(['احمدیوں کے خلاف تشدد جاری، 2023ء میں چالیسویں مسجد کی بے‌حرمتی']);
    const sitemap = await read(dir, 'dist/sitemap.xml');
    expect(sitemap).toContain(`<loc>${WEBSITE}${SLUG}/ur/</loc>`);
    expect(sitemap).toContain(`hreflang="ur" href="${WEBSITE}${SLUG}/ur/"`);
  });
});
