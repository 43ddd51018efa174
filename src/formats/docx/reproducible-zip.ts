/**
 * Makes a .docx byte-identical for the same input. docx stamps the clock into every zip entry
 * and names hyperlink relationships with random ids; here every entry gets the statement's
 * date, random relationship ids are renumbered in document order, and entries are written in
 * a fixed order with [Content_Types].xml first (where Word and most readers expect it).
 */
import JSZip from 'jszip';

const CONTENT_TYPES = '[Content_Types].xml';
const PLAIN_ID = /^rId\d+$/;
/** Zip (DOS) dates cannot say anything earlier. */
const ZIP_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);

/** `edit` may change the XML parts before they are written (a mark docx cannot write itself). */
export async function reproducibleZip(bytes: Uint8Array, date: Date, edit: (parts: Map<string, string | Uint8Array>) => void = () => {}): Promise<Uint8Array> {
  const input = await JSZip.loadAsync(bytes);
  const names = Object.keys(input.files).filter((name) => !input.files[name]!.dir);
  names.sort((a, b) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES));
  const parts = new Map<string, string | Uint8Array>();
  for (const name of names) {
    const file = input.files[name]!;
    parts.set(name, /\.(xml|rels)$/.test(name) ? await file.async('string') : await file.async('uint8array'));
  }
  renumberRelationships(parts);
  edit(parts);

  const stamp = new Date(Math.max(date.getTime(), ZIP_EPOCH));
  const output = new JSZip();
  for (const [name, data] of parts) output.file(name, data, { date: stamp, createFolders: false });
  return output.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** `word/_rels/document.xml.rels` describes `word/document.xml`, and so on. */
function sourceOf(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
}

function renumberRelationships(parts: Map<string, string | Uint8Array>): void {
  for (const [name, rels] of parts) {
    if (!name.endsWith('.rels') || typeof rels !== 'string') continue;
    const renames = new Map<string, string>();
    for (const match of rels.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1]!;
      if (!PLAIN_ID.test(id) && !renames.has(id)) renames.set(id, `rIdR${renames.size + 1}`);
    }
    if (renames.size === 0) continue;
    const rename = (text: string) => text.replace(/="([^"]+)"/g, (whole, id: string) => (renames.has(id) ? `="${renames.get(id)}"` : whole));
    parts.set(name, rename(rels));
    const source = sourceOf(name);
    const part = parts.get(source);
    if (typeof part === 'string') parts.set(source, rename(part));
  }
}
