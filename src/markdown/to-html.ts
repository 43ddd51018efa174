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

export function toHtml(tree: Root, options: HtmlOptions): string {
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: options.allowHtml,
      footnoteLabel: options.footnotesLabel,
      footnoteLabelTagName: 'h2',
      footnoteBackLabel: (n: number) => `Back to reference ${n + 1}`,
      clobberPrefix: options.idPrefix ?? 'statement-',
    })
    .use(rehypeStringify, { allowDangerousHtml: options.allowHtml });
  const hast = processor.runSync(structuredClone(tree));
  return processor.stringify(hast);
}
