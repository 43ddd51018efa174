/**
 * Word documents to statements, without files or the CLI: the fixtures (made by pandoc, see
 * tests/fixtures/import/README.md) converted and read back as Markdown trees, compared with the
 * Markdown pandoc made them from; and mammoth-like HTML for what pandoc cannot write.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { convertDocx, convertHtml } from '../../src/import/convert-docx.ts';
import { toMarkdown } from '../../src/import/to-markdown.ts';
import { fixtures, outline, parser, source } from './outline.ts';

const fixture = (name: string) => readFile(path.join(fixtures, name));
/** Markdown text, written and read again, as a tree. */
const reread = (tree: Root) => parser.parse(toMarkdown(tree));

describe('convertDocx', () => {
  it('carries a press release over: title, subtitle, headings, emphasis, a quotation, nested lists, a table, a link, a picture and footnotes', async () => {
    const converted = await convertDocx(await fixture('press-release.docx'), 'press-release.docx');
    expect(converted.title).toEqual({ text: 'Forty mosques desecrated in Pakistan in 2023', from: 'title-style' });
    expect(converted.subtitle).toBe('The community calls on the international community to act');
    expect(converted.properties).toMatchObject({ title: 'Forty mosques desecrated in Pakistan in 2023', language: 'en-GB', modified: new Date('2023-11-27T00:00:00Z') });
    expect(converted.findings).toEqual([]);
    const imported = outline(reread(converted.tree));
    const original = outline(parser.parse(await source('press-release.md')));
    expect({ ...imported, images: undefined }).toEqual({ ...original, images: undefined });
    expect(imported.images).toEqual(['Map of the attacks in Punjab province']);
    // The facts themselves, so that a source and a conversion wrong alike cannot pass.
    expect(imported.headings).toEqual([[2, 'What happened'], [2, 'Figures']]);
    expect(imported.quotes).toEqual(['We ask only that the law protect us as it protects every citizen.']);
    expect(imported.lists).toEqual([{ ordered: true, items: [{ text: 'investigate every attack, including:', nested: [{ ordered: false, items: [{ text: 'the attack on the Rabwah mosque;', nested: [] }, { text: 'the attacks in Punjab province.', nested: [] }] }] }, { text: 'repeal the laws that make the attacks possible.', nested: [] }] }]);
    expect(imported.tables).toEqual([[['Year', 'Mosques desecrated', 'Arrests'], ['2021', '12', '0'], ['2022', '27', '1'], ['2023', '40', '0']]]);
    expect(imported.links).toEqual([["community's website", 'https://www.example.org/reports/2023-mosques']]);
    expect(imported.references).toEqual(['1', '2']);
    expect(imported.notes).toEqual([['1', 'Press conference in Rabwah, 27 November 2023.'], ['2', 'Supreme Court of Pakistan, PLD 2014 SC 699, paragraph 21.']]);
    expect(imported.strong).toEqual(['fortieth mosque', 'not intervene']);
    expect(imported.emphasis).toEqual(['a campaign tolerated by the authorities', 'not intervene']);
    expect(converted.images.map((i) => [i.number, i.contentType, i.bytes.length])).toEqual([[1, 'image/png', (await readFile(path.join(fixtures, 'sources/map.png'))).length]]);
  });

  it('writes Markdown footnotes and a tight nested list', async () => {
    const markdown = toMarkdown((await convertDocx(await fixture('press-release.docx'), 'press-release.docx')).tree);
    expect(markdown).toContain('*a campaign tolerated by the authorities*.[^1]\n');
    expect(markdown).toContain('\n[^1]: Press conference in Rabwah, 27 November 2023.\n\n[^2]: Supreme Court of Pakistan, PLD 2014 SC 699, paragraph 21.\n');
    expect(markdown).toContain('1. investigate every attack, including:\n   - the attack on the Rabwah mosque;\n   - the attacks in Punjab province.\n2. repeal the laws');
    expect(markdown).toContain('| Year | Mosques desecrated | Arrests |\n| ---- | ------------------ | ------- |\n| 2021 | 12                 | 0       |');
  });

  it('keeps right-to-left text as written, in its order', async () => {
    const converted = await convertDocx(await fixture('urdu.docx'), 'urdu.docx');
    expect(converted.title?.text).toBe('پاکستان میں احمدیوں پر ظلم جاری ہے');
    const imported = outline(reread(converted.tree));
    expect(imported).toEqual(outline(parser.parse(await source('urdu.md'))));
    expect(imported.links).toEqual([['جماعت کی ویب سائٹ', 'https://www.example.org/ur/report']]);
    expect(imported.notes).toEqual([['1', 'ربوہ میں پریس کانفرنس، ۲۷ نومبر ۲۰۲۳۔']]);
    expect(converted.properties.language).toBeUndefined();
  });

  it('reports tracked changes, comments, a link to a file and pictures it cannot place', async () => {
    const converted = await convertDocx(await fixture('tracked-changes.docx'), 'tracked-changes.docx');
    const accept = 'the statement reads as if every change was accepted: check it against the document, or accept or reject the changes in Word (Review > Accept, Reject) and import again';
    expect(converted.findings).toEqual([
      { what: 'tracked changes: 1 insertion kept (“yesterday”), by Press Officer', todo: accept },
      { what: 'tracked changes: 2 deletions left out (“last week”, “, and nobody was arrested”), by Press Officer and Legal Adviser', todo: accept },
      { what: 'a comment by Legal Adviser on “The police were present.” was left out: “Check this with the lawyer before release.”', todo: 'do what it asks in the statement, or resolve it in Word and import again' },
      { what: 'the link on “the lawyer’s file” goes to “file:///C:/Users/press/Documents/evidence.docx”, not a web address, and became plain text', todo: 'if the document it points to is online, link to its web address: [text](https://...)' },
    ]);
    expect(outline(reread(converted.tree)).paragraphs).toEqual(['The community condemned the attack on the mosque in Rabwah yesterday.', 'The police were present. They did not intervene.', "The evidence is in the lawyer's file.", '', '']);
    expect(converted.images.map((i) => i.contentType)).toEqual(['image/tiff', 'image/png']);
  });
});

