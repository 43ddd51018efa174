/**
 * Which paragraphs of a submission carry a number (UPR submissions number them, and so do the
 * web page, the PDF, the text release and the Word file: all ask this one function).
 *
 * Numbered: the body's own paragraphs, i.e. the paragraph children of the root, 1, 2, 3 in
 * order and on across headings. Not numbered: headings, and paragraphs inside block quotes,
 * list items, tables and footnotes (they belong to the numbered paragraph before them), and
 * paragraphs with no text of their own (only an image or raw HTML).
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';

export function paragraphNumbers(body: Root): Map<Paragraph, number> {
  const numbers = new Map<Paragraph, number>();
  for (const node of body.children) {
    if (node.type === 'paragraph' && hasText(node.children)) numbers.set(node, numbers.size + 1);
  }
  return numbers;
}

function hasText(children: readonly PhrasingContent[]): boolean {
  return children.some((child) => {
    if (child.type === 'text' || child.type === 'inlineCode') return child.value.trim() !== '';
    if (child.type === 'footnoteReference') return false;
    if ('children' in child) return hasText(child.children);
    return false;
  });
}
