import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';
import { splitFrontMatter } from '../../src/sources/split-front-matter.ts';
import { writeDocx, type WordDocument } from '../../src/formats/docx/index.ts';
import { paragraphNumbers } from '../../src/kinds/un-submission/number-paragraphs.ts';
import { loadProfiles, PROFILES_FILE, type Profile } from '../../src/kinds/un-submission/profiles.ts';
import { supportersNote } from '../../src/kinds/un-submission/supporters-note.ts';
import { countWords, countWordsInText } from '../../src/kinds/un-submission/word-count.ts';
import { paragraphsOf, readDocx, type ReadDocx } from './read-docx.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

const UPR = `## Introduction

The Ahmadiyya Muslim Community submits this report for the fourth cycle of the Universal Periodic Review of Pakistan.[^cycle] It covers 2017–2022.

## Freedom of religion or belief

Since the third cycle, at least forty Ahmadi places of worship have been desecrated, many by police acting on complaints under sections 298-B and 298-C of the Penal Code.[^ppc]

> No Ahmadi may call his place of worship a mosque.

The recommendations Pakistan *supported* in 2017 remain unimplemented:

- repeal of the blasphemy laws;
- protection of places of worship.

### Recommendations

We ask the Working Group to recommend that Pakistan **repeal** sections 298-B and 298-C; see the [OHCHR page on Pakistan](https://www.ohchr.org/en/hr-bodies/upr/pk-index).

[^cycle]: Fourth cycle, forty-second session of the Working Group (January–February 2023).
[^ppc]: Pakistan Penal Code, 1860, sections 298-B and 298-C, inserted by Ordinance XX of 1984; see [the Code](https://example.org/ppc).
`;

const HEADING = ['Ahmadiyya Muslim Community (individual submission)', 'Universal Periodic Review, fourth cycle', 'Pakistan'];
const TITLE = 'Freedom of religion or belief of Ahmadis in Pakistan';
const DATE = new Date('2023-11-27T09:30:00Z');

const tree = (markdown: string, lang = 'en'): Root => parseMarkdown(markdown, { file: 'x.md', firstLine: 1, lang, allowHtml: false }).tree;

/** A submission's Word document, as the kind describes it: supporters named in the title's note, paragraphs numbered as the profile says. */
function submission(profile: Profile, body: Root, extra: Partial<WordDocument> & { supporters?: string[] } = {}): WordDocument {
  const { supporters = ['Org B', 'Org C'], ...rest } = extra;
  const lang = rest.lang ?? 'en';
  const note = supportersNote(supporters, lang);
  return {
    title: TITLE, lang, author: 'Ahmadiyya Muslim Community', date: DATE,
    font: profile.font, fontSize: profile.fontSize, titleBold: profile.titleBold, paper: profile.paper,
    heading: HEADING, ...(note ? { titleNote: note } : {}), body,
    numbered: profile.numberParagraphs ? paragraphNumbers(body) : new Map(), numberPages: profile.numberPages,
    ...rest,
  };
}

let profiles: Map<string, Profile>;
let body: Root;
let bytes: Uint8Array;
let docx: ReadDocx;

beforeAll(async () => {
  profiles = loadProfiles(PROFILES_FILE, await readFile(path.join(repoRoot, PROFILES_FILE), 'utf8')).profiles;
  body = tree(UPR);
  bytes = await writeDocx(submission(profiles.get('upr-stakeholder')!, body));
  docx = await readDocx(bytes);
});