describe('convertHtml', () => {
  const markdown = (html: string, title?: string) => toMarkdown(convertHtml(html, title).tree);

  it('numbers footnotes and endnotes in one series, by first reference, with every paragraph of a note', () => {
    const html =
      '<p>One<sup><a href="#docx-endnote-1" id="docx-endnote-ref-1">[1]</a></sup> two<sup><a href="#docx-footnote-9" id="docx-footnote-ref-9">[1]</a></sup>.</p>' +
      '<ol><li id="docx-footnote-9"><p> Foot nine. <a href="#docx-footnote-ref-9">↑</a></p></li><li id="docx-endnote-1"><p> End one. <a href="#docx-endnote-ref-1">↑</a></p><p>Its second paragraph.</p></li></ol>';
    expect(markdown(html)).toBe('One[^1] two[^2].\n\n[^1]: End one.\n\n    Its second paragraph.\n\n[^2]: Foot nine.\n');
  });

  it('keeps an ordinary numbered list and superscript as they are', () => {
    expect(markdown('<ol><li>first</li><li>second</li></ol><p>1<sup>st</sup></p>')).toBe('1. first\n2. second\n\n1st\n');
  });

  it('makes tables that GFM can hold, saying what changed', () => {
    const converted = convertHtml('<table><tr><td><p>a</p><p>b</p></td><td colspan="2">c</td></tr><tr><td><ul><li>x</li><li>y</li></ul></td><td>2</td><td>3|4</td></tr></table>');
    expect(toMarkdown(converted.tree)).toBe('| a b  | c |      |\n| ---- | - | ---- |\n| x; y | 2 | 3\\|4 |\n');
    expect(converted.findings).toEqual([
      { what: 'in the table starting “a b c x; y 2 3|4”, cells with several paragraphs or a list were joined into one line; merged cells were split, leaving empty cells; its first row became the header row', todo: 'check the table in the statement against the document' },
    ]);
  });

  it('keeps web, email and telephone links; makes links inside the document and to files plain text', () => {
    const converted = convertHtml('<p><a id="_bookmark"></a><a href="#_Toc1">Contents</a>, <a href="mailto:press@example.org">mail</a>, <a href="tel:+442079460000">call</a>, <a href="../report.pdf">report</a>.</p>');
    expect(toMarkdown(converted.tree)).toBe('Contents, [mail](mailto:press@example.org), [call](tel:+442079460000), report.\n');
    expect(converted.findings.map((f) => f.what)).toEqual([
      'the link on “report” goes to “../report.pdf”, not a web address, and became plain text',
      '1 link to places inside the document (a table of contents or cross-references) became plain text',
    ]);
  });

  it('moves the space Word keeps inside bold and italic runs outside them', () => {
    expect(markdown('<p>a <strong>bold </strong>word and<em> italic</em> one, <strong><em> both </em></strong>.</p><p><strong> </strong>x</p>')).toBe('a **bold** word and *italic* one, **_both_** .\n\nx\n');
  });

  it('puts the text headings under the headline', () => {
    expect(markdown('<h1>Section</h1><p>x</p><h3>Sub</h3>', 'Title')).toBe('## Section\n\nx\n\n#### Sub\n');
    expect(markdown('<h2>Section</h2><p>x</p>', 'Title')).toBe('## Section\n\nx\n');
  });
});

