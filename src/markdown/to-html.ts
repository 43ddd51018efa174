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
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();

export function toHtml(tree: Root, options: HtmlOptions): string {
  const key = JSON.stringify([options.allowHtml, options.footnotesLabel, options.idPrefix, options.taskLabels]);
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
      footnoteBackLabel: (n: number) => `Back to reference ${n + 1}`,
      clobberPrefix: options.idPrefix ?? 'statement-',
    })
    .use(rehypeAccessible, options.taskLabels ?? { done: 'done', open: 'not done' })
    .use(rehypeStringify, { allowDangerousHtml: options.allowHtml })
    .freeze();
}

/**
 * What the Markdown gives no way to say: a task-list checkbox is labelled ("done", "not done");
 * a table, which scrolls sideways when wider than the page, can be reached with the keyboard.
 */
function rehypeAccessible(labels: { done: string; open: string }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'input' && node.properties.type === 'checkbox') node.properties.ariaLabel = node.properties.checked ? labels.done : labels.open;
      if (node.tagName === 'table') node.properties.tabIndex = 0;
    });
  };
}
