import type { Definition, FootnoteDefinition } from 'mdast';

/** What one tree knows about itself: link definitions and footnote definitions by normalised identifier. */
export interface TreeContext {
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly footnotes: ReadonlyMap<string, FootnoteDefinition>;
}

export type ReferenceEntry =
  | { readonly kind: 'url'; readonly url: string }
  | {
      readonly kind: 'footnote';
      readonly node: FootnoteDefinition;
      readonly context: TreeContext;
      /** Rendered text (without the `[n] ` marker), filled in lazily by references(). */
      text?: string;
    };

/**
 * The one numbering sequence shared by links and footnotes of a serializer.
 * Entry `n` (1-based) is `entries[n - 1]`. Numbers are handed out on first
 * use; a URL or footnote definition used again keeps its number.
 */
export class ReferenceRegistry {
  readonly entries: ReferenceEntry[] = [];
  private readonly byUrl = new Map<string, number>();
  private readonly byFootnote = new Map<FootnoteDefinition, number>();

  url(url: string): number {
    let number = this.byUrl.get(url);
    if (number === undefined) {
      number = this.entries.push({ kind: 'url', url });
      this.byUrl.set(url, number);
    }
    return number;
  }

  footnote(node: FootnoteDefinition, context: TreeContext): number {
    let number = this.byFootnote.get(node);
    if (number === undefined) {
      number = this.entries.push({ kind: 'footnote', node, context });
      this.byFootnote.set(node, number);
    }
    return number;
  }
}
