/** The statement's Markdown tree as text: GFM (tables, footnotes, strikethrough), `-` bullets, `*` emphasis. Pure. */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const processor = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', listItemIndent: 'one', fences: true })
  .freeze();

export function toMarkdown(tree: Root): string {
  return processor.stringify(tree);
}
