/**
 * A Word file (.docx), the form OHCHR's portals take for UN submissions: the document's font,
 * size and paper, real Word footnotes, headings in heading styles, the numbered paragraphs with
 * Word numbering, and "Page X of Y" in the footer. Pure apart from compression: the same
 * document gives the same bytes.
 */
import { AlignmentType, Document, Footer, FootnoteReferenceRun, Header, Packer, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import type { Definition, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { directionOf } from '../../sources/statement.ts';
import { usedFootnotes } from '../../markdown/used-footnotes.ts';
import { bodyBlocks, noteParagraphs } from './blocks.ts';
import { corePropertiesXml } from './core-properties.ts';
import { reproducibleZip } from './reproducible-zip.ts';
import type { DocxState } from './state.ts';
import { documentNumbering, documentStyles } from './styles.ts';
import type { WordDocument } from './word-document.ts';

export type { WordDocument } from './word-document.ts';


/** A4 in twips, and margins of 2.5 cm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1417;

export async function writeDocx(doc: WordDocument): Promise<Uint8Array> {
  const rtl = directionOf(doc.lang) === 'rtl';
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const footnoteIds = new Map<string, number>();
  const supporters = doc.titleNote;
  if (supporters) {
    const run = new TextRun({ text: ` ${supporters}`, ...(rtl ? { rightToLeft: true } : {}) });
    footnotes[1] = { children: [new Paragraph({ style: 'FootnoteText', children: [run], ...(rtl ? { bidirectional: true } : {}) })] };
  }
  const notes = usedFootnotes(doc.body);
  for (const note of notes) footnoteIds.set(note.identifier, footnoteIds.size + (supporters ? 2 : 1));

  const state: DocxState = {
    definitions: linkDefinitions(doc.body),
    footnoteIds,
    placedFootnotes: new Set(),
    numbered: doc.numbered,
    orderedLists: [],
    rtl,
  };
  const body = bodyBlocks(doc.body.children, state);
  for (const note of notes) {
    const [first, ...rest] = noteParagraphs(note.children, state);
    // Word puts a space between the note's number and its text; docx writes only the number.
    footnotes[footnoteIds.get(note.identifier)!] = { children: [withLeadingSpace(first!), ...rest] };
  }

  // Title, creator and language go into core.xml below, written by us (see core-properties.ts).
  const document = new Document({
    styles: documentStyles({ font: doc.font, fontSize: doc.fontSize, titleBold: doc.titleBold, lang: doc.lang, rtl }),
    numbering: documentNumbering(state.orderedLists),
    footnotes,
    sections: [{
      properties: { page: { size: A4, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 708, footer: 708 } } },
      ...(doc.numberPages ? { footers: { default: pageFooter(doc.pageLabel ?? 'Page {page} of {pages}', rtl) } } : {}),
      ...(doc.mark ? { headers: { default: markHeader(doc.mark, rtl) } } : {}),
      children: [...headingBlock(doc.heading, rtl), title(doc.title, supporters !== undefined, rtl), ...body],
    }],
  });
  const core = corePropertiesXml({ title: doc.title, creator: doc.author, lang: doc.lang, date: doc.date });
  const packed = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: core }]);
  return reproducibleZip(packed, doc.date, supporters ? markTitleNote : undefined);
}

function headingBlock(lines: readonly string[], rtl: boolean): FileChild[] {
  return lines.map((line, i) => new Paragraph({
    children: [new TextRun({ text: line, ...(rtl ? { rightToLeft: true } : {}) })],
    spacing: { after: i === lines.length - 1 ? 240 : 0 },
    ...(rtl ? { bidirectional: true } : {}),
  }));
}

function title(text: string, supporters: boolean, rtl: boolean): Paragraph {
  return new Paragraph({
    style: 'Title',
    children: [new TextRun({ text, ...(rtl ? { rightToLeft: true } : {}) }), ...(supporters ? [new FootnoteReferenceRun(1)] : [])],
    ...(rtl ? { bidirectional: true } : {}),
  });
}

function pageFooter(label: string, rtl: boolean): Footer {
  const parts = label.split(/(\{page\}|\{pages\})/).filter(Boolean);
  const children = parts.map((part) => (part === '{page}' ? PageNumber.CURRENT : part === '{pages}' ? PageNumber.TOTAL_PAGES : part));
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children })], ...(rtl ? { bidirectional: true } : {}) })],
  });
}

/**
 * The title's note is marked "*", as in every other format, not numbered: Word numbers only the
 * notes without a mark of their own, so the text's notes are 1, 2, 3 in the Word file too.
 */
function markTitleNote(parts: Map<string, string | Uint8Array>): void {
  const document = parts.get('word/document.xml');
  const footnotes = parts.get('word/footnotes.xml');
  if (typeof document !== 'string' || typeof footnotes !== 'string') return;
  parts.set('word/document.xml', document.replace(/<w:footnoteReference w:id="1"\/>/, '<w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t>'));
  parts.set('word/footnotes.xml', footnotes.replace(/(<w:footnote\b[^>]*w:id="1"[^>]*>[\s\S]*?)<w:footnoteRef\/>/, '$1<w:t>*</w:t>'));
}

/** A word on every page, above the text: a draft's "DRAFT". */
function markHeader(mark: string, rtl: boolean): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: mark, bold: true, color: 'B00020', ...(rtl ? { rightToLeft: true } : {}) })], ...(rtl ? { bidirectional: true } : {}) })],
  });
}

function withLeadingSpace(paragraph: Paragraph): Paragraph {
  return paragraph.addRunToFront(new TextRun(' '));
}

function linkDefinitions(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  return definitions;
}
