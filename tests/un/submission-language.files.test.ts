/**
 * A French and a Spanish Human Rights Council statement built end to end: the heading above the
 * title is worded in the statement's language in the web page, the text and the Word file alike.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarion, makeProject, read, statement } from '../support/project.ts';
import { readDocx } from './read-docx.ts';

const submitters = [{ name: 'Example Rights Watch', status: 'special' }];

const EXPECTED: Record<'fr' | 'es', [string, ...string[]]> = {
  fr: [
    'Conseil des droits de l’homme',
    '55e session',
    'Point 4 de l’ordre du jour',
    'Exposé écrit présenté conjointement par Fixture Press Office, organisation non gouvernementale dotée du statut consultatif général\u202f; ' +
      'Example Rights Watch, organisation non gouvernementale dotée du statut consultatif spécial',
  ],
  es: [
    'Consejo de Derechos Humanos',
    '55º período de sesiones',
    'Tema 4 de la agenda',
    'Exposición escrita conjunta presentada por Fixture Press Office, organización no gubernamental reconocida como entidad consultiva general; ' +
      'Example Rights Watch, organización no gubernamental reconocida como entidad consultiva especial',
  ],
};

describe('a UN submission in French and in Spanish', () => {
  let dir: string;
  beforeAll(async () => {
    const source = (lang: 'fr' | 'es') =>
      statement(
        {
          title: lang === 'fr' ? 'Lieux de culte des Ahmadis' : 'Lugares de culto de los ahmadíes',
          date: '2024-02-09',
          lang,
          kind: 'un-submission',
          submission: { profile: 'hrc-written-statement', body: EXPECTED[lang][0], session: 55, agenda_item: 4, status: 'general', submitters },
        },
        lang === 'fr' ? 'Les lieux de culte doivent être protégés.' : 'Los lugares de culto deben ser protegidos.',
      );
    dir = await makeProject({ 'statements/hrc-fr.md': source('fr'), 'statements/hrc-es.md': source('es') });
    const result = await clarion(dir, 'build', '--quiet', '--formats', 'html,text,docx');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  for (const lang of ['fr', 'es'] as const) {
    it(`words the heading in ${lang === 'fr' ? 'French' : 'Spanish'} in the web page, the text and the Word file`, async () => {
      const slug = `hrc-${lang}`;
      const page = unified().use(rehypeParse).parse(await read(dir, `dist/${slug}/index.html`)) as Root;
      expect(selectAll('.submission-line', page).map((p) => toText(p))).toEqual(EXPECTED[lang]);

      // The text wraps its lines at 72 columns: each heading line starts a line, and the block
      // holds their words in order.
      const text = await read(dir, `dist/${slug}/${slug}.txt`);
      const block = text.slice(text.indexOf(EXPECTED[lang][0])).split('\n\n')[0]!;
      const words = (s: string) => s.split(/[ \n]+/);
      expect(words(block)).toEqual(words(EXPECTED[lang].join(' ')));
      for (const line of EXPECTED[lang]) expect(block.startsWith(line.slice(0, 12)) || block.includes(`\n${line.slice(0, 12)}`)).toBe(true);

      const docx = await readDocx(await readFile(path.join(dir, 'dist', slug, `${slug}.docx`)));
      expect(docx.paragraphs.slice(0, EXPECTED[lang].length).map((p) => p.text)).toEqual(EXPECTED[lang]);
    });
  }
});
