import type { Definition, FootnoteDefinition, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { displayWidth } from './display-width.js';
import { nodeHandlers } from './handlers/index.js';
import { ReferenceRegistry, type TreeContext } from './references.js';
import { State } from './state.js';
import { normalizeIdentifier, prefixLines } from './util.js';
import { wrapText } from './wrap.js';

export interface TextOptions {
  /** Wrap width in display columns, e.g. 72. */
  width: number;
}

export interface RenderOptions {
  /** Prepended to the first paragraph, e.g. the dateline "RABWAH, Pakistan — ". */
  firstParagraphPrefix?: string;
}

export interface TextSerializer {
  /**
   * Serialize a block-level tree (the body, one note, the About text). Links
   * and footnotes draw numbers from ONE sequence shared by every render() call
   * of this serializer, numbered in order of first use. Returns the blocks
   * separated by one blank line, no trailing newline.
   */
  render(tree: Root, options?: RenderOptions): string;
  /**
   * The reference list for everything rendered so far: one entry per number,
   * `[1] https://full.url` for links and `[2] full footnote text` for
   * footnotes (hanging-indented under the number). Empty string when there
   * are none.
   */
  references(): string;
}

export { displayWidth, wrapText };

export function createTextSerializer(options: TextOptions): TextSerializer {
  const width = Math.max(1, Math.floor(Number.isFinite(options.width) ? options.width : 72));
  const registry = new ReferenceRegistry();

  return {
    render(tree, renderOptions = {}) {
      const state = new State(registry, collectContext(tree), width, nodeHandlers);
      const prefix = renderOptions.firstParagraphPrefix;
      const blocks = state.blocks(tree, prefix === '' ? undefined : prefix);
      // No paragraph to carry the prefix: it becomes a paragraph of its own.
      if (state.pendingPrefix !== undefined) {
        const own = wrapText(state.pendingPrefix, width);
        if (own !== '') blocks.unshift(own);
        state.pendingPrefix = undefined;
      }
      return finish(blocks.join('\n\n'));
    },

    references() {
      const lines: string[] = [];
      // Rendering a footnote can hand out new numbers (links, footnotes inside
      // it), so the entry list may grow while we walk it.
      for (let index = 0; index < registry.entries.length; index++) {
        const entry = registry.entries[index]!;
        const marker = `[${index + 1}] `;
        if (entry.kind === 'url') {
          lines.push(marker + entry.url);
          continue;
        }
        if (entry.text === undefined) {
          const state = new State(registry, entry.context, width - displayWidth(marker), nodeHandlers);
          entry.text = state.flow(entry.node);
        }
        lines.push(entry.text === '' ? marker.trimEnd() : prefixLines(entry.text, marker, ' '.repeat(displayWidth(marker))));
      }
      return finish(lines.join('\n'));
    },
  };
}

/** The link and footnote definitions of one tree (first definition of an identifier wins). */
function collectContext(tree: Root): TreeContext {
  const definitions = new Map<string, Definition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  visit(tree as Nodes, (node) => {
    if (node.type === 'definition') {
      const id = normalizeIdentifier(node.identifier);
      if (!definitions.has(id)) definitions.set(id, node);
    } else if (node.type === 'footnoteDefinition') {
      const id = normalizeIdentifier(node.identifier);
      if (!footnotes.has(id)) footnotes.set(id, node);
    }
  });
  return { definitions, footnotes };
}

/** NFC, LF only, no tabs, no trailing white space, no leading/trailing blank lines. */
function finish(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
