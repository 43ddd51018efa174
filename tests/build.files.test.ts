import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../src/build/index.ts';
import { nuCheck } from './support/nu-check.ts';
import { clarion, listFiles, makeProject, read, repoRoot, statement } from './support/project.ts';

const parseHtml = (html: string) => unified().use(rehypeParse).parse(html) as Root;
const SLUG = 'ahmadi-mosques-desecrated';

describe('clarion build: the sample statement', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof clarion>>;
  beforeAll(async () => {
    dir = await makeProject({}, { samples: true });
    result = await clarion(dir, 'build', '--formats', 'html,text');
  });

  it('reports each statement and a summary line, and exits 0', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`statements/${SLUG}/en.md → dist/${SLUG}/index.html, dist/${SLUG}/${SLUG}.txt`);
    expect(lines[1]).toBe(`statements/${SLUG}/ur.md → dist/${SLUG}/ur/index.html, dist/${SLUG}/ur/${SLUG}.txt`);
    expect(lines[2]).toBe('statements/hrc55-ahmadiyya-places-of-worship.md → dist/hrc55-ahmadiyya-places-of-worship/index.html, dist/hrc55-ahmadiyya-places-of-worship/hrc55-ahmadiyya-places-of-worship.txt');
    expect(lines[3]).toBe('statements/hrc55-ahmadiyya-places-of-worship.md 457 of 2,000 words (hrc-written-statement, general status)');
    expect(lines[4]).toMatch(/^Built 3 statements \(\d+ files\) in \d+\.\d\d s$/);
  });

  it('writes the page, the text release, hashed assets and the newsroom index', async () => {
    const files = await listFiles(path.join(dir, 'dist'));
    expect(files).toContain(`${SLUG}/index.html`);
    expect(files).toContain(`${SLUG}/${SLUG}.txt`);
    expect(files).toContain('index.html');
    expect(files.filter((f) => f.startsWith('assets/')).every((f) => /\.[0-9a-f]{10}\.(css|svg|woff2)$/.test(f))).toBe(true);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('writes the text release exactly as the golden file', async () => {
    const text = await read(dir, `dist/${SLUG}/${SLUG}.txt`);
    expect(text).toBe(await readFile(path.join(repoRoot, 'tests/golden', `${SLUG}.txt`), 'utf8'));
  });

  it('keeps every link URL and footnote of the source in the text release', async () => {
    const text = await read(dir, `dist/${SLUG}/${SLUG}.txt`);
    const source = await read(dir, `statements/${SLUG}/en.md`);
    for (const [, url] of source.matchAll(/\]\((https?:[^)\s]+)\)/g)) expect(text).toContain(url);
    for (const [, note] of source.matchAll(/^\[\^\w+\]: (.+)$/gm)) {
      const words = note!.split(/\s+/).map((w) => w.replace(/'/g, '’'));
      expect(text.replace(/\s+/g, ' ')).toContain(words.join(' '));
    }
  });

  it('keeps the text release email-ready: 72 columns, no trailing spaces, LF, one final newline', async () => {
    const text = await read(dir, `dist/${SLUG}/${SLUG}.txt`);
    for (const line of text.split('\n')) {
      if ([...line].length > 72) expect(line.replace(/^\[\d+\] /, '')).not.toMatch(/\s/);
      expect(line).not.toMatch(/\s$/);
    }
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
  });

  it('gives the page what a newsroom page needs', async () => {
    const tree = parseHtml(await read(dir, `dist/${SLUG}/index.html`));
    const html = select('html', tree)!;
    expect(html.properties.lang).toBe('en');
    expect(html.properties.dir).toBe('ltr');
    expect(toText(select('title', tree)!)).toContain('Violence against Ahmadis continues');
    expect(select('meta[name=description]', tree)!.properties.content).toMatch(/^Forty Ahmadi mosques/);
    expect(select('link[rel=canonical]', tree)!.properties.href).toBe(`https://press.example.org/${SLUG}/`);
    expect(select('meta[property="og:title"]', tree)).toBeTruthy();
    const jsonLd = JSON.parse(toText(select('script[type="application/ld+json"]', tree)!));
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', datePublished: '2023-11-27', inLanguage: 'en' });
    expect(toText(select('.release-line', tree)!)).toBe('FOR IMMEDIATE RELEASE');
    expect(toText(select('h1', tree)!)).toBe('Violence against Ahmadis continues as a fortieth mosque is desecrated in 2023');
    expect(select('.subtitle', tree)).toBeTruthy();
    expect(select('time[datetime="2023-11-27"]', tree)).toBeTruthy();
    expect(toText(select('.body p .dateline', tree)!)).toBe('RABWAH, Pakistan — ');
    expect(toText(select('.end-mark', tree)!)).toBe('###');
    expect(select('.contacts a[href="mailto:press@example.org"]', tree)).toBeTruthy();
    expect(select('.contacts a[href="tel:+442079460000"]', tree)).toBeTruthy();
    expect(selectAll('.notes li', tree)).toHaveLength(2);
    expect(toText(select('.about h2', tree)!)).toBe('About Ahmadiyya Muslim Community Press Office');
    expect(selectAll('.footnotes li', tree)).toHaveLength(4);
    const formats = selectAll('.formats a', tree).map((a) => a.properties.href);
    expect(formats).toEqual(['index.html', `${SLUG}.txt`]);
    expect(selectAll('script', tree).every((s: Element) => s.properties.type === 'application/ld+json')).toBe(true);
  });

  it('lists the statement in the newsroom index with links to each format', async () => {
    const tree = parseHtml(await read(dir, 'dist/index.html'));
    const items = selectAll('.statements li', tree);
    // Newest first: the 2024 submission, then the 2023 release, one entry with its Urdu version linked.
    expect(items.map((i) => select('time', i)!.properties.dateTime)).toEqual(['2024-02-09', '2023-11-27']);
    const english = items.find((i) => i.properties.lang === 'en' && select('time', i)!.properties.dateTime === '2023-11-27')!;
    expect(toText(select('h2', english)!)).toContain('Violence against Ahmadis');
    expect(selectAll('.formats a', english).map((a) => a.properties.href)).toEqual([`${SLUG}/index.html`, `${SLUG}/${SLUG}.txt`]);
    const urdu = selectAll('.languages a', english);
    expect(urdu.map((a) => [a.properties.href, a.properties.lang, a.properties.dir, toText(a)])).toEqual([[`${SLUG}/ur/`, 'ur', 'rtl', 'اردو']]);
  });

  it('builds byte-identical outputs twice', async () => {
    const first = await Promise.all((await listFiles(path.join(dir, 'dist'))).map(async (f) => [f, await readFile(path.join(dir, 'dist', f))] as const));
    const again = await clarion(dir, 'build', '--formats', 'html,text', '--out', 'dist2');
    expect(again.code).toBe(0);
    for (const [file, bytes] of first) expect(Buffer.compare(bytes, await readFile(path.join(dir, 'dist2', file))), file).toBe(0);
  });
});

