/**
 * Every word as written, in every format and language: generated statements (every shipped
 * locale, and two that are not) of both kinds are built in every format, and each output is read
 * back as its readers would (the web page and email HTML parsed, the text release, the email
 * parsed by an independent parser, the Word file and its footnotes, the PDF's text). The words of
 * each source, ignoring only quotation marks and the kind of space, must be there in order; each
 * output is in the direction of its language, and a press release carries its date as the locale
 * writes it.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'hast';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { simpleParser } from 'mailparser';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarion, makeProject, repoRoot, statement } from '../support/project.ts';
import { readPdf } from '../support/read-pdf.ts';
import { readDocx } from '../un/read-docx.ts';
import { fragments, statementBody } from './arbitraries.ts';
import { firstMismatch, wordsOf } from './read-words.ts';

const SHIPPED = readdirSync(path.join(repoRoot, 'templates/locales')).map((f) => f.replace(/\.yaml$/, ''));
/** Portuguese (Brazil) has quotation marks of its own but no locale file; Swahili has neither. */
const LOCALES = [...SHIPPED, 'pt-BR', 'sw'];
const PARAGRAPHS = 20;
const SEED = Number(process.env.WORDS_SEED ?? 20261206);

interface Case {
  file: string;
  slug: string;
  lang: string;
  kind: 'press-release' | 'un-submission';
  markdown: string;
  words: string[];
}

function makeCases(): Case[] {
  return LOCALES.flatMap((lang, i) =>
    (['press-release', 'un-submission'] as const).map((kind, j) => {
      const [paragraphs] = fc.sample(fc.array(fragments(lang), { minLength: PARAGRAPHS, maxLength: PARAGRAPHS }), { seed: SEED + i * 2 + j, numRuns: 1 });
      const body = statementBody(paragraphs!);
      const slug = `words-${lang.toLowerCase()}-${kind}`;
      return { file: `statements/${slug}.md`, slug, lang, kind, ...body };
    }),
  );
}

function front(c: Case): Record<string, unknown> {
  const common = { title: `Generated ${c.lang} ${c.kind}`, date: '2023-11-27', lang: c.lang, summary: 'Generated.' };
  return c.kind === 'un-submission'
    ? { ...common, kind: 'un-submission', submission: { profile: 'generic', status: 'general', body: 'Human Rights Council' } }
    : { ...common, location: 'Geneva, Switzerland' };
}

const html = (source: string) => unified().use(rehypeParse).parse(source) as Root;
const bodyText = (source: string) => toText(select('body', html(source)) ?? html(source));

