import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';
import { formatDiagnostic } from '../../src/report/diagnostic.ts';
import { checkWordLimit, countWords, countWordsInText } from '../../src/kinds/un-submission/word-count.ts';

const tree = (markdown: string, lang = 'en') => parseMarkdown(markdown, { file: 'x.md', firstLine: 1, lang, allowHtml: false }).tree;

/** The definition, spelled out independently: word-like segments of Unicode word segmentation. */
const segmenterCount = (text: string, lang: string) =>
  [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).length;

describe('countWordsInText', () => {
  it('counts English words, not punctuation, and follows Unicode word segmentation', () => {
    expect(countWordsInText('The statement — signed by 12 NGOs — was filed on 27 November 2023.', 'en')).toBe(12);
    expect(countWordsInText('“Freedom of religion,” she said; “it’s a right!”', 'en')).toBe(8);
    // Numbers with separators are one word; a hyphen separates; an apostrophe does not.
    expect(countWordsInText('2,000 words, 3.5% and 1,500.', 'en')).toBe(5);
    expect(countWordsInText('well-being, e-mail, twenty-two', 'en')).toBe(6);
    expect(countWordsInText("the community's members", 'en')).toBe(3);
    // A URL is one word per part between its slashes and colons: https, www.ohchr.org, en, hr-bodies…
    expect(countWordsInText('https://www.ohchr.org/en/hrbodies', 'en')).toBe(4);
    expect(countWordsInText('', 'en')).toBe(0);
    expect(countWordsInText(' … — ! ', 'en')).toBe(0);
  });

  it('counts Urdu and Arabic words', () => {
    expect(countWordsInText('احمدیہ مسلم جماعت نے مذمت کی۔', 'ur')).toBe(6);
    expect(countWordsInText('مجلس حقوق الإنسان، الدورة الخامسة والخمسون', 'ar')).toBe(6);
  });

  it('counts Chinese and Japanese by dictionary words, not by characters or spaces', () => {
    for (const [text, lang] of [['人权理事会的书面声明', 'zh'], ['人権理事会への書面による声明', 'ja']] as const) {
      const count = countWordsInText(text, lang);
      expect(count).toBe(segmenterCount(text, lang));
      expect(count).toBeGreaterThan(1);
      expect(count).toBeLessThan([...text].length);
    }
  });

  it('agrees with Intl.Segmenter on mixed text', () => {
    const samples: [string, string][] = [
      ['Pakistan’s Penal Code (s. 298-C) — see PLD 2014 SC 699 at https://example.org/a?b=c.', 'en'],
      ['La déclaration n° 12 — l’ONG « sans statut » — 2 000 mots.', 'fr'],
      ['Rabwah (پاکستان) – 27.11.2023', 'ur'],
    ];
    for (const [text, lang] of samples) expect(countWordsInText(text, lang)).toBe(segmenterCount(text, lang));
  });
});

