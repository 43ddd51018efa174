/**
 * What a Word document holds that a statement cannot, and files that are not Word documents at
 * all: each said as what happened and what to do. Pure: documents are built here from bytes.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { convertDocx } from '../../src/import/convert-docx.ts';
import { explainMessages } from '../../src/import/explain-messages.ts';
import { ImportError } from '../../src/import/finding.ts';
import { inspectDocx } from '../../src/import/inspect-docx.ts';
import { openDocx } from '../../src/import/open-docx.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (xml: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${xml}</w:body></w:document>`;
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

async function zip(files: Record<string, string | Uint8Array>, options: { compression?: 'STORE' | 'DEFLATE' } = {}): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(files)) archive.file(name, content);
  return archive.generateAsync({ type: 'uint8array', compression: options.compression ?? 'DEFLATE' });
}

const docx = (document: string, parts: Record<string, string> = {}) =>
  zip({ '[Content_Types].xml': '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', 'word/document.xml': document, ...parts });

async function refusal(bytes: Uint8Array, name = 'draft.docx'): Promise<string> {
  try {
    await convertDocx(bytes, name);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('the document was accepted');
}

describe('files that are not Word documents', () => {
  const SAVE = 'open it in Word (or LibreOffice) and save it as a Word document (.docx), then import that file';
  const REPAIR = 'open it in Word, which can often repair it, save it as .docx, and import that copy';

  it('says what each is and what to do', async () => {
    expect(await refusal(new Uint8Array())).toBe('draft.docx is empty — check that it is the right file, and save it from Word again');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await refusal(ole, 'draft.doc')).toBe(`draft.doc is a Word 97-2003 document (.doc), which Clarion cannot read — ${SAVE}`);
    expect(await refusal(Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]))).toBe('draft.docx is protected by a password — open it in Word, remove the password (File > Info > Protect Document), save it, and import it again');
    expect(await refusal(Buffer.from('%PDF-1.7\n...'))).toBe('draft.docx is a PDF, not a Word document — import the Word document the PDF was made from');
    expect(await refusal(Buffer.from('{\\rtf1\\ansi Hello}'))).toBe(`draft.docx is a Rich Text (.rtf) file, not a Word document — ${SAVE}`);
    expect(await refusal(Buffer.from('# A statement in Markdown\n'), 'draft.md')).toBe(`draft.md is not a Word document (.docx) — ${SAVE}`);
    expect(await refusal(await zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }), 'draft.odt')).toBe(`draft.odt is an OpenDocument text (.odt), not a Word document — ${SAVE}`);
    expect(await refusal(await zip({ '[Content_Types].xml': '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>' }), 'figures.xlsx')).toBe('figures.xlsx is an Excel workbook, not a Word document — copy the text into a Word document, save it as .docx, and import that');
    expect(await refusal(await zip({ 'notes.txt': 'hello' }), 'notes.zip')).toBe(`notes.zip is not a Word document (.docx): it has no document text inside — ${SAVE}`);
  });

  it('calls a damaged document damaged: a cut file, a changed byte, broken XML', async () => {
    const whole = await docx(body(para('Forty mosques')));
    expect(await refusal(whole.subarray(0, whole.length - 30))).toBe(`draft.docx is damaged and cannot be read (Corrupted zip: can't find end of central directory) — ${REPAIR}`);
    const changed = Buffer.from(await zip({ 'word/document.xml': body(para('Forty mosques desecrated')) }, { compression: 'STORE' }));
    changed[changed.indexOf('Forty')] = 'f'.charCodeAt(0);
    expect(await refusal(changed)).toMatch(/^draft\.docx is damaged and cannot be read \(Corrupted zip : CRC32 mismatch\) — /);
    expect(await refusal(await docx(`<w:document ${W}><w:body><w:p>`))).toBe(`draft.docx is damaged and cannot be read (its text is not well-formed XML) — ${REPAIR}`);
  });

  it('refuses a document that unpacks to more than 200 MB before unpacking it', async () => {
    // A small zip whose directory says that a part unpacks to 201 MB.
    const bomb = Buffer.from(await zip({ 'word/document.xml': body(para('x')), 'word/media/huge.bin': new Uint8Array(1000) }));
    const entry = bomb.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
    bomb.writeUInt32LE(201 * 1024 * 1024, entry + 24);
    expect(await refusal(bomb)).toBe('draft.docx is too large once unpacked (over 200 MB) — make its pictures smaller in Word (Picture Format > Compress Pictures), save it, and import it again');
  });

  it('reads the main part where the package says it is', async () => {
    const bytes = await zip({
      '_rels/.rels': '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>',
      'word/document2.xml': body(para('Hello')),
      'word/comments.xml': '<w:comments/>',
      'word/header1.xml': '<w:hdr/>',
    });
    const opened = await openDocx(bytes, 'x.docx');
    expect(opened.document).toContain('Hello');
    expect([...opened.parts.keys()]).toEqual(['comments.xml', 'header1.xml']);
  });
});

describe('inspectDocx', () => {
  const inspect = (document: string, parts: Record<string, string> = {}) => inspectDocx({ document, parts: new Map(Object.entries(parts)) });

  it('says nothing of a plain document', () => {
    expect(inspect(body(para('Plain text.')))).toEqual([]);
  });

  it('lists moves, formatting changes and many deletions in a few words', () => {
    const del = (text: string) => `<w:del w:id="1" w:author="A. Editor"><w:r><w:delText>${text}</w:delText></w:r></w:del>`;
    const findings = inspect(body(`<w:p>${['one', 'two', 'three', 'four', 'five'].map(del).join('')}<w:moveTo w:id="2" w:author="B"><w:r><w:t>moved words</w:t></w:r></w:moveTo><w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="C"><w:rPr/></w:rPrChange></w:rPr><w:t>x</w:t></w:r></w:p>`));
    expect(findings.map((f) => f.what)).toEqual([
      'tracked changes: 5 deletions left out (“one”, “two”, “three” and 2 more), by A. Editor',
      'tracked changes: 1 moved passage taken where it was moved to (“moved words”), by B',
      'tracked changes: 1 formatting change taken as it stands, by C',
    ]);
  });

  it('quotes comments, with the text they are on, and counts those past twenty', () => {
    const comment = (id: number) => `<w:comment w:id="${id}" w:author="Legal &amp; Policy"><w:p><w:r><w:t>Cite the &lt;2014&gt; judgment</w:t></w:r></w:p></w:comment>`;
    const document = body(`<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>the court</w:t></w:r><w:commentRangeEnd w:id="0"/></w:p>`);
    const findings = inspect(document, { 'comments.xml': `<w:comments ${W}>${Array.from({ length: 22 }, (_, i) => comment(i)).join('')}</w:comments>` });
    expect(findings[0]).toEqual({ what: 'a comment by Legal & Policy on “the court” was left out: “Cite the <2014> judgment”', todo: 'do what it asks in the statement, or resolve it in Word and import again' });
    expect(findings[1]?.what).toBe('a comment by Legal & Policy was left out: “Cite the <2014> judgment”');
    expect(findings.at(-1)).toEqual({ what: '2 more comments left out', todo: 'read them in Word (Review > Show Comments) and resolve them' });
    expect(findings).toHaveLength(21);
  });

  it('quotes page headers and footers that say something, once each', () => {
    const findings = inspect(body(para('x')), {
      'header1.xml': `<w:hdr ${W}>${para('EMBARGOED UNTIL 28 November 2023')}</w:hdr>`,
      'header2.xml': `<w:hdr ${W}>${para('EMBARGOED UNTIL 28 November 2023')}</w:hdr>`,
      'footer1.xml': `<w:ftr ${W}>${para('Page 2 of 3')}</w:ftr>`,
      'footer2.xml': `<w:ftr ${W}>${para('12')}</w:ftr>`,
      'footer3.xml': `<w:ftr ${W}>${para('Example Rights Watch, 1 Example Street, London')}</w:ftr>`,
    });
    expect(findings.map((f) => f.what)).toEqual(['the page header “EMBARGOED UNTIL 28 November 2023” was left out', 'the page footer “Example Rights Watch, 1 Example Street, London” was left out']);
    expect(findings[0]?.todo).toBe("Clarion's templates print the letterhead; if it says something the statement needs (an embargo, a reference), put that in the statement");
  });

  it('names charts, diagrams, equations, embedded files, text boxes and hidden text', () => {
    const findings = inspect(
      body(
        '<w:p><w:r><w:drawing><c:chart r:id="rId5"/></w:drawing></w:r><w:r><w:drawing><c:chart r:id="rId6"/></w:drawing></w:r><w:r><w:drawing><dgm:relIds r:dm="rId7"/></w:drawing></w:r></w:p>' +
          '<m:oMathPara><m:oMath><m:r><m:t>x</m:t></m:r></m:oMath></m:oMathPara><w:p><w:r><w:object/></w:r></w:p><w:altChunk r:id="rId9"/>' +
          '<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>' + para('Boxed') + '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>' +
          '<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret note</w:t></w:r></w:p>',
      ),
    );
    expect(findings.map((f) => f.what)).toEqual([
      '2 charts were left out',
      'a SmartArt diagram was left out',
      'an equation was left out',
      'an embedded object (a spreadsheet or another file) was left out',
      'an embedded document was left out',
      'the text of text boxes came over as paragraphs, where each box is anchored',
      'hidden text came over as ordinary text (“secret note”)',
    ]);
  });
});

describe('explainMessages', () => {
  it('drops what changes nothing, groups unknown styles, and words the rest', () => {
    const findings = explainMessages([
      "Unrecognised paragraph style: 'Title' (Style ID: Title)",
      "Unrecognised paragraph style: 'Body Text' (Style ID: BodyText)",
      "Unrecognised paragraph style: 'First Paragraph' (Style ID: FirstParagraph)",
      "Unrecognised paragraph style: 'Pull Quote' (Style ID: PullQuote)",
      "Unrecognised paragraph style: 'Dateline' (Style ID: Dateline)",
      "Unrecognised run style: 'null' (Style ID: CommentReference)",
      "Unrecognised run style: 'Highlight Red' (Style ID: HighlightRed)",
      'Paragraph style with ID CommentText was referenced but not defined in the document',
      'Unsupported break type: page',
      'Image of type image/x-emf is unlikely to display in web browsers',
      'An unrecognised element was ignored: w:foo',
      'An unrecognised element was ignored: w:foo',
      'A w:sym element with an unsupported character was ignored: char F0FC in font Wingdings',
      "could not read external image 'file:///C:/x.png', external file access is disabled",
      'Something new',
    ]);
    expect(findings).toEqual([
      {
        what: 'paragraphs in the Word styles “Title”, “Pull Quote”, “Dateline” came over as ordinary paragraphs',
        todo: 'if they are headings, quotations or list items, mark them in the statement (## heading, > quotation, - item)',
      },
      { what: 'text in the Word character style “Highlight Red” came over without it', todo: 'if the style meant emphasis, mark the text in the statement (*italic*, **bold**)' },
      { what: 'a part of the document Clarion cannot read (w:foo) was left out (2 times)', todo: 'compare the statement with the document and add what is missing by hand' },
      { what: 'a symbol from the font Wingdings (character F0FC) was left out', todo: 'type the character it stands for (or words) where it was' },
      { what: 'a picture linked to a file outside the document was left out', todo: 'insert the picture itself in Word (Insert > Pictures) and import again, or add it to the statement as an image' },
      { what: "Word's reader said: Something new", todo: 'compare the statement with the document where this applies' },
    ]);
  });
});
