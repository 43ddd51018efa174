/** A checked mdast tree to an HTML fragment. Raw HTML passes only when the organisation allows it. */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

export interface HtmlOptions {
  allowHtml: boolean;
  /** Heading of the footnotes section, in the statement's language. */
  footnotesLabel: string;
  /** Prefix of footnote ids, so that several fragments on one page do not clash. */
  idPrefix?: string;
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();

export function toHtml(tree: Root, options: HtmlOptions): string {
  const key = JSON.stringify([options.allowHtml, options.footnotesLabel, options.idPrefix]);
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
    .use(rehypeStringify, { allowDangerousHtml: options.allowHtml })
    .freeze();
}
