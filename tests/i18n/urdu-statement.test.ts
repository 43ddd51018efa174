/** The Urdu translation of the sample press release (statements/ahmadi-mosques-desecrated/ur.md), read as Clarion reads a statement. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderViews } from '../../src/formats/views.ts';
import { loadTemplateSet } from '../../src/project/load-template-set.ts';
import { loadStrings } from '../../src/project/locales.ts';
import { englishSource, organization, readStatement, repoRoot, urduSource } from './render-card.ts';

const templatesDir = path.join(repoRoot, 'templates');
const footnoteIds = (markdown: string) => [...markdown.matchAll(/^\[\^(\w+)\]:/gm)].map((m) => m[1]);
const quoted = (markdown: string) => markdown.split('\n').filter((l) => /^> \S/.test(l)).length;
const paragraphs = (markdown: string) => markdown.split(/\n{2,}/).filter((p) => p.trim() && !p.startsWith('>') && !p.startsWith('[^')).length;

describe('the Urdu press release', () => {
  const source = urduSource();
  const ur = readStatement('statements/ahmadi-mosques-desecrated-ur.md', source);
  const en = readStatement('statements/ahmadi-mosques-desecrated/en.md', englishSource());

  // readStatement throws on any error or warning.
  it('has the front matter asked for, in Urdu, and validates without a warning', () => {
    expect(ur).toMatchObject({ lang: 'ur', dir: 'rtl', date: { date: '2023-11-27' }, location: 'ربوہ، پاکستان' });
    expect(ur.title).toMatch(/^[\p{Script=Arabic}\p{N}\p{P}\s\u200c]+$/u);
    expect(ur.summary!.length).toBeLessThanOrEqual(300);
    expect(ur.summary).toMatch(/\p{Script=Arabic}/u);
  });

  it('translates every paragraph, quoted paragraph and footnote of the English', () => {
    expect(paragraphs(ur.body)).toBe(paragraphs(en.body));
    expect(quoted(ur.body)).toBe(quoted(en.body));
    expect(footnoteIds(ur.body)).toEqual(footnoteIds(en.body));
    expect(ur.notes).toHaveLength(en.notes.length);
    // The legal citations stay as courts and treaties write them.
    expect(ur.body).toContain('PLD 2014 SC 699');
    expect(ur.body).toContain('آرٹیکل 2، 18، 25 اور 26');
    expect(ur.body).toContain('(ICCPR)');
    expect(ur.body).toContain('https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-civil-and-political-rights');
    for (const article of ['آرٹیکل 2 (', 'آرٹیکل 18 (', 'آرٹیکل 25 (', 'آرٹیکل 26 (']) expect(ur.body).toContain(article);
  });

  it('renders to a right-to-left page and an Urdu text release with its footnotes', () => {
    const kind = loadTemplateSet(repoRoot, templatesDir, 'press-release');
    const { views: rendered, diagnostics } = renderViews({
      statement: ur,
      organization: organization(),
      organizationFile: 'statements/organization.yaml',
      templates: kind,
      strings: loadStrings(path.join(templatesDir, 'locales'), 'ur').strings,
      formats: [],
      assets: {},
      generator: 'Clarion test',
      want: new Set(['html', 'text']),
    });
    expect(diagnostics).toEqual([]);
    expect(rendered.html).toMatch(/<html lang="ur" dir="rtl"/);
    expect(rendered.text!.split('\n')[0]).toBe('فوری اشاعت کے لیے');
    expect(rendered.text).toContain('ربوہ، پاکستان — جماعتِ احمدیہ مسلمہ نے');
    // Four footnotes and one link, numbered in order of first use under the Urdu heading.
    const references = rendered.text!.slice(rendered.text!.indexOf('حوالہ جات\n\u200F---------\n'));
    // Lines that start with a number or a Latin letter start with a right-to-left mark.
    expect(references.match(/^\u200F\[\d\] /gm)).toEqual(['\u200F[1] ', '\u200F[2] ', '\u200F[3] ', '\u200F[4] ', '\u200F[5] ']);
    expect(references).toMatch(/^\u200F\[1\] سپریم کورٹ آف پاکستان، .*PLD 2014 SC 699/ms);
    expect(references).toContain('[4] https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-civil-and-political-rights');
    expect(rendered.html).toContain('lang="ur"');
  });
});