describe('the Word file of a UPR submission', () => {
  it('starts with the heading block, then the title with the supporters’ footnote, marked "*" and not numbered', async () => {
    expect(docx.paragraphs.slice(0, 4).map((p) => p.text)).toEqual([...HEADING, `${TITLE}*`]);
    const title = docx.paragraphs[3]!;
    expect(title.style).toBe('Title');
    expect(title.xml).toMatch(/<w:footnoteReference w:customMarkFollows="1" w:id="1"\/><w:t>\*<\/w:t>/);
    expect(docx.footnotes.get('1')!.trim()).toBe(`* ${supportersNote(['Org B', 'Org C'], 'en')}`);
    // Word numbers only notes without a mark of their own: the text's notes are 1 and 2, as in every other format.
    expect(await docx.part('word/footnotes.xml')).toMatch(/<w:footnote w:id="2">[\s\S]*?<w:footnoteRef\/>/);
    expect(docx.footnotes.get('1')).toContain('Org B and Org C');
  });

  it('numbers exactly the body paragraphs paragraphNumbers picks, with Word numbering', async () => {
    const numbers = [...paragraphNumbers(body).keys()].map((p) => toString(p));
    expect(numbers).toHaveLength(4);
    const withNumPr = docx.paragraphs.filter((p) => p.numId !== undefined && p.style !== 'ListParagraph');
    expect(withNumPr.map((p) => p.text)).toEqual(numbers);
    const numId = withNumPr[0]!.numId!;
    expect(withNumPr.every((p) => p.numId === numId && p.level === '0')).toBe(true);
    // The list items and the quote are not numbered paragraphs.
    const items = docx.paragraphs.filter((p) => p.style === 'ListParagraph');
    expect(items.map((p) => p.text)).toEqual(['repeal of the blasphemy laws;', 'protection of places of worship.']);
    expect(items.every((p) => p.numId !== numId)).toBe(true);
    expect(docx.paragraphs.find((p) => p.text.startsWith('No Ahmadi'))).toMatchObject({ style: 'Quote' });
    expect(docx.paragraphs.find((p) => p.text.startsWith('No Ahmadi'))!.numId).toBeUndefined();
    // The numbering is a definition Word keeps numbering with: decimal "1.", "2.", …
    const numbering = await docx.part('word/numbering.xml');
    const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
    expect(abstractId).toBeDefined();
    const abstract = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>([\\s\\S]*?)</w:abstractNum>`).exec(numbering)![1]!;
    expect(abstract).toContain('<w:numFmt w:val="decimal"/>');
    expect(abstract).toContain('<w:lvlText w:val="%1."/>');
  });

  it('puts headings in Word heading styles', () => {
    const styleOf = (text: string) => docx.paragraphs.find((p) => p.text === text)?.style;
    expect(styleOf('Introduction')).toBe('Heading2');
    expect(styleOf('Freedom of religion or belief')).toBe('Heading2');
    expect(styleOf('Recommendations')).toBe('Heading3');
  });

  it('makes footnotes real Word footnotes, referenced from the text', async () => {
    const document = await docx.part('word/document.xml');
    expect(docx.footnotes.get('2')!.trim()).toBe('Fourth cycle, forty-second session of the Working Group (January–February 2023).');
    expect(docx.footnotes.get('3')!.trim()).toBe('Pakistan Penal Code, 1860, sections 298-B and 298-C, inserted by Ordinance XX of 1984; see the Code.');
    expect(document.match(/<w:footnoteReference w:customMarkFollows="1" w:id="1"\/>/g)).toHaveLength(1);
    for (const id of ['2', '3']) expect(document.match(new RegExp(`<w:footnoteReference w:id="${id}"/>`, 'g'))).toHaveLength(1);
    expect(docx.paragraphs.find((p) => p.text.startsWith('The Ahmadiyya'))!.xml).toContain('<w:footnoteReference w:id="2"/>');
    // A link in a footnote is a hyperlink of the footnotes part.
    const rels = await docx.part('word/_rels/footnotes.xml.rels');
    expect(rels).toContain('Target="https://example.org/ppc" TargetMode="External"');
  });

  it('keeps links, emphasis and strong text', async () => {
    const document = await docx.part('word/document.xml');
    const rels = await docx.part('word/_rels/document.xml.rels');
    const id = /Id="([^"]+)" Type="[^"]+\/hyperlink" Target="https:\/\/www\.ohchr\.org\/en\/hr-bodies\/upr\/pk-index"/.exec(rels)?.[1];
    expect(id).toBeDefined();
    expect(document).toMatch(new RegExp(`<w:hyperlink [^>]*r:id="${id}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">OHCHR page on Pakistan</w:t>`));
    expect(document).toMatch(/<w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">supported<\/w:t>/);
    expect(document).toMatch(/<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">repeal<\/w:t>/);
  });

  it('uses the profile’s font and size, A4 paper, margins of 2.5 cm, and Page X of Y in the footer', async () => {
    const styles = await docx.part('word/styles.xml');
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)![1]!;
    expect(defaults).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>');
    expect(defaults).toContain('<w:sz w:val="24"/>');
    expect(defaults).toContain('<w:lang w:val="en"/>');
    const title = /<w:style w:type="paragraph" w:styleId="Title">([\s\S]*?)<\/w:style>/.exec(styles)![1]!;
    expect(title).toContain('<w:b/>');
    const document = await docx.part('word/document.xml');
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(document).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/);
    const footer = await docx.part('word/footer1.xml');
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footer).toContain('<w:instrText xml:space="preserve">NUMPAGES</w:instrText>');
    expect(paragraphsOf(footer).map((p) => p.text)).toEqual(['Page  of ']);
  });

  it('records title, creator, language and the statement’s date as document properties', async () => {
    const core = await docx.part('docProps/core.xml');
    expect(core).toContain(`<dc:title>${TITLE}</dc:title>`);
    expect(core).toContain('<dc:creator>Ahmadiyya Muslim Community</dc:creator>');
    expect(core).toContain('<dc:language>en</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-27T09:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-27T09:30:00Z</dcterms:modified>');
  });

  it('has the words of the source: body by body, notes by notes, by the one definition of a word', () => {
    const counted = countWords(body, { lang: 'en', includeNotes: true, extraNotes: [supportersNote(['Org B', 'Org C'], 'en')!] });
    const blocks = docx.rawText.split('\n\n');
    const bodyText = blocks.slice(HEADING.length + 1).join('\n\n');
    expect(countWordsInText(bodyText, 'en')).toBe(counted.body);
    expect(counted.body).toBeGreaterThan(100);
    expect(countWordsInText([...docx.footnotes.values()].join('\n'), 'en')).toBe(counted.notes);
  });

  it('gives the same bytes for the same input, with the statement’s date on every zip entry', async () => {
    const again = await writeDocx(submission(profiles.get('upr-stakeholder')!, tree(UPR)));
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
    for (const entry of Object.values(docx.zip.files)) expect(entry.date.getTime(), entry.name).toBe(Date.UTC(2023, 10, 27, 9, 30, 0));
    expect(Object.keys(docx.zip.files)[0]).toBe('[Content_Types].xml');
    for (const part of ['word/_rels/document.xml.rels', 'word/_rels/footnotes.xml.rels']) {
      for (const [, id] of (await docx.part(part)).matchAll(/Id="([^"]+)"/g)) expect(id).toMatch(/^rIdR?\d+$/);
    }
  });
});

describe('the Word file of the sample statement', () => {
  it('has the words and the notes of its source, under the HRC profile', async () => {
    const source = await readFile(path.join(repoRoot, 'statements/ahmadi-mosques-desecrated/en.md'), 'utf8');
    const split = splitFrontMatter(source);
    if (typeof split === 'string') throw new Error(split);
    const sample = tree(split.body);
    const hrc = profiles.get('hrc-written-statement')!;
    const heading = ['Ahmadiyya Muslim Community (special consultative status)', 'Human Rights Council, fifty-fifth session', 'Agenda item 4'];
    const read = await readDocx(await writeDocx(submission(hrc, sample, { heading, supporters: ['International Human Rights Committee'] })));
    const counted = countWords(sample, { lang: 'en', includeNotes: hrc.countNotes, extraNotes: [supportersNote(['International Human Rights Committee'], 'en')!] });
    const bodyText = read.rawText.split('\n\n').slice(heading.length + 1).join('\n\n');
    expect(countWordsInText(bodyText, 'en')).toBe(counted.body);
    expect(countWordsInText([...read.footnotes.values()].join('\n'), 'en')).toBe(counted.notes);
    expect(read.footnotes.size).toBe(5);
    // The quoted statement is indented as a quote, its bold heading kept bold.
    const quoted = read.paragraphs.filter((p) => p.style === 'Quote');
    expect(quoted).toHaveLength(7);
    expect(quoted[0]!.xml).toContain('<w:b/>');
  });
});

describe('the Word file of an HRC written statement', () => {
  it('numbers no paragraphs and pages when the profile does not, and is still deterministic', async () => {
    const hrc = { ...profiles.get('hrc-written-statement')!, numberParagraphs: false, numberPages: false };
    const written = await writeDocx(submission(hrc, tree(UPR), { supporters: [] }));
    const read = await readDocx(written);
    expect(read.paragraphs.filter((p) => p.numId !== undefined && p.style !== 'ListParagraph')).toEqual([]);
    expect(read.zip.file('word/footer1.xml')).toBeNull();
    // Without supporters the body's notes are 1 and 2.
    expect([...read.footnotes.keys()]).toEqual(['1', '2']);
    expect(read.paragraphs[3]!.xml).not.toContain('footnoteReference');
  });

  it('takes another font and a half-point size from the profile', async () => {
    const written = await writeDocx(submission({ ...profiles.get('generic')!, font: 'Arial', fontSize: 10.5, titleBold: false }, tree('Text.')));
    const styles = await (await readDocx(written)).part('word/styles.xml');
    expect(styles).toContain('<w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"/><w:sz w:val="21"/>');
    expect(/<w:style w:type="paragraph" w:styleId="Title">([\s\S]*?)<\/w:style>/.exec(styles)![1]).not.toContain('<w:b/>');
  });
});

describe('Markdown in the Word file', () => {
  it('turns ordered lists into Word lists that start at their own number, and keeps nested lists', async () => {
    const read = await readDocx(await writeDocx(submission(profiles.get('generic')!, tree('3. three\n4. four\n   - nested\n\nText.\n\n1. again'), { supporters: [] })));
    const items = read.paragraphs.filter((p) => p.style === 'ListParagraph');
    expect(items.map((p) => [p.text, p.level])).toEqual([['three', '0'], ['four', '0'], ['nested', '1'], ['again', '0']]);
    expect(items[0]!.numId).toBe(items[1]!.numId);
    expect(items[3]!.numId).not.toBe(items[0]!.numId);
    const numbering = await read.part('word/numbering.xml');
    const abstractOf = (numId: string) => new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1];
    const startOf = (numId: string) => new RegExp(`<w:abstractNum w:abstractNumId="${abstractOf(numId)}"[^>]*>[\\s\\S]*?<w:start w:val="(\\d+)"/>`).exec(numbering)![1];
    expect(startOf(items[0]!.numId!)).toBe('3');
    expect(startOf(items[3]!.numId!)).toBe('1');
  });

  it('writes images as their alt text, a second reference to a note as its number, and hard breaks as breaks', async () => {
    const markdown = 'See ![a chart of desecrations](chart.png).\n\nOne[^a] and again[^a].\n\nLine one  \nline two.\n\n[^a]: The note.';
    const read = await readDocx(await writeDocx(submission(profiles.get('generic')!, tree(markdown), { supporters: [] })));
    expect(read.paragraphs.map((p) => p.text).slice(4)).toEqual(['See [a chart of desecrations].', 'One and again1.', 'Line oneline two.']);
    const again = read.paragraphs.find((p) => p.text.startsWith('One'))!;
    expect(again.xml.match(/<w:footnoteReference w:id="1"\/>/g)).toHaveLength(1);
    expect(again.xml).toContain('<w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">1</w:t>');
    expect(read.paragraphs.find((p) => p.text.startsWith('Line'))!.xml).toContain('<w:br/>');
  });

  it('writes a right-to-left statement right to left, in its language', async () => {
    const read = await readDocx(await writeDocx(submission(profiles.get('generic')!, tree('احمدیہ مسلم جماعت نے مذمت کی۔', 'ur'), { lang: 'ur', supporters: [] })));
    const paragraph = read.paragraphs.find((p) => p.text.startsWith('احمدیہ'))!;
    expect(paragraph.xml).toContain('<w:bidi/>');
    expect(paragraph.xml).toContain('<w:rtl/>');
    expect(await read.part('docProps/core.xml')).toContain('<dc:language>ur</dc:language>');
    expect(await read.part('word/styles.xml')).toMatch(/<w:lang w:val="ur" w:bidi="ur"\/>/);
  });
});
