/** The PDF, built end to end through Chromium and read back with pdf.js. */
import { execSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarion, makeProject, read, statement } from './support/project.ts';
import { fontNames, readPdf, type ReadPdf } from './support/read-pdf.ts';
import { samplesBuild } from './support/shared-build.ts';

const SLUG = 'ahmadi-mosques-desecrated';
const SOURCE = `statements/${SLUG}/en.md`;

/** Chromium processes that are children of this test process. */
function childChromiums(): string[] {
  const out = execSync('ps -eo pid=,ppid=,comm=', { encoding: 'utf8' });
  return out.split('\n').filter((line) => {
    const [, ppid, comm] = line.trim().split(/\s+/);
    return Number(ppid) === process.pid && /chrom/i.test(comm ?? '');
  });
}

describe('the sample PDF', () => {
  let dir: string;
  let bytes: Uint8Array;
  let pdf: ReadPdf;
  let stdout: string;
  beforeAll(async () => {
    const result = await samplesBuild();
    dir = result.dir;
    stdout = result.stdout;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    bytes = await readFile(path.join(dir, 'dist', SLUG, `${SLUG}.pdf`));
    pdf = await readPdf(bytes);
  });

  it('is reported as an output of the build', () => {
    expect(stdout).toContain(`dist/${SLUG}/${SLUG}.pdf`);
  });

  it('holds the headline, dateline, every paragraph, end mark, contacts and page numbers', async () => {
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('FOR IMMEDIATE RELEASE');
    expect(text).toContain('Violence against Ahmadis continues as a fortieth mosque is desecrated in 2023');
    expect(text).toContain('RABWAH, Pakistan — The Ahmadiyya Muslim Community has denounced');
    const source = await read(dir, `statements/${SLUG}/en.md`);
    const body = source.split('---\n').slice(2).join('---\n');
    const openings = body
      .split(/\n(?:>[ \t]*)?\n/)
      .map((p) => p.replace(/^>\s?/gm, '').replace(/\*\*/g, '').trim())
      .filter((p) => p && !p.startsWith('[^'))
      .map((p) => p.split(/\s+/).slice(0, 5).join(' ').replace(/'/g, '’'));
    expect(openings.length).toBeGreaterThan(8);
    for (const opening of openings) expect(text).toContain(opening);
    expect(text).toContain('###');
    expect(text).toContain('press@example.org');
    expect(text).toContain('+44 20 7946 0000');
    expect(text).toContain('PLD 2014 SC 699');
    expect(pdf.pages[0]!.text.replace(/\s+/g, ' ')).toContain(`Page 1 of ${pdf.pages.length}`);
    expect(pdf.pages.at(-1)!.text.replace(/\s+/g, ' ')).toContain(`Page ${pdf.pages.length} of ${pdf.pages.length}`);
    expect(pdf.pages[0]!.text).toContain('Ahmadiyya Muslim Community Press Office');
  });

  it('is A4', () => {
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(595, 0);
      expect(page.height).toBeCloseTo(842, 0);
    }
  });

  it('carries metadata, language, tags and an outline', () => {
    expect(pdf.info).toMatchObject({
      Title: 'Violence against Ahmadis continues as a fortieth mosque is desecrated in 2023',
      Author: 'Ahmadiyya Muslim Community Press Office',
      Subject: expect.stringMatching(/^Forty Ahmadi mosques/),
      Keywords: 'Pakistan, Ahmadiyya, freedom of religion, places of worship',
      Creator: expect.stringMatching(/^Clarion \d+\.\d+\.\d+$/),
    });
    expect(pdf.info.CreationDate).toMatch(/^D:20231127/);
    expect(pdf.lang).toBe('en');
    expect(pdf.tagged).toBe(true);
    expect(pdf.outline.map((o) => o.title)).toEqual(expect.arrayContaining(['Violence against Ahmadis continues as a fortieth mosque is desecrated in 2023', 'Media contacts', 'Notes to editors']));
  });

  it('embeds every font, and only the bundled ones', async () => {
    expect(pdf.fontsEmbedded).toBe(true);
    const names = await fontNames(bytes);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^SourceSerif4-/);
  });

  // The sample PDF alone, built again (the whole set is rebuilt and compared in reproducible.browser.test.ts).
  it('is byte-identical when built again', async () => {
    const again = await clarion(dir, 'build', SOURCE, '--formats', 'pdf', '--out', 'dist2');
    expect(again.code).toBe(0);
    expect(Buffer.compare(bytes, await readFile(path.join(dir, 'dist2', SLUG, `${SLUG}.pdf`)))).toBe(0);
  });

  it('takes its dates from SOURCE_DATE_EPOCH when set', async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      expect((await clarion(dir, 'build', SOURCE, '--formats', 'pdf', '--out', 'dist3')).code).toBe(0);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    const info = (await readPdf(await readFile(path.join(dir, 'dist3', SLUG, `${SLUG}.pdf`)))).info;
    expect(info.CreationDate).toMatch(/^D:20231114221320/);
    expect(info.ModDate).toMatch(/^D:20231114221320/);
  });

  it('leaves no Chromium process behind', () => {
    expect(childChromiums()).toEqual([]);
  });
});

