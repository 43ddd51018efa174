/**
 * The proof stage, run after the suite (npm test): every output that the suite's builds left in
 * their projects (every file an output folder's manifest lists) is read back by a tool independent of Clarion. Every web page passes the W3C Nu
 * HTML Checker and axe-core (in Chromium, at a desktop and a phone width); every PDF opens in
 * pdf.js, tagged, with every font embedded and text on its first page; every .eml parses
 * (mailparser) with a text and an HTML part; every .docx opens in mammoth with text; every PNG
 * decodes; every feed and sitemap is well-formed XML; every text release is UTF-8 (NFC) with LF
 * line ends. Files with the same bytes are checked once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { simpleParser } from 'mailparser';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../un/read-docx.ts';
import { axeCheck } from '../support/axe.ts';
import { nuCheck } from '../support/nu-check.ts';
import { listFiles, projectsRoot } from '../support/project.ts';
import { readPdf } from '../support/read-pdf.ts';

const MANIFEST = '.clarion-manifest.json';

/** The files a manifest says Clarion wrote (statement outputs and the site), as absolute paths. */
async function outputsListed(manifestFile: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { statements: Record<string, { outputs: string[] }>; site?: { outputs: string[] } };
  const listed = [...Object.values(manifest.statements).flatMap((e) => e.outputs), ...(manifest.site?.outputs ?? [])];
  return listed.map((f) => path.join(path.dirname(manifestFile), f)).filter((f) => existsSync(f));
}

/** One file per distinct content, by extension. */
const outputs = new Map<string, string[]>();
let projects = 0;

beforeAll(async () => {
  const seen = new Set<string>();
  const dirs = existsSync(projectsRoot) ? readdirSync(projectsRoot).map((d) => path.join(projectsRoot, d)) : [];
  for (const dir of dirs) {
    projects++;
    const manifests = (await listFiles(dir)).filter((f) => path.basename(f) === MANIFEST);
    for (const full of (await Promise.all(manifests.map((m) => outputsListed(path.join(dir, m))))).flat()) {
      const file = path.relative(dir, full);
      const ext = path.extname(file).toLowerCase();
      const hash = createHash('sha256').update(ext).update(await readFile(full)).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      outputs.set(ext, [...(outputs.get(ext) ?? []), full]);
    }
  }
});

const files = (ext: string) => outputs.get(ext) ?? [];
const shown = (file: string) => path.relative(projectsRoot, file);

describe('every output of the test builds', () => {
  it('was found: the suite ran first and built every format', () => {
    expect(projects, 'run `npm test`: the proof stage checks what the suite built').toBeGreaterThan(20);
    for (const ext of ['.html', '.txt', '.pdf', '.eml', '.docx', '.png', '.xml']) expect(files(ext).length, ext).toBeGreaterThan(0);
    console.info(`proof: ${projects} projects; distinct outputs: ${[...outputs].map(([ext, list]) => `${list.length} ${ext}`).join(', ')}`);
  });

  it('web pages: no error from the W3C Nu HTML Checker', async () => {
    const pages = files('.html');
    const errors = [];
    for (let i = 0; i < pages.length; i += 200) errors.push(...(await nuCheck(pages.slice(i, i + 200))));
    expect(errors.map((e) => `${shown(e.file)}:${e.line ?? 0} ${e.message}`)).toEqual([]);
  });

  it('web pages: no axe-core violation', async () => {
    const violations = await axeCheck(files('.html'));
    expect(violations.map((v) => `${shown(v.page)} ${v.id}: ${v.help} (${v.targets.join(', ')})`)).toEqual([]);
  });

  it('PDFs: open in pdf.js, tagged, every font embedded, text on the first page', async () => {
    const problems: string[] = [];
    for (const file of files('.pdf')) {
      const pdf = await readPdf(await readFile(file));
      if (!pdf.tagged) problems.push(`${shown(file)}: not tagged`);
      if (!pdf.fontsEmbedded) problems.push(`${shown(file)}: a font is not embedded`);
      if (!pdf.pages[0]?.text.trim()) problems.push(`${shown(file)}: no text on page 1`);
    }
    expect(problems).toEqual([]);
  });

  it('email drafts: parse, with a text part and an HTML part', async () => {
    const problems: string[] = [];
    for (const file of files('.eml')) {
      const mail = await simpleParser(await readFile(file));
      if (!mail.text?.trim()) problems.push(`${shown(file)}: no text part`);
      if (typeof mail.html !== 'string' || !mail.html.includes('</html>')) problems.push(`${shown(file)}: no HTML part`);
      if (!mail.subject) problems.push(`${shown(file)}: no subject`);
    }
    expect(problems).toEqual([]);
  });

  it('Word files: open in mammoth, with text', async () => {
    const problems: string[] = [];
    for (const file of files('.docx')) {
      const docx = await readDocx(await readFile(file));
      if (!docx.rawText.trim()) problems.push(`${shown(file)}: no text`);
    }
    expect(problems).toEqual([]);
  });

  it('images: PNGs decode', async () => {
    const problems: string[] = [];
    for (const file of files('.png')) {
      try {
        const png = PNG.sync.read(await readFile(file));
        if (png.width < 1 || png.height < 1) problems.push(`${shown(file)}: empty`);
      } catch (error) {
        problems.push(`${shown(file)}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('feeds and sitemaps: well-formed XML', async () => {
    const problems: string[] = [];
    for (const file of files('.xml')) {
      const result = XMLValidator.validate(await readFile(file, 'utf8'));
      if (result !== true) problems.push(`${shown(file)}: ${result.err.msg}`);
    }
    expect(problems).toEqual([]);
  });

  it('text releases: UTF-8 in NFC, LF line ends, no trailing spaces', async () => {
    const problems: string[] = [];
    for (const file of files('.txt')) {
      const bytes = await readFile(file);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      if (Buffer.compare(Buffer.from(text, 'utf8'), bytes) !== 0) problems.push(`${shown(file)}: not UTF-8`);
      if (text !== text.normalize('NFC')) problems.push(`${shown(file)}: not NFC`);
      if (text.includes('\r')) problems.push(`${shown(file)}: CR line ends`);
      if (/[ \t]$/m.test(text)) problems.push(`${shown(file)}: trailing spaces`);
    }
    expect(problems).toEqual([]);
  });
});
