/**
 * The proof stage, email drafts and Word files. Every .eml is read twice, by mailparser and by a
 * reader that shares no code with the composer (tests/support/read-eml.ts): CRLF lines of at most
 * 78 characters, the headers a draft needs, the plain text first and the HTML last, the text part
 * the text release byte for byte, an HTML part that loads nothing from outside, the headline in the
 * subject, and the two readings the same. Every .docx opens in mammoth; each numbering it uses is
 * defined; every footnote mark has its note and every note its mark, as many as the web page
 * has; numbered paragraphs are those of the web page; its title and language are the statement's.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { simpleParser } from 'mailparser';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../un/read-docx.ts';
import { readEml } from '../support/read-eml.ts';
import { wordsOf } from '../words/read-words.ts';
import { shown, testOutputs, type Outputs } from './outputs.ts';

let outputs: Outputs;
beforeAll(async () => {
  outputs = await testOutputs();
}, 300_000);

const files = (ext: string) => outputs.distinct.get(ext) ?? [];
const parseHtml = (html: string) => unified().use(rehypeParse).parse(html) as Root;
const page = (file: string) => {
  const index = outputs.owner.get(file)?.statement?.file('index.html');
  return index ? parseHtml(readFileSync(index, 'utf8')) : undefined;
};

describe('every email draft of the test builds', () => {
  it('was found', () => {
    expect(files('.eml').length, 'run the suite first').toBeGreaterThan(10);
  });

  it('is CRLF lines of at most 78 characters, with the headers of a draft, the text part first and the HTML part last', async () => {
    const problems: string[] = [];
    for (const file of files('.eml')) {
      const eml = readEml(await readFile(file));
      if (!eml.crlf) problems.push(`${shown(file)}: a line ends without CRLF`);
      const long = eml.lines.findIndex((line) => line.length > 78);
      if (long >= 0) problems.push(`${shown(file)}: line ${long + 1} is ${eml.lines[long]!.length} characters long`);
      for (const header of ['from', 'date', 'message-id', 'subject', 'mime-version']) if (!eml.header(header)) problems.push(`${shown(file)}: no ${header} header`);
      if (!/^<[^<>@\s]+@[^<>@\s]+>$/.test(eml.header('message-id') ?? '')) problems.push(`${shown(file)}: Message-ID ${eml.header('message-id')}`);
      const types = eml.leaves.map((p) => p.contentType);
      if (types[0] !== 'text/plain' || types.at(-1) !== 'text/html') problems.push(`${shown(file)}: parts ${types.join(', ')}`);
      if (!eml.root.contentType.startsWith('multipart/')) problems.push(`${shown(file)}: ${eml.root.contentType}, not a multipart`);
      for (const part of eml.leaves.filter((p) => p.contentType.startsWith('text/'))) if (part.params.get('charset')?.toLowerCase() !== 'utf-8') problems.push(`${shown(file)}: a ${part.contentType} part in ${part.params.get('charset')}`);
    }
    expect(problems).toEqual([]);
  });

  it('carries the text release byte for byte, an HTML part that loads nothing from outside, and the headline in the subject', async () => {
    const problems: string[] = [];
    for (const file of files('.eml')) {
      const eml = readEml(await readFile(file));
      const text = eml.leaves.find((p) => p.contentType === 'text/plain')?.text?.replace(/\r\n/g, '\n');
      const html = eml.leaves.find((p) => p.contentType === 'text/html')?.text ?? '';
      const statement = outputs.owner.get(file)?.statement;
      const release = statement?.file('.txt');
      if (release && text !== readFileSync(release, 'utf8')) problems.push(`${shown(file)}: the text part is not the text release`);
      if (/<script|<link|<img[^>]+src="?https?:|url\(\s*['"]?https?:/i.test(html)) problems.push(`${shown(file)}: the HTML part loads something from outside`);
      if (!html.includes('</html>')) problems.push(`${shown(file)}: no HTML document in the HTML part`);
      const email = statement?.file('email.html');
      if (email && html.replace(/\r\n/g, '\n') !== readFileSync(email, 'utf8')) problems.push(`${shown(file)}: the HTML part is not email.html`);
      // Word for word ("EMBARGOED until ...:" may come first).
      const title = statement?.listing?.title;
      const subject = wordsOf(eml.header('subject') ?? '').join(' ');
      if (title && !` ${subject}`.endsWith(` ${wordsOf(title).join(' ')}`)) problems.push(`${shown(file)}: subject ${JSON.stringify(eml.header('subject'))} for the headline ${JSON.stringify(title)}`);
    }
    expect(problems).toEqual([]);
  });

  it('reads the same in mailparser', async () => {
    const problems: string[] = [];
    for (const file of files('.eml')) {
      const bytes = await readFile(file);
      const ours = readEml(bytes);
      const mail = await simpleParser(bytes);
      const part = (type: string) => ours.leaves.find((p) => p.contentType === type)?.text;
      if (mail.subject !== ours.header('subject')) problems.push(`${shown(file)}: subject ${JSON.stringify(mail.subject)} / ${JSON.stringify(ours.header('subject'))}`);
      if (mail.text?.replace(/\r\n/g, '\n') !== part('text/plain')?.replace(/\r\n/g, '\n')) problems.push(`${shown(file)}: the text parts differ`);
      if (typeof mail.html !== 'string' || mail.html.replace(/\r\n/g, '\n') !== part('text/html')?.replace(/\r\n/g, '\n')) problems.push(`${shown(file)}: the HTML parts differ`);
      if (mail.messageId !== ours.header('message-id')) problems.push(`${shown(file)}: Message-ID ${mail.messageId} / ${ours.header('message-id')}`);
      if (!mail.from?.value[0]?.address) problems.push(`${shown(file)}: no From address`);
    }
    expect(problems).toEqual([]);
  });
});

describe('every Word file of the test builds', () => {
  it('was found, and opens in mammoth with text', async () => {
    expect(files('.docx').length, 'run the suite first').toBeGreaterThan(3);
    const problems: string[] = [];
    for (const file of files('.docx')) {
      const docx = await readDocx(await readFile(file));
      if (!docx.rawText.trim()) problems.push(`${shown(file)}: no text`);
    }
    expect(problems).toEqual([]);
  });

  it('defines every numbering it uses, and numbers the paragraphs the web page numbers', async () => {
    const problems: string[] = [];
    for (const file of files('.docx')) {
      const docx = await readDocx(await readFile(file));
      const defined = new Set([...(await docx.part('word/numbering.xml').catch(() => '')).matchAll(/<w:num w:numId="(\d+)"/g)].map((m) => m[1]));
      for (const p of docx.paragraphs) if (p.numId !== undefined && p.numId !== '0' && !defined.has(p.numId)) problems.push(`${shown(file)}: numbering ${p.numId} is not defined`);
      const tree = page(file);
      if (!tree) continue;
      const numbered = selectAll('.body > p', tree).map((p) => toText(p)).filter((t) => /^\d+\.\s/.test(t));
      const inWord = docx.paragraphs.filter((p) => p.numId !== undefined && !/List/.test(p.style ?? ''));
      if (inWord.length !== numbered.length) problems.push(`${shown(file)}: ${inWord.length} numbered paragraphs, the web page has ${numbered.length}`);
      else if (new Set(inWord.map((p) => p.numId)).size > 1) problems.push(`${shown(file)}: the paragraphs are numbered by more than one list`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every footnote mark its note and every note its mark, as many as the web page has', async () => {
    const problems: string[] = [];
    for (const file of files('.docx')) {
      const docx = await readDocx(await readFile(file));
      const marks = [...(await docx.part('word/document.xml')).matchAll(/<w:footnoteReference (?:w:customMarkFollows="1" )?w:id="(-?\d+)"/g)].map((m) => m[1]!);
      const notes = [...docx.footnotes.keys()];
      if ([...marks].sort().join() !== [...notes].sort().join()) problems.push(`${shown(file)}: marks ${marks.join(',')} for notes ${notes.join(',')}`);
      for (const [id, note] of docx.footnotes) if (!note.trim()) problems.push(`${shown(file)}: note ${id} is empty`);
      const tree = page(file);
      // The page's footnotes, and the note on a submission's supporters (a footnote in Word).
      const inPage = tree ? selectAll('.footnotes li', tree).length + selectAll('.supporters-note', tree).length : notes.length;
      if (inPage !== notes.length) problems.push(`${shown(file)}: ${notes.length} notes, the web page has ${inPage}`);
    }
    expect(problems).toEqual([]);
  });

  it("carries the statement's title and language", async () => {
    const problems: string[] = [];
    for (const file of files('.docx')) {
      const docx = await readDocx(await readFile(file));
      const listing = outputs.owner.get(file)?.statement?.listing;
      if (!listing) continue;
      const core = await docx.part('docProps/core.xml');
      const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1];
      if (title === undefined || decode(title) !== listing.title) problems.push(`${shown(file)}: title ${JSON.stringify(title)}, the headline is ${JSON.stringify(listing.title)}`);
      const langs = new Set([...(await docx.part('word/styles.xml')).matchAll(/<w:lang [^>]*w:(?:val|bidi)="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
      if (!langs.has(listing.lang.toLowerCase())) problems.push(`${shown(file)}: languages ${[...langs].join(', ')}, the statement's is ${listing.lang}`);
      const h1 = select('h1', page(file) ?? parseHtml(''));
      if (h1 && !docx.rawText.includes(listing.title)) problems.push(`${shown(file)}: the headline is not in the text`);
    }
    expect(problems).toEqual([]);
  });
});

function decode(xml: string): string {
  return xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
