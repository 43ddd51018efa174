/**
 * Reads a PDF back the way a reader would (pdf.js) so tests assert on what was printed, not on how.
 * Font embedding is checked on the file's own font dictionaries (with pdf-lib): pdf.js quietly
 * substitutes fonts that are missing, so it cannot be trusted to notice one.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  text: string;
  pages: { width: number; height: number; text: string }[];
  info: Record<string, unknown>;
  outline: { title: string }[];
  fontsEmbedded: boolean;
  tagged: boolean;
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
    let structured = false;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push({ width: x1 - x0, height: y1 - y0, text });
      const tree = await page.getStructTree();
      if (tree?.children.length) structured = true;
    }
    const { info } = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    const outline = flatten(((await doc.getOutline()) ?? []) as OutlineNode[]);
    const lang = (info as { Language?: unknown }).Language;
    return {
      text: pages.map((page) => page.text).join('\n'),
      pages,
      info: info as Record<string, unknown>,
      outline,
      fontsEmbedded: await allFontsEmbedded(bytes),
      tagged: Boolean(markInfo?.Marked) && structured,
      ...(typeof lang === 'string' ? { lang } : {}),
    };
  } finally {
    await doc.destroy();
  }
}

function flatten(nodes: OutlineNode[]): { title: string }[] {
  return nodes.flatMap((node) => [{ title: node.title }, ...flatten(node.items)]);
}

/** Every font dictionary in the file is a Type 3 font (drawn by the PDF itself) or has a font file. */
async function allFontsEmbedded(bytes: Uint8Array): Promise<boolean> {
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
  return fonts.every((font) => {
    const subtype = font.get(PDFName.of('Subtype'));
    // A composite font's glyphs live in its descendant, which is checked as a font of its own.
    if (subtype === PDFName.of('Type3') || subtype === PDFName.of('Type0')) return true;
    const descriptor = lookupDict(doc, font.get(PDFName.of('FontDescriptor')));
    return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
  });
}

function lookupDict(doc: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
  return object instanceof PDFDict ? object : undefined;
}

/** BaseFont names of every font in a PDF, subset prefixes removed. */
export async function fontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const names = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font')) {
      names.add(String(object.get(PDFName.of('BaseFont'))).replace(/^\/([A-Z]{6}\+)?/, ''));
    }
  }
  return [...names].sort();
}
