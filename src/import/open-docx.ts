/**
 * A Word document's bytes to its package, or an `ImportError` that says what the file is instead
 * (an older .doc, a password-protected document, a PDF, an OpenDocument text, a damaged file)
 * and what to do. Pure: bytes in, parts out.
 */
import JSZip from 'jszip';
import { ImportError } from './finding.ts';

export interface DocxPackage {
  /** The text of the document's main part (word/document.xml). */
  document: string;
  /** Other parts of the document's folder by name (comments.xml, header1.xml...), as text; absent parts are missing. */
  parts: Map<string, string>;
  /** The document's properties (docProps/core.xml), if it has them. */
  core?: string;
}

const SAVE_AS_DOCX = 'open it in Word (or LibreOffice) and save it as a Word document (.docx), then import that file';
/** A document's parts unpacked (text and pictures): more than any statement needs, little enough to hold in memory. */
const MAX_UNPACKED = 200 * 1024 * 1024;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function openDocx(bytes: Uint8Array, name: string): Promise<DocxPackage> {
  if (bytes.length === 0) throw new ImportError(`${name} is empty`, 'check that it is the right file, and save it from Word again');
  if (OLE.every((b, i) => bytes[i] === b)) {
    // Office's old binary format; a password-protected .docx is wrapped in the same container.
    if (Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new ImportError(`${name} is protected by a password`, 'open it in Word, remove the password (File > Info > Protect Document), save it, and import it again');
    }
    throw new ImportError(`${name} is a Word 97-2003 document (.doc), which Clarion cannot read`, SAVE_AS_DOCX);
  }
  const start = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (start.startsWith('%PDF')) throw new ImportError(`${name} is a PDF, not a Word document`, 'import the Word document the PDF was made from');
  if (start.startsWith('{\\rtf')) throw new ImportError(`${name} is a Rich Text (.rtf) file, not a Word document`, SAVE_AS_DOCX);
  if (!start.startsWith('PK')) throw new ImportError(`${name} is not a Word document (.docx)`, SAVE_AS_DOCX);
  // The sizes are read from the zip's directory before anything is unpacked (a "zip bomb" is refused
  // unopened); only then is every part unpacked to check it is whole.
  if (unpackedSize(await load(bytes, name, false)) > MAX_UNPACKED) {
    throw new ImportError(`${name} is too large once unpacked (over ${MAX_UNPACKED / 1024 / 1024} MB)`, 'make its pictures smaller in Word (Picture Format > Compress Pictures), save it, and import it again');
  }
  const zip = await load(bytes, name, true);
  const main = await mainPart(zip, name);
  const parts = new Map<string, string>();
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const wanted = new RegExp(`^${escape(folder)}(comments|footnotes|endnotes|header\\d*|footer\\d*)\\.xml$`);
  for (const path of Object.keys(zip.files).filter((p) => wanted.test(p)).sort()) parts.set(path.slice(folder.length), await text(zip, path, name));
  const core = zip.file('docProps/core.xml') ? await text(zip, 'docProps/core.xml', name) : undefined;
  return { document: await text(zip, main, name), parts, ...(core !== undefined ? { core } : {}) };
}

/** The path of the main document part, from the package's relationships (word/document.xml by default). */
async function mainPart(zip: JSZip, name: string): Promise<string> {
  const types = await zip.file('[Content_Types].xml')?.async('string').catch(() => undefined);
  const mimetype = await zip.file('mimetype')?.async('string').catch(() => undefined);
  if (mimetype !== undefined && /opendocument\.text/.test(mimetype)) {
    throw new ImportError(`${name} is an OpenDocument text (.odt), not a Word document`, SAVE_AS_DOCX);
  }
  if (types !== undefined && /spreadsheetml/.test(types) && !/wordprocessingml/.test(types)) throw new ImportError(`${name} is an Excel workbook, not a Word document`, 'copy the text into a Word document, save it as .docx, and import that');
  if (types !== undefined && /presentationml/.test(types) && !/wordprocessingml/.test(types)) throw new ImportError(`${name} is a PowerPoint presentation, not a Word document`, 'copy the text into a Word document, save it as .docx, and import that');
  const rels = await zip.file('_rels/.rels')?.async('string').catch(() => undefined);
  const target = rels && /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0].match(/Target="\/?([^"]+)"/)?.[1];
  const main = target ?? 'word/document.xml';
  if (!zip.file(main)) throw new ImportError(`${name} is not a Word document (.docx): it has no document text inside`, SAVE_AS_DOCX);
  return main;
}

async function load(bytes: Uint8Array, name: string, checkCRC32: boolean): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32 });
  } catch (error) {
    throw damaged(name, error);
  }
}

/** The sizes the package declares for its parts unpacked (JSZip keeps them from the zip's directory). */
function unpackedSize(zip: JSZip): number {
  return Object.values(zip.files).reduce((sum, file) => sum + ((file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
}

async function text(zip: JSZip, path: string, name: string): Promise<string> {
  try {
    return await zip.file(path)!.async('string');
  } catch (error) {
    throw damaged(name, error);
  }
}

/** A file that is a zip but cannot be unpacked, or whose text is not XML (`reason` says which). */
export function damaged(name: string, error: unknown): ImportError {
  const message = error instanceof Error ? error.message : String(error);
  const reason = /xml/i.test(message) ? 'its text is not well-formed XML' : message.replace(/\.$/, '').slice(0, 120);
  return new ImportError(`${name} is damaged and cannot be read (${reason})`, 'open it in Word, which can often repair it, save it as .docx, and import that copy');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