/** 27 November 2023 as each locale writes it (Unicode CLDR, as Intl gives it); English at the UN's day-month-year. */
const DATES: Record<string, string> = {
  ar: '27 نوفمبر 2023',
  de: '27. November 2023',
  en: '27 November 2023',
  es: '27 de noviembre de 2023',
  fr: '27 novembre 2023',
  ur: '27 نومبر، 2023',
  'pt-BR': '27 de novembro de 2023',
  sw: '27 Novemba 2023',
};
const RTL = new Set(['ar', 'ur']);
const RTL_LETTER = /^[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

describe('every word as written, in every format', () => {
  const cases = makeCases();
  let dir: string;
  beforeAll(async () => {
    dir = await makeProject({
      'statements/organization.yaml': `name: Fixture Press Office\nwebsite: https://press.example.org/\npress_email: press@example.org\ncontacts:\n  - name: A. Example\n    email: press@example.org\n`,
      ...Object.fromEntries(cases.map((c) => [c.file, statement(front(c), c.markdown)])),
    });
    // Every format that holds the text (share cards and thumbnails hold only the headline).
    const result = await clarion(dir, 'build', '--formats', 'html,text,pdf,eml,docx');
    // Every mark has its note and every note its mark: nothing the generator wrote is left out.
    expect(result.stderr).not.toMatch(/ error |footnote/);
    expect(result.code).toBe(0);
  }, 180_000);

  const expectWords = (c: Case, text: string, format: string, words = c.words) => {
    const vocabulary = new Set(words.flatMap((w) => wordsOf(w)));
    const { at, found, foundAt } = firstMismatch(words, text, vocabulary);
    const wanted = words.flatMap((w) => wordsOf(w));
    const around = (list: string[], i: number) => `${list.slice(Math.max(0, i - 6), i).join(' ')} [${list.slice(i, i + 6).join(' ')}]`;
    expect(at, `${format} of ${c.file}: the words stop matching at word ${at} of ${wanted.length}\n  expected: ${around(wanted, at)}\n  found:    ${around(found, foundAt)}\n--- source:\n${c.markdown}`).toBe(-1);
  };
  const output = (c: Case, name: string) => readFile(path.join(dir, 'dist', c.slug, name));
  /** Each PDF read once, for the words and for the direction and date. */
  const pdfs = new Map<string, ReturnType<typeof readPdf>>();
  const pdfOf = (c: Case) => pdfs.get(c.slug) ?? pdfs.set(c.slug, output(c, `${c.slug}.pdf`).then((bytes) => readPdf(bytes))).get(c.slug)!;

  it.each(LOCALES)('keeps every word of %s statements in the web page and the text release', async (lang) => {
    for (const c of cases.filter((x) => x.lang === lang)) {
      expectWords(c, bodyText((await output(c, 'index.html')).toString('utf8')), 'the web page');
      expectWords(c, (await output(c, `${c.slug}.txt`)).toString('utf8'), 'the text release');
    }
  });

  it.each(LOCALES)('keeps every word of %s press releases in both parts of the email', async (lang) => {
    for (const c of cases.filter((x) => x.lang === lang && x.kind === 'press-release')) {
      const mail = await simpleParser(await output(c, `${c.slug}.eml`));
      expectWords(c, mail.text ?? '', 'the email text');
      expectWords(c, bodyText(typeof mail.html === 'string' ? mail.html : ''), 'the email HTML');
    }
  });

  it.each(LOCALES)('keeps every word of %s submissions in the Word file, notes included', async (lang) => {
    for (const c of cases.filter((x) => x.lang === lang && x.kind === 'un-submission')) {
      const docx = await readDocx(await output(c, `${c.slug}.docx`));
      expectWords(c, `${docx.rawText}\n${[...docx.footnotes.values()].join('\n')}`, 'the Word file');
    }
  });

  // Right-to-left PDFs too: their text layer (src/formats/pdf/text-layer.ts) reads back in reading order.
  it.each(LOCALES)('keeps every word of %s statements in the PDF text', async (lang) => {
    for (const c of cases.filter((x) => x.lang === lang)) {
      const pdf = await pdfOf(c);
      // A word hyphenated at the end of a line is one word.
      expectWords(c, pdf.text.replace(/-\n/g, ''), 'the PDF');
    }
  });

  const rootOf = (source: string) => /<html\b[^>]*>/.exec(source)?.[0] ?? '';
  /** A right-to-left text release or email begins every line in right-to-left order. */
  const unmarked = (text: string) => text.split('\n').filter((line) => line.trim() && !line.startsWith('\u200F') && !RTL_LETTER.test(line));

  it('knows the date of every locale it tests', () => expect(Object.keys(DATES).sort()).toEqual([...LOCALES].sort()));

  it.each(LOCALES)('writes %s statements in their direction, press releases with their date', async (lang) => {
    const rtl = RTL.has(lang);
    const date = DATES[lang]!;
    for (const c of cases.filter((x) => x.lang === lang)) {
      const page = (await output(c, 'index.html')).toString('utf8');
      expect(rootOf(page), `${c.slug} page`).toMatch(new RegExp(`lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}"`));
      const text = (await output(c, `${c.slug}.txt`)).toString('utf8');
      if (rtl) expect(unmarked(text), `${c.slug} text release`).toEqual([]);
      const pdf = await pdfOf(c);
      expect(pdf.lang, `${c.slug} PDF`).toBe(lang);
      if (c.kind === 'un-submission') {
        const document = await (await readDocx(await output(c, `${c.slug}.docx`))).part('word/document.xml');
        expect(document.includes('<w:bidi/>'), `${c.slug} Word paragraphs right to left`).toBe(rtl);
        continue;
      }
      expect(bodyText(page), `${c.slug} page`).toContain(date);
      expect(text, `${c.slug} text release`).toContain(date);
      expect(pdf.text.replace(/\s+/g, ' '), `${c.slug} PDF`).toContain(date);
      const mail = await simpleParser(await output(c, `${c.slug}.eml`));
      expect(mail.headers.get('content-language'), `${c.slug} email`).toBe(lang);
      expect(rootOf(typeof mail.html === 'string' ? mail.html : ''), `${c.slug} email HTML`).toMatch(new RegExp(`lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}"`));
      expect(mail.text, `${c.slug} email text`).toContain(date);
      if (rtl) expect(unmarked(mail.text ?? ''), `${c.slug} email text`).toEqual([]);
    }
  });
});
