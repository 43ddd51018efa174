/** A checked mdast tree to an HTML fragment. Raw HTML passes only when the organisation allows it. */
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface HtmlOptions {
  allowHtml: boolean;
  /** Heading of the footnotes section, in the statement's language. */
  footnotesLabel: string;
  /** Prefix of footnote ids, so that several fragments on one page do not clash. */
  idPrefix?: string;
  /** What a task-list checkbox says to assistive technology, in the statement's language. */
  taskLabels?: { done: string; open: string };
  /** Level of the page heading the fragment sits under (default 1: the headline). */
  headingBase?: number;
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();

export function toHtml(tree: Root, options: HtmlOptions): string {
  const key = JSON.stringify([options.allowHtml, options.footnotesLabel, options.idPrefix, options.taskLabels, options.headingBase]);
  let processor = processors.get(key);
  if (!processor) {
    processor = makeProcessor(options);
    processors.set(key, processor);
  }
  // mdast-util-to-hast reads the tree without changing it, so no copy is needed.
  return processor.stringify(processor.runSync(tree));
}

function makeProcessor(options: HtmlOptions) {
  return unified()
    .use(remarkRehype, {
      allowDangerousHtml: options.allowHtml,
      footnoteLabel: options.footnotesLabel,
      footnoteLabelTagName: 'h2',
      // The second and later links back to a note read "Back to reference 3-2", as they show "↩2".
      footnoteBackLabel: (n: number, again: number) => `Back to reference ${n + 1}${again > 1 ? `-${again}` : ''}`,
      clobberPrefix: options.idPrefix ?? 'statement-',
    })
    .use(rehypeAccessible, { labels: options.taskLabels ?? { done: 'done', open: 'not done' }, headingBase: options.headingBase ?? 1 })
    .use(rehypeStringify, { allowDangerousHtml: options.allowHtml })
    .freeze();
}

/**
 * What the Markdown gives no way to say: a task-list checkbox is labelled ("done", "not done");
 * a table, which scrolls sideways when wider than the page, can be reached with the keyboard;
 * headings never skip a level (a `###` right under the headline becomes an h2), so the outline
 * that screen readers and the PDF's bookmarks follow has no holes.
 */
function rehypeAccessible({ labels, headingBase }: { labels: { done: string; open: string }; headingBase: number }) {
  return (tree: HastRoot) => {
    let previous = headingBase;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'input' && node.properties.type === 'checkbox') node.properties.ariaLabel = node.properties.checked ? labels.done : labels.open;
      if (node.tagName === 'table') node.properties.tabIndex = 0;
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level) {
        const fitted = Math.min(Number(level), previous + 1, 6);
        node.tagName = `h${Math.max(fitted, headingBase + 1)}`;
        previous = Math.max(fitted, headingBase + 1);
      }
    });
  };
}
