/**
 * The structure tree (tags) seen from one page: which structure element each marked-content
 * sequence (MCID) of the page belongs to, and adding sequences to elements. The text layer's lines
 * are tagged content of the block they belong to (the paragraph, heading, list item, cell...): the
 * elements, their types and their order stay as Chromium wrote them; each block gains the content
 * items of its lines (ISO 32000-1 §14.7.4), and the page's entry of the parent tree the new MCIDs.
 */
import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFRef, type PDFContext, type PDFObject, type PDFPageLeaf } from 'pdf-lib';
import { lookup } from './fonts.ts';

/** Elements whose content flows inside a block: a line's text belongs to the block around them. */
const INLINE = new Set(['Span', 'Link', 'NonStruct', 'Strong', 'Em', 'Code', 'Quote', 'Reference', 'Note', 'BibEntry', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP', 'Sub', 'Lbl']);

export class PageStructure {
  private readonly parents: PDFArray | undefined;
  private next: number;

  constructor(
    private readonly context: PDFContext,
    private readonly page: PDFPageLeaf,
    private readonly pageRef: PDFRef,
    /** The highest MCID the page's content uses. */
    highest: number,
  ) {
    this.parents = parentArray(context, page);
    this.next = Math.max(this.parents?.size() ?? 0, highest + 1);
  }

  get tagged(): boolean {
    return this.parents !== undefined;
  }

  /** The block element that the content with these MCIDs belongs to: their closest common block. */
  blockOf(mcids: readonly number[]): PDFRef | undefined {
    const chains = mcids
      .map((mcid) => this.parents?.get(mcid))
      .filter((ref): ref is PDFRef => ref instanceof PDFRef)
      .map((ref) => this.ancestors(ref));
    if (chains.length === 0) return undefined;
    // Chains run from the root down; the common part ends at the lowest common ancestor.
    let common = chains[0]!;
    for (const chain of chains.slice(1)) {
      let i = 0;
      while (i < common.length && i < chain.length && common[i] === chain[i]) i++;
      common = common.slice(0, i);
    }
    for (let i = common.length - 1; i >= 0; i--) {
      if (!INLINE.has(this.type(common[i]!))) return common[i];
    }
    return common[0];
  }

  /** The structure type of an element, e.g. `P`. */
  type(ref: PDFRef): string {
    const name = lookup(this.context, ref, PDFDict)?.get(PDFName.of('S'));
    return name instanceof PDFName ? name.decodeText() : 'Span';
  }

  /** A new marked-content sequence of this page, as the last content of the element; returns its MCID. */
  append(element: PDFRef): number {
    const mcid = this.next++;
    const dict = lookup(this.context, element, PDFDict)!;
    const samePage = dict.get(PDFName.of('Pg')) === this.pageRef;
    const item: PDFObject = samePage ? PDFNumber.of(mcid) : this.context.obj({ Type: 'MCR', Pg: this.pageRef, MCID: mcid });
    const kids = dict.get(PDFName.of('K'));
    const resolved = kids instanceof PDFRef ? this.context.lookup(kids) : kids;
    if (resolved instanceof PDFArray) resolved.push(item);
    else if (kids === undefined) dict.set(PDFName.of('K'), samePage ? item : this.context.obj([item]));
    else dict.set(PDFName.of('K'), this.context.obj([kids, item]));
    // The parent tree's array for the page is indexed by MCID.
    const parents = this.parents!;
    while (parents.size() < mcid) parents.push(PDFNull);
    parents.push(element);
    return mcid;
  }

  /** The element and its ancestors, from the structure tree root's child down. */
  private ancestors(ref: PDFRef): PDFRef[] {
    const chain: PDFRef[] = [];
    for (let at: PDFRef | undefined = ref, guard = 0; at && guard < 256; guard++) {
      const dict: PDFDict | undefined = lookup(this.context, at, PDFDict);
      if (!dict || dict.get(PDFName.of('Type')) === PDFName.of('StructTreeRoot')) break;
      chain.unshift(at);
      const parent: PDFObject | undefined = dict.get(PDFName.of('P'));
      at = parent instanceof PDFRef ? parent : undefined;
    }
    return chain;
  }
}

/** The page's array of the parent tree (a number tree keyed by the page's StructParents). */
function parentArray(context: PDFContext, page: PDFPageLeaf): PDFArray | undefined {
  const key = lookup(context, page.get(PDFName.of('StructParents')), PDFNumber)?.asNumber();
  if (key === undefined) return undefined;
  const catalog = context.lookup(context.trailerInfo.Root, PDFDict);
  const root = lookup(context, catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
  const search = (node: PDFDict | undefined, depth: number): PDFArray | undefined => {
    if (!node || depth > 32) return undefined;
    const nums = lookup(context, node.get(PDFName.of('Nums')), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
      if (lookup(context, nums.get(i), PDFNumber)?.asNumber() === key) return lookup(context, nums.get(i + 1), PDFArray);
    }
    const kids = lookup(context, node.get(PDFName.of('Kids')), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = lookup(context, kids.get(i), PDFDict);
      const limits = lookup(context, kid?.get(PDFName.of('Limits')), PDFArray);
      const [lo, hi] = [0, 1].map((j) => lookup(context, limits?.get(j), PDFNumber)?.asNumber());
      if (lo !== undefined && hi !== undefined && (key < lo || key > hi)) continue;
      const found = search(kid, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return search(lookup(context, root?.get(PDFName.of('ParentTree')), PDFDict), 0);
}