describe('countWords', () => {
  const markdown = `## Background

The community has faced violence since 1974.[^a] See [the OHCHR page](https://www.ohchr.org/en/hr-bodies).

> A quoted paragraph of six words.

- first item
- second item

| Year | Mosques |
| ---- | ------- |
| 2023 | forty   |

Line one  
line two ends here.

![Mosque in Rabwah](mosque.jpg)

<span>raw html</span>

[^a]: Supreme Court of Pakistan, PLD 2014 SC 699.
[^unused]: A definition nothing refers to.
`;

  it('counts the text of every block once, apart from footnotes and HTML tags', () => {
    const counted = countWords(tree(markdown), { lang: 'en', includeNotes: true });
    const body = [
      'Background',
      'The community has faced violence since 1974. See the OHCHR page.',
      'A quoted paragraph of six words.',
      'first item', 'second item',
      'Year', 'Mosques', '2023', 'forty',
      'Line one', 'line two ends here.',
      'Mosque in Rabwah',
      // The tags of inline HTML are left out of the outputs, the text between them is not.
      'raw html',
    ].join('\n');
    expect(counted.body).toBe(countWordsInText(body, 'en'));
    expect(counted.body).toBe(1 + 11 + 6 + 4 + 4 + 6 + 3 + 2);
    // Only the note that is referenced: the unused definition appears in no output.
    expect(counted.notes).toBe(countWordsInText('Supreme Court of Pakistan, PLD 2014 SC 699.', 'en'));
    expect(counted.total).toBe(counted.body + counted.notes);
  });

  it('leaves the notes out of the total when the profile does not count them, and adds extra notes', () => {
    const withoutNotes = countWords(tree(markdown), { lang: 'en', includeNotes: false });
    expect(withoutNotes.total).toBe(withoutNotes.body);
    expect(withoutNotes.notes).toBeGreaterThan(0);
    const extra = countWords(tree(markdown), { lang: 'en', includeNotes: true, extraNotes: ['Shared by Org B and Org C.'] });
    expect(extra.notes).toBe(withoutNotes.notes + 7);
    expect(extra.total).toBe(extra.body + extra.notes);
  });

  it('does not join the last word of one block to the first word of the next', () => {
    // Run together, "end.Next" would be one word to the segmenter.
    expect(countWords(tree('It ends at the end.\n\nNext paragraph.'), { lang: 'en', includeNotes: true }).body).toBe(7);
    expect(countWords(tree('- one.\n- two.'), { lang: 'en', includeNotes: true }).body).toBe(2);
    expect(countWords(tree('Hard  \nbreak.'), { lang: 'en', includeNotes: true }).body).toBe(2);
  });

  it('counts an Urdu statement in Urdu', () => {
    const counted = countWords(tree('احمدیہ مسلم جماعت نے مذمت کی۔[^1]\n\n[^1]: سپریم کورٹ\n', 'ur'), { lang: 'ur', includeNotes: true });
    expect(counted).toEqual({ body: 6, notes: 2, total: 8 });
  });
});

describe('checkWordLimit', () => {
  const hrc = { profile: 'hrc-written-statement', status: 'general', joint: false };

  it('one word over the limit is an error naming the count, the limit, the profile and what to cut', () => {
    const finding = checkWordLimit(2001, 2000, hrc);
    expect(finding).toEqual({
      severity: 'error',
      rule: 'over-word-limit',
      message: 'the statement has 2,001 words; the limit for hrc-written-statement (general status) is 2,000',
      hint: 'cut at least 1 word',
    });
    expect(formatDiagnostic({ file: 'statements/hrc.md', line: 1, column: 1, ...finding! })).toBe(
      'statements/hrc.md:1:1 error the statement has 2,001 words; the limit for hrc-written-statement (general status) is 2,000 — cut at least 1 word (over-word-limit)',
    );
    expect(checkWordLimit(1650, 1500, { ...hrc, status: 'special' })?.message).toBe('the statement has 1,650 words; the limit for hrc-written-statement (special status) is 1,500');
    expect(checkWordLimit(1650, 1500, { ...hrc, status: 'special' })?.hint).toBe('cut at least 150 words');
  });

  it('exactly at the limit and one under are not errors, but warnings within 5% of it', () => {
    expect(checkWordLimit(2000, 2000, hrc)).toEqual({
      severity: 'warning',
      rule: 'near-word-limit',
      message: 'the statement has 2,000 words, close to the limit for hrc-written-statement (general status) of 2,000',
      hint: 'it is exactly at the limit: any word added puts it over',
    });
    expect(checkWordLimit(1999, 2000, hrc)).toMatchObject({ severity: 'warning', hint: 'at most 1 word can be added' });
    expect(checkWordLimit(1900, 2000, hrc)).toMatchObject({ severity: 'warning', hint: 'at most 100 words can be added' });
    expect(checkWordLimit(1899, 2000, hrc)).toBeUndefined();
    expect(checkWordLimit(0, 2000, hrc)).toBeUndefined();
  });

  it('names joint and individual limits, and says nothing without a limit', () => {
    const upr = { profile: 'upr-stakeholder', status: 'special', joint: true, basis: 'joint' as const };
    expect(checkWordLimit(5631, 5630, upr)?.message).toBe('the statement has 5,631 words; the limit for upr-stakeholder (joint submission) is 5,630');
    expect(checkWordLimit(2816, 2815, { ...upr, joint: false, basis: 'individual' })?.message).toContain('(individual submission) is 2,815');
    expect(checkWordLimit(2001, 2000, { ...hrc, joint: true })?.message).toContain('(general status, joint submission) is 2,000');
    expect(checkWordLimit(99_999, undefined, hrc)).toBeUndefined();
  });
});
