/**
 * Reads a PDF back the way a reader would (pdf.js) so tests assert on what was printed, not on how.
 * Font embedding is checked on the file's own font dictionaries (with pdf-lib): pdf.js quietly
 * substitutes fonts that are missing, so it cannot be trusted to notice one.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  /** The text of every page, in the order the page draws it (a reader's order in a tagged PDF), pages apart by a line. */
  text: string;
  pages: { width: number; height: number; text: string }[];
  info: Record<string, unknown>;
  /** Bookmarks, depth first, with their depth (0 at the top). */
  outline: { title: string; depth: number }[];
  fontsEmbedded: boolean;
  /** BaseFont names of every font, subset prefixes removed, sorted. */
  fonts: string[];
  tagged: boolean;
  /** The structure elements of every page (roles such as H1, P, L, LI, Table), depth first. */
  structure: string[];
  lang?: string;
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: ReadPdf['pages'] = [];
    const structure: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push({ width: x1 - x0, height: y1 - y0, text });
      const tree = await page.getStructTree();
      if (tree) structure.push(...roles(tree.children as StructNode[]));
    }
    const { info } = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    const outline = flatten(((await doc.getOutline()) ?? []) as unknown as OutlineNode[]);
    const lang = (info as { Language?: unknown }).Language;
    return {
      text: pages.map((page) => page.text).join('\n'),
      pages,
      info: info as Record<string, unknown>,
      outline,
      ...(await readFonts(bytes)),
      tagged: Boolean(markInfo?.Marked) && structure.length > 0,
      structure,
      ...(typeof lang === 'string' ? { lang } : {}),
    };
  } finally {
    await doc.destroy();
  }
}

function flatten(nodes: OutlineNode[], depth = 0): { title: string; depth: number }[] {
  return nodes.flatMap((node) => [{ title: node.title, depth }, ...flatten(node.items, depth + 1)]);
}

interface StructNode {
  role?: string;
  children?: StructNode[];
}

function roles(nodes: readonly StructNode[]): string[] {
  return nodes.flatMap((node) => (node.role === undefined ? [] : [node.role, ...roles(node.children ?? [])]));
}

/**
 * Every font dictionary in the file is a Type 3 font (drawn by the PDF itself) or has a font
 * file; and the fonts' names.
 */
async function readFonts(bytes: Uint8Array): Promise<{ fontsEmbedded: boolean; fonts: string[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts: PDFDict[] = [];
  // Font dictionaries may also sit directly inside another object, so look inside each one.
  const collect = (object: PDFObject): void => {
    if (object instanceof PDFDict) {
      if (object.get(PDFName.of('Type')) === PDFName.of('Font')) fonts.push(object);
      for (const value of object.values()) collect(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) collect(value);
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) collect(object);
  const fontsEmbedded = fonts.every((font) => {
    const subtype = font.get(PDFName.of('Subtype'));
    // A composite font's glyphs live in its descendant, which is checked as a font of its own.
    if (subtype === PDFName.of('Type3') || subtype === PDFName.of('Type0')) return true;
    const descriptor = lookupDict(doc, font.get(PDFName.of('FontDescriptor')));
    return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
  });
  return { fontsEmbedded, fonts: baseFontNames(doc) };
}

function baseFontNames(doc: PDFDocument): string[] {
  const names = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font')) {
      names.add(String(object.get(PDFName.of('BaseFont'))).replace(/^\/([A-Z]{6}\+)?/, ''));
    }
  }
  return [...names].sort();
}

function lookupDict(doc: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
  return object instanceof PDFDict ? object : undefined;
}

/** BaseFont names of every font in a PDF, subset prefixes removed. */
export async function fontNames(bytes: Uint8Array): Promise<string[]> {
  return baseFontNames(await PDFDocument.load(bytes, { updateMetadata: false }));
}
