/**
 * Reads a .docx back as Word and other readers would: the text (mammoth, as a reader of the
 * file would extract it) and the parts themselves (JSZip), with just enough XML reading for
 * tests to assert on paragraphs, their styles and numbering, and footnotes.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface DocxParagraph {
  style?: string;
  numId?: string;
  level?: string;
  text: string;
  xml: string;
}

export interface ReadDocx {
  zip: JSZip;
  part(name: string): Promise<string>;
  /** mammoth's raw text: each document paragraph followed by a blank line; no footnotes or footers. */
  rawText: string;
  paragraphs: DocxParagraph[];
  /** Footnote text by id (separators left out). */
  footnotes: Map<string, string>;
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no part ${name} in the .docx`);
    return file.async('string');
  };
  const { value: rawText } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  const document = await part('word/document.xml');
  const footnotes = new Map<string, string>();
  for (const match of (await part('word/footnotes.xml')).matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)) {
    if (/w:type=/.test(match[1]!)) continue;
    footnotes.set(/w:id="(-?\d+)"/.exec(match[1]!)![1]!, paragraphsOf(match[2]!).map((p) => p.text).join('\n'));
  }
  return { zip, part, rawText, paragraphs: paragraphsOf(document), footnotes };
}

export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1]!;
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1];
    const numId = /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"/.exec(body)?.[1];
    const level = /<w:numPr>[\s\S]*?<w:ilvl w:val="(\d+)"/.exec(body)?.[1];
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join('');
    return { ...(style ? { style } : {}), ...(numId ? { numId } : {}), ...(level ? { level } : {}), text, xml: body };
  });
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