describe('clarion build: safety and failures', () => {
  it('escapes hostile front matter and drops unsafe links and raw HTML, with warnings', async () => {
    const dir = await makeProject({
      'statements/hostile.md': statement(
        { title: '<script>alert(1)</script> & "quotes"', date: '2023-11-27', location: 'Geneva</p><p>', summary: '</script><script>alert(2)</script>' },
        'Click [here](javascript:alert(3)) or [there](JaVaScRiPt:alert(4)) or [data](data:text/html,x).\n\n<script>alert(5)</script>\n\n<img src=x onerror=alert(6)>\n\nSafe [link](https://example.org/a).',
      ),
    });
    const result = await clarion(dir, 'build', '--formats', 'html,text');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('statements/hostile.md:8:7 warning the link target "javascript:alert(3)" is removed');
    expect(result.stderr).toContain('statements/hostile.md:10:1 warning raw HTML "<script>alert(5)</script>" is left out of the outputs');
    const html = await read(dir, 'dist/hostile/index.html');
    const tree = parseHtml(html);
    expect(toText(select('h1', tree)!)).toBe('<script>alert(1)</script> & "quotes"');
    expect(selectAll('script', tree).map((s) => s.properties.type)).toEqual(['application/ld+json']);
    expect(selectAll('img', tree).filter((i) => i.properties.src === 'x')).toHaveLength(0);
    expect(html).not.toMatch(/javascript:|data:text|alert\(5\)|onerror/i);
    expect(select('a[href="https://example.org/a"]', tree)).toBeTruthy();
    expect(select('.dateline', tree) && toText(select('.dateline', tree)!)).toBe('GENEVA</P><P> — ');
    const text = await read(dir, 'dist/hostile/hostile.txt');
    expect(text).not.toMatch(/javascript:|data:text/i);
    expect(text).toContain('https://example.org/a');
  });

  it('passes raw HTML through to the web page only when the organisation allows it', async () => {
    const dir = await makeProject({ 'statements/raw.md': statement({ title: 'Raw', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text with <abbr title="United Nations">UN</abbr> in it.') });
    await writeFile(path.join(dir, 'statements/organization.yaml'), `${await read(dir, 'statements/organization.yaml')}allow_html: true\n`);
    const result = await clarion(dir, 'build', '--formats', 'html,text');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('raw HTML');
    expect(select('abbr[title="United Nations"]', parseHtml(await read(dir, 'dist/raw/index.html')))).toBeTruthy();
    expect(await read(dir, 'dist/raw/raw.txt')).toContain('Text with UN in it.');
  });

  it('builds the good statements, not the bad one, keeps its previous outputs and exits 1', async () => {
    const good = statement({ title: 'Good', date: '2023-11-27', location: 'Geneva', summary: 'Fine.' }, 'Text.');
    const dir = await makeProject({ 'statements/good.md': good, 'statements/later.md': good.replace('Good', 'Later') });
    expect((await clarion(dir, 'build', '--formats', 'html,text')).code).toBe(0);
    const before = await read(dir, 'dist/later/later.txt');
    await writeFile(path.join(dir, 'statements/later.md'), statement({ title: 'Later', date: '2023-02-30' }, 'Changed text.'));
    const result = await clarion(dir, 'build', '--formats', 'html,text');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('statements/later.md:3:7 error "2023-02-30" is not a calendar date');
    expect(result.stdout).toMatch(/Built 0 statements \(\d+ files?\) in [\d.]+ s; 1 up to date; 1 failed: statements\/later\.md/);
    expect(await read(dir, 'dist/later/later.txt')).toBe(before);
  });

  it('names the template file and line of a template error', async () => {
    const dir = await makeProject({ 'statements/a.md': statement({ title: 'A', date: '2023-11-27' }, 'Text.') });
    const page = path.join(dir, 'templates/press-release/page.hbs');
    const lines = (await readFile(page, 'utf8')).split('\n');
    lines.splice(3, 0, '{{shout title}}');
    await writeFile(page, lines.join('\n'));
    const result = await clarion(dir, 'build', '--formats', 'html,text');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('templates/press-release/page.hbs:4:1 error unknown helper "shout"');
  });

  it('refuses an unknown format with a usage error', async () => {
    const dir = await makeProject({});
    const result = await clarion(dir, 'build', '--formats', 'html,docs');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('clarion: unknown format "docs" — use one or more of html, text, pdf, docx, eml, card, thumbnail\n');
  });
});

describe('many statements', () => {
  it('renders on worker threads exactly what a single build renders', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 60; i++) {
      files[`statements/s${i}.md`] = statement({ title: `Statement ${i}`, date: `2023-11-${String(1 + (i % 28)).padStart(2, '0')}`, location: 'Geneva', summary: 'S.' }, `Paragraph "${i}" -- with a [link](https://example.org/${i}).[^n]\n\n[^n]: Note ${i}.`);
    }
    const dir = await makeProject(files);
    const many = await runBuild(dir, { paths: [], out: 'dist', formats: ['html', 'text'], strict: false, renderThreads: 2 });
    expect(many.failed).toEqual([]);
    expect(many.built).toHaveLength(60);
    const one = await clarion(dir, 'build', '--formats', 'html,text', '--out', 'single', 'statements/s42.md');
    expect(one.code).toBe(0);
    expect(await read(dir, 'dist/s42/index.html')).toBe(await read(dir, 'single/s42/index.html'));
    expect(await read(dir, 'dist/s42/s42.txt')).toBe(await read(dir, 'single/s42/s42.txt'));
    const index = parseHtml(await read(dir, 'dist/index.html'));
    expect(selectAll('.statements li', index)).toHaveLength(60);
  });
});

describe('HTML validity (W3C Nu HTML Checker)', () => {
  it('reports no errors for the sample, the newsroom index and a hostile statement', async () => {
    const dir = await makeProject(
      {
        'statements/hostile.md': statement({ title: '<b>bold</b> & <i>', date: '2023-11-27', embargo: '2030-01-01T09:00 Europe/Paris', tags: ['<x>'] }, '| a | b |\n|---|---|\n| 1 | 2 |\n\n![alt](https://example.org/i.png)\n\n1. one\n2. two\n\n- [ ] task\n\n~~gone~~ [^n]\n\n[^n]: Note.'),
      },
      { samples: true },
    );
    expect((await clarion(dir, 'build', '--formats', 'html')).code).toBe(0);
    const pages = (await listFiles(path.join(dir, 'dist'))).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, 'dist', f));
    expect(pages.length).toBe(5);
    expect(await nuCheck(pages)).toEqual([]);
    expect((await stat(pages[0]!)).size).toBeGreaterThan(0);
  });
});
