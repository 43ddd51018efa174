/**
 * A Word document to HTML with mammoth, which reads headings, paragraphs, lists, tables, links,
 * emphasis, footnotes, endnotes and images from the document's structure (not its looks). The
 * images are kept aside, their places marked `docx-image:<n>`, for the statement to name them.
 */
import mammoth from 'mammoth';
import { damaged } from './open-docx.ts';

export interface DocxImage {
  /** 1, 2, 3... in the order of the document. */
  number: number;
  contentType: string;
  bytes: Uint8Array;
}

export interface DocxHtml {
  html: string;
  images: DocxImage[];
  /** Mammoth's warnings and errors, as it words them. */
  messages: string[];
}

/** Prefix of the ids mammoth gives notes (`docx-footnote-3`, `docx-footnote-ref-3`), apart from the document's own bookmarks. */
export const NOTE_ID_PREFIX = 'docx-';
export const IMAGE_URL_PREFIX = 'docx-image:';

/**
 * Styles mammoth does not know that say what a paragraph is: the title and subtitle become the
 * front matter, quotations block quotes. (The first matching line wins; mammoth's own map follows.)
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='Subtitle'] => p.docx-subtitle:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Heading 7'] => h6:fresh",
  "p[style-name='Heading 8'] => h6:fresh",
  "p[style-name='Heading 9'] => h6:fresh",
  "r[style-name='Emphasis'] => em",
  "r[style-name='Intense Emphasis'] => em",
  "r[style-name='Strong Emphasis'] => strong",
];

export async function docxToHtml(bytes: Uint8Array, name: string): Promise<DocxHtml> {
  const images: DocxImage[] = [];
  const convertImage = mammoth.images.imgElement(async (image) => {
    // Numbered as mammoth meets them, before the bytes are read.
    const entry: DocxImage = { number: images.length + 1, contentType: image.contentType, bytes: new Uint8Array() };
    images.push(entry);
    entry.bytes = new Uint8Array(await image.readAsBuffer());
    return { src: `${IMAGE_URL_PREFIX}${entry.number}` };
  });
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, convertImage, idPrefix: NOTE_ID_PREFIX, externalFileAccess: false });
    return { html: result.value, images, messages: result.messages.map((m) => (m.type === 'error' && m.error instanceof Error ? m.error.message : m.message)) };
  } catch (error) {
    throw damaged(name, error);
  }
}