describe('the title, subtitle and lines at the top', () => {
  it('takes the Title paragraph, else the title property, else a first heading, else a first headline-like line', () => {
    expect(convertHtml('<h1 class="docx-title">Shown title</h1><p class="docx-subtitle">Sub</p><p>Body.</p>', 'Stale template title')).toMatchObject({ title: { text: 'Shown title', from: 'title-style' }, subtitle: 'Sub' });
    const fromProperties = convertHtml('<p>Forty  mosques</p><p>Body.</p>', 'Forty mosques');
    expect(fromProperties.title).toEqual({ text: 'Forty mosques', from: 'properties' });
    expect(toMarkdown(fromProperties.tree)).toBe('Body.\n');
    expect(toMarkdown(convertHtml('<p>Body.</p>', 'Another title').tree)).toBe('Body.\n');
    const stale = convertHtml('<h1>Forty mosques</h1><p>Body.</p>', 'Press release template');
    expect(toMarkdown(stale.tree)).toBe('## Forty mosques\n\nBody.\n');
    expect(stale.findings).toEqual([
      { what: "the title is the document's Title property, “Press release template”, and its first heading, “Forty mosques”, stayed in the text", todo: 'if the heading is the headline, write it in title: and remove it from the text' },
    ]);
    expect(convertHtml('<h2>A heading</h2><p>Body.</p>').title).toEqual({ text: 'A heading', from: 'heading' });
    expect(convertHtml('<p><strong>A bold headline</strong></p><p>Body.</p>').title).toEqual({ text: 'A bold headline', from: 'paragraph' });
    expect(convertHtml('<p>A first sentence is not a headline.</p>').title).toBeUndefined();
    expect(convertHtml('<p>Body with a link to <a href="https://x.example">x</a></p>').title).toBeUndefined();
  });

  it('leaves out the release line and an embargo line, saying where they belong', () => {
    const converted = convertHtml('<p>FOR IMMEDIATE RELEASE</p><p>Embargoed until 09:00 GMT, 28 November 2023</p><h1 class="docx-title">Title</h1><p>Body.</p>');
    expect(converted.title?.text).toBe('Title');
    expect(toMarkdown(converted.tree)).toBe('Body.\n');
    expect(converted.findings.map((f) => f.what)).toHaveLength(2);
    for (const line of ['FOR IMMEDIATE RELEASE', 'Press release – 27 November 2023', 'NEWS RELEASE:', 'Embargoed until 09:00', 'EMBARGO: 28 November']) {
      expect(convertHtml(`<p>${line}</p><p>Title</p><p>Body.</p>`).title?.text, line).toBe('Title');
    }
    for (const line of ['Press release: Forty mosques desecrated in Pakistan', 'Embargo on arms sales must end']) {
      expect(convertHtml(`<p>${line}</p><p>Body.</p>`).title?.text, line).toBe(line);
    }
    expect(converted.findings).toEqual([
      { what: 'the line “FOR IMMEDIATE RELEASE” at the top was left out', todo: 'Clarion prints the release line itself, with the date from date:' },
      { what: 'the line “Embargoed until 09:00 GMT, 28 November 2023” at the top was left out', todo: 'write the embargo in the front matter, e.g. embargo: 2023-11-28T09:00 Europe/London' },
    ]);
  });

  it('cleans the title of marks Word adds and cuts one over 200 characters at a word', () => {
    expect(convertHtml('<h1 class="docx-title">\u200fForty\u00ad mosques\t desecrated\u202c</h1>').title?.text).toBe('Forty mosques desecrated');
    expect(convertHtml('<h1 class="docx-title">Forty mosques<sup><a href="#docx-footnote-1">[1]</a></sup></h1>').title?.text).toBe('Forty mosques');
    const long = convertHtml(`<h1 class="docx-title">${'word '.repeat(50)}</h1>`);
    expect(long.title?.text).toBe('word '.repeat(40).trim());
    expect(long.findings[0]?.what).toMatch(/^the title is longer than 200 characters and was cut: “word word/);
  });
});
