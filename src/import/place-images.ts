/**
 * The document's pictures as the statement's images: those web pages and PDFs can show (PNG,
 * JPEG, GIF, SVG, WebP) get a file of their own beside the statement and keep their place and
 * description; the others (Windows metafiles, TIFF, BMP) and those over 20 MB are left out, each
 * reported with where it was and what to do. Pure: changes the tree, returns the files to write.
 */
import type { Image, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { IMAGE_URL_PREFIX, type DocxImage } from './docx-to-html.ts';
import { quote, type Finding } from './finding.ts';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg', 'image/webp': 'webp' };
const NAMES: Record<string, string> = { 'image/x-emf': 'an EMF', 'image/x-wmf': 'a WMF', 'image/emf': 'an EMF', 'image/wmf': 'a WMF', 'image/tiff': 'a TIFF', 'image/bmp': 'a BMP' };
const MAX_BYTES = 20 * 1024 * 1024;

export interface ImageFile {
  /** Relative to the statement, as written in it: images/<slug>-1.png. */
  path: string;
  bytes: Uint8Array;
}

/** `pathFor` names the file of picture `n` with extension `ext`. */
export function placeImages(tree: Root, images: readonly DocxImage[], pathFor: (n: number, ext: string) => string): { files: ImageFile[]; findings: Finding[] } {
  const files: ImageFile[] = [];
  const findings: Finding[] = [];
  const drop: { node: Image; parent: Parent }[] = [];
  visitParents(tree, 'image', (node: Image, ancestors) => {
    if (!node.url.startsWith(IMAGE_URL_PREFIX)) return;
    const number = Number(node.url.slice(IMAGE_URL_PREFIX.length));
    const image = images.find((i) => i.number === number);
    const where = placeOf(tree, ancestors);
    const ext = image && EXTENSIONS[image.contentType];
    if (!image || !ext || image.bytes.length > MAX_BYTES) {
      findings.push(leftOut(number, where, image));
      drop.push({ node, parent: ancestors.at(-1) as Parent });
      return;
    }
    node.url = pathFor(number, ext);
    files.push({ path: node.url, bytes: image.bytes });
    if (!node.alt?.trim()) {
      findings.push({ what: `picture ${number}${where} has no description (alt text)`, todo: `write what it shows between the brackets of ![](${node.url}) in the statement, for readers who cannot see it` });
    }
  });
  for (const { node, parent } of drop) {
    parent.children.splice(parent.children.indexOf(node as never), 1);
    trimEdges(parent);
  }
  tree.children = tree.children.filter((block) => !(block.type === 'paragraph' && block.children.length === 0));
  return { files, findings };
}

/** The text a picture left at the start or end of its paragraph, without the space before or after it. */
function trimEdges(parent: Parent): void {
  const first = parent.children[0];
  const last = parent.children.at(-1);
  if (first?.type === 'text') first.value = first.value.trimStart();
  if (last?.type === 'text') last.value = last.value.trimEnd();
  parent.children = parent.children.filter((child) => child.type !== 'text' || child.value !== '');
}

function leftOut(number: number, where: string, image: DocxImage | undefined): Finding {
  const add = 'put it in statements/images/ and add it where it was: ![what it shows](images/picture.png)';
  if (image && EXTENSIONS[image.contentType]) return { what: `picture ${number}${where} is larger than 20 MB and was left out`, todo: `make it smaller (e.g. 2000 pixels wide), ${add}` };
  const kind = image ? (NAMES[image.contentType] ?? `a ${image.contentType.replace(/^image\//, '').toUpperCase()}`) : 'an unreadable';
  return { what: `picture ${number}${where} is ${kind} picture, which web pages cannot show, and was left out`, todo: `save it from Word as a PNG or JPEG (right-click > Save as Picture), ${add}` };
}

/** " (in “...”)": the text of the block the picture is in, else " (after “...”)": of the nearest block before it with text. */
function placeOf(tree: Root, ancestors: readonly unknown[]): string {
  const block = ancestors[1] as Root['children'][number] | undefined;
  const own = block ? toString(block, { includeImageAlt: false }).trim() : '';
  if (own) return ` (in ${quote(own, 40)})`;
  for (let index = block ? tree.children.indexOf(block) - 1 : -1; index >= 0; index -= 1) {
    const before = toString(tree.children[index]!, { includeImageAlt: false }).trim();
    if (before) return ` (after ${quote(before.length > 40 ? `…${before.slice(-39)}` : before, 41)})`;
  }
  return '';
}