describe('printing problems', () => {
  it('prints Letter paper when the organisation asks for it', async () => {
    const dir = await makeProject({ 'statements/a.md': statement({ title: 'Letter paper', date: '2023-11-27' }, 'Text.') });
    await writeFile(path.join(dir, 'statements/organization.yaml'), `${await read(dir, 'statements/organization.yaml')}paper: Letter\n`);
    expect((await clarion(dir, 'build', '--formats', 'pdf')).code).toBe(0);
    const pdf = await readPdf(await readFile(path.join(dir, 'dist/a/a.pdf')));
    expect(pdf.pages[0]!.width).toBeCloseTo(612, 0);
    expect(pdf.pages[0]!.height).toBeCloseTo(792, 0);
  });

  it('blocks a remote image with a warning naming the URL, without hanging', async () => {
    const dir = await makeProject({ 'statements/remote.md': statement({ title: 'Remote image', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Before.\n\n![A chart](https://example.org/chart.png)\n\nAfter.') });
    const started = Date.now();
    const result = await clarion(dir, 'build', '--formats', 'pdf');
    expect(result.code).toBe(0);
    // Reported once, where the image is written (as `check` reports it), not again by the printer.
    expect(result.stderr).toMatch(/^statements\/remote\.md:10:1 warning the image "https:\/\/example\.org\/chart\.png" is left out of the PDF, which is printed without network access — .*\(remote-image\)$/m);
    expect(result.stderr).not.toContain('pdf-blocked-request');
    expect((await clarion(dir, 'check')).stdout).toMatch(/^statements\/remote\.md:10:1 warning the image "https:\/\/example\.org\/chart\.png" is left out of the PDF/m);
    expect(Date.now() - started).toBeLessThan(30_000);
    const pdf = await readPdf(await readFile(path.join(dir, 'dist/remote/remote.pdf')));
    expect(pdf.text).toContain('After.');
  });

  it('fails a statement whose PDF does not finish in time, and builds the others', async () => {
    const dir = await makeProject({
      'statements/stuck.md': statement({ title: 'Stuck', date: '2023-11-27', kind: 'stuck' }, 'Text.'),
      'statements/fine.md': statement({ title: 'Fine', date: '2023-11-27' }, 'Text.'),
    });
    // A kind whose print template makes a document of a million pages: it cannot finish in 3 s.
    await cp(path.join(dir, 'templates/press-release'), path.join(dir, 'templates/stuck'), { recursive: true });
    const print = path.join(dir, 'templates/stuck/print.hbs');
    await writeFile(print, (await readFile(print, 'utf8')).replace('<main>', '<main><div style="block-size: 20000000px"></div>'));
    const result = await clarion(dir, 'build', '--timeout', '3');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^statements\/stuck\.md:1:1 error the PDF did not finish printing in 3 s/m);
    expect(result.stdout).toMatch(/^statements\/fine\.md → dist\/fine\/index\.html, .*dist\/fine\/fine\.pdf/m);
    expect(result.stdout).toMatch(/1 failed: statements\/stuck\.md/);
    await expect(readFile(path.join(dir, 'dist/stuck/stuck.pdf'))).rejects.toThrow();
    expect(childChromiums()).toEqual([]);
  });
});
