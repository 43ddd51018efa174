import type { Nodes, Paragraph, Parents, PhrasingContent } from 'mdast';
import type { ReferenceRegistry, TreeContext } from './references.js';

/** Every handler has this shape: block handlers return fitted lines, phrasing handlers unwrapped text. */
export type Handler<N extends Nodes = Nodes> = (state: State, node: N) => string;

/** One handler per mdast node type. */
export type Handlers = { [Type in Nodes['type']]: Handler<Extract<Nodes, { type: Type }>> };

/** What a state renders nodes with: the registry (handlers/index.ts), and the fallback for types missing from it. */
export interface NodeHandlers {
  byType: Handlers;
  unknown: Handler;
}

/** Node types that are phrasing (inline) content; consecutive runs of them in flow content form a paragraph. */
const PHRASING = new Set([
  'break',
  'delete',
  'emphasis',
  'footnoteReference',
  'image',
  'imageReference',
  'inlineCode',
  'link',
  'linkReference',
  'strong',
  'text',
]);

/**
 * Rendering state handed to every handler. Block handlers return their
 * rendered lines (joined with `\n`, already fitted to `width`); phrasing
 * handlers return unwrapped text in which `\n` marks a hard break.
 */
export class State {
  /** Display columns available to the block being rendered (containers narrow it for their children). */
  width: number;
  /** Text to put in front of the next paragraph rendered (dateline, task-list checkbox). Consumed by the paragraph handler. */
  pendingPrefix: string | undefined = undefined;
  /** True while rendering phrasing content (decides how unknown nodes render). */
  inPhrasing = false;

  constructor(
    readonly registry: ReferenceRegistry,
    readonly context: TreeContext,
    width: number,
    private readonly handlers: NodeHandlers,
  ) {
    this.width = Math.max(1, width);
  }

  /** Render one node with its handler (unknown types fall back to their text content). */
  one(node: Nodes): string {
    const handler = (this.handlers.byType as Record<string, Handler | undefined>)[node.type] ?? this.handlers.unknown;
    return handler(this, node);
  }

  /**
   * Render the children of `parent` as flow content: one string per
   * non-empty block. `firstParagraphPrefix` goes in front of the first
   * paragraph child; it is left in `pendingPrefix` if there is none.
   */
  blocks(parent: Parents, firstParagraphPrefix?: string): string[] {
    const saved = this.inPhrasing;
    this.inPhrasing = false;
    let prefix = firstParagraphPrefix;
    const out: string[] = [];
    try {
      const children = groupPhrasing(childrenOf(parent));
      for (const child of children) {
        if (prefix !== undefined && child.type === 'paragraph') {
          this.pendingPrefix = prefix;
          prefix = undefined;
        }
        const block = this.one(child);
        if (block.trim() !== '') out.push(block);
      }
    } finally {
      this.inPhrasing = saved;
    }
    this.pendingPrefix = prefix;
    return out;
  }

  /** Render the children of `parent` as flow content, blocks separated by one blank line. */
  flow(parent: Parents, separator = '\n\n'): string {
    return this.blocks(parent).join(separator);
  }

  /** Render the children of `parent` as phrasing content (unwrapped; `\n` = hard break). */
  phrasing(parent: Parents): string {
    const saved = this.inPhrasing;
    this.inPhrasing = true;
    try {
      let out = '';
      for (const child of childrenOf(parent)) out += this.one(child);
      return out;
    } finally {
      this.inPhrasing = saved;
    }
  }

  /** Render one node as phrasing content (unwrapped; `\n` = hard break). */
  inline(node: Nodes): string {
    const saved = this.inPhrasing;
    this.inPhrasing = true;
    try {
      return this.one(node);
    } finally {
      this.inPhrasing = saved;
    }
  }

  /** Run `render` with `width` narrowed to `width` columns (at least 1). */
  withWidth<T>(width: number, render: () => T): T {
    const saved = this.width;
    this.width = Math.max(1, width);
    try {
      return render();
    } finally {
      this.width = saved;
    }
  }
}

/** Wrap runs of phrasing nodes that sit directly in flow content into paragraphs. */
function groupPhrasing(children: readonly Nodes[]): Nodes[] {
  const out: Nodes[] = [];
  let run: PhrasingContent[] | undefined;
  for (const child of children) {
    if (PHRASING.has(child.type)) {
      if (!run) {
        run = [];
        const paragraph: Paragraph = { type: 'paragraph', children: run };
        out.push(paragraph);
      }
      run.push(child as PhrasingContent);
    } else {
      run = undefined;
      out.push(child);
    }
  }
  return out;
}

/** Children of a parent; tolerates malformed nodes without a `children` array. */
function childrenOf(parent: Parents): Nodes[] {
  const children = (parent as { children?: unknown }).children;
  return Array.isArray(children) ? (children as Nodes[]) : [];
}
