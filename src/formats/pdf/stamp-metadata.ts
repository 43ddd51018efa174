/**
 * Chromium names the document after `<title>`, credits itself and stamps the clock into
 * CreationDate/ModDate; apart from that its output is the same for the same input. Rewriting the
 * document information from the statement therefore makes the PDF byte-for-byte reproducible.
 * pdf-lib copies every object, so the structure tree (tags) and the outline survive.
 */
import { ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { directionOf } from '../../sources/statement.ts';
import { addTextLayer } from './text-layer.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  lang: string;
  creator: string;
  producer?: string;
  /** Used for CreationDate and ModDate. */
  date: Date;
  /** The document's headings, in order: bookmark titles are restored from them. */
  headings?: string[];
}

export async function stampMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its own name and the clock. pdf-lib waits for a timer
  // every 100 objects read and 50 written (4 of the 6 ms a PDF took): a document of a few hundred
  // objects is read and written at once. The bytes are the same.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  if (metadata.subject !== undefined) doc.setSubject(metadata.subject);
  // pdf-lib joins keywords with spaces, which splits "human rights" in two; commas keep phrases whole.
  if (metadata.keywords?.length) doc.setKeywords([metadata.keywords.join(', ')]);
  doc.setCreator(metadata.creator);
  // Without a producer of our own, Chromium's ("Skia/PDF m156") stays: it is the truth.
  if (metadata.producer !== undefined) doc.setProducer(metadata.producer);
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  doc.setLanguage(metadata.lang);
  if (metadata.headings?.length) restoreOutlineTitles(doc, metadata.headings);
  addTextLayer(doc, directionOf(metadata.lang) === 'rtl');
  // Object streams would need PDF 1.5; a plain cross-reference table reads everywhere.
  const saved = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return renumberNodeIds(saved);
}

/**
 * Chromium names some structure elements (table header cells) after the renderer's DOM node ids,
 * `(node00000422)`, which depend on what the renderer loaded before. Renumbered in order of first
 * appearance, with the same length so every byte offset of the file stays valid.
 */
export function renumberNodeIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const ids = new Map<string, string>();
  const renumbered = text.replace(/\(node(\d{8})\)/g, (_all, id: string) => {
    let mapped = ids.get(id);
    if (!mapped) {
      mapped = String(ids.size + 1).padStart(8, '0');
      ids.set(id, mapped);
    }
    return `(node${mapped})`;
  });
  return ids.size === 0 ? pdf : new Uint8Array(Buffer.from(renumbered, 'latin1'));
}

/**
 * Chromium builds bookmark titles from the laid-out heading: it drops the space where a long
 * heading wraps ("a fortiethmosque"), and a right-to-left heading comes out in visual order, its
 * words reversed. Each bookmark whose title has the same characters as a heading, spaces and order
 * aside, takes that heading's own text (headings with the same characters in document order).
 */
function restoreOutlineTitles(doc: PDFDocument, headings: readonly string[]): void {
  const key = (s: string) => [...s.replace(/\s+/g, '')].sort().join('');
  const byKey = new Map<string, string[]>();
  for (const heading of headings) byKey.set(key(heading), [...(byKey.get(key(heading)) ?? []), heading.replace(/\s+/g, ' ').trim()]);
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (item: PDFDict | undefined, depth: number): void => {
    for (let node = item, guard = 0; node && guard < 10_000; guard++) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      const fixed = title ? byKey.get(key(title.decodeText()))?.shift() : undefined;
      if (fixed && fixed !== title!.decodeText()) node.set(PDFName.of('Title'), PDFHexString.fromText(fixed));
      if (depth < 32) visit(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
      node = node.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
}
