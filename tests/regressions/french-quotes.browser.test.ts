/**
 * Regression: a French statement typed with straight quotes and apostrophes came out garbled
 * (apostrophes as " ›", letters and words dropped, its end cut off) in the web page, the text
 * release and the PDF. Built here from a file, through the CLI, and read back from each output.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarion, makeProject, read } from '../support/project.ts';
import { readPdf } from '../support/read-pdf.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const SOURCE = `---
title: Le maire appelle à agir
date: 2023-11-27
lang: fr
location: Paris, France
summary: Le maire appelle à agir.
---

Le maire a dit : "C'est l'heure d'agir." Qu'en pensez-vous ? Les mots 'simples' restent, jusqu'au bout.

Deuxième paragraphe, avec l'apostrophe d'usage et une fin intacte.
`;
const FIRST = `Le maire a dit${NBSP}: «${NBSP}C’est l’heure d’agir.${NBSP}» Qu’en pensez-vous${NNBSP}? Les mots “simples” restent, jusqu’au bout.`;
const SECOND = 'Deuxième paragraphe, avec l’apostrophe d’usage et une fin intacte.';

describe('a French statement with straight quotes and apostrophes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeProject({ 'statements/maire.md': SOURCE });
    const result = await clarion(dir, 'build', '--formats', 'html,text,pdf');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('keeps every letter in the web page, with French quotation marks and spaces', async () => {
    const page = unified().use(rehypeParse).parse(await read(dir, 'dist/maire/index.html')) as Root;
    const paragraphs = selectAll('.body p', page).map((p) => toText(p));
    expect(paragraphs).toEqual([`PARIS, France — ${FIRST}`, SECOND]);
  });

  it('keeps every letter in the text release, dated in French under the headline', async () => {
    const text = await read(dir, 'dist/maire/maire.txt');
    expect(text.split('\n').slice(0, 6)).toEqual(['POUR DIFFUSION IMMÉDIATE', '', 'Le maire appelle à agir', '', '27 novembre 2023', '']);
    const body = text.split('\n\n').slice(3, 5).map((p) => p.replace(/\n/g, ' '));
    expect(body).toEqual([`PARIS, France — ${FIRST}`, SECOND]);
  });

  it('keeps every letter in the PDF text', async () => {
    const pdf = await readPdf(await readFile(path.join(dir, 'dist/maire/maire.pdf')));
    // pdf.js gives the no-break spaces as spaces, and ’ as ʼ (the same glyph).
    const flat = (s: string) => s.replace(/[\s\u00A0\u202F]+/g, ' ').replace(/ʼ/g, '’').trim();
    const text = flat(pdf.text);
    expect(text).toContain(flat(`PARIS, France — ${FIRST}`));
    expect(text).toContain(flat(SECOND));
  });
});
