import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createTextSerializer, type RenderOptions } from '../../../src/markdown/text/index.js';

const processor = unified().use(remarkParse).use(remarkGfm);

/** Parse Markdown the way the build does. */
export function parse(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}

/** Render one document with a fresh serializer; returns body and reference list. */
export function text(markdown: string, width = 72, options?: RenderOptions): { body: string; refs: string } {
  const serializer = createTextSerializer({ width });
  const body = serializer.render(parse(markdown), options);
  return { body, refs: serializer.references() };
}

/** Just the body. */
export function body(markdown: string, width = 72, options?: RenderOptions): string {
  return text(markdown, width, options).body;
}

/** Join lines with LF (keeps expected strings readable). */
export function lines(...values: string[]): string {
  return values.join('\n');
}
