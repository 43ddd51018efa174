/**
 * The dateline opens the first paragraph of the body. In HTML it is a `<span class="dateline">`
 * whose date, when shown (UN style), is a `<time datetime>`.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import type { DatelineParts } from '../templates/format.ts';

export function insertDateline(tree: Root, parts: DatelineParts | undefined, isoDate: string): Root {
  if (!parts) return tree;
  const children: PhrasingContent[] = [];
  if (parts.place) children.push({ type: 'text', value: parts.place });
  if (parts.date) {
    children.push({ type: 'text', value: parts.place ? ' (' : '(' });
    children.push({ type: 'emphasis', data: { hName: 'time', hProperties: { dateTime: isoDate } }, children: [{ type: 'text', value: parts.date }] });
    children.push({ type: 'text', value: ')' });
  }
  children.push({ type: 'text', value: ' — ' });
  const dateline: PhrasingContent = { type: 'strong', data: { hName: 'span', hProperties: { className: ['dateline'] } }, children };
  // A shallow copy: the caller's tree is shared with the other outputs and stays as it was.
  const index = tree.children.findIndex((c) => c.type === 'paragraph');
  const blocks = [...tree.children];
  if (index === -1) blocks.unshift({ type: 'paragraph', children: [dateline] });
  else {
    const first = blocks[index] as Paragraph;
    blocks[index] = { ...first, children: [dateline, ...first.children] };
  }
  return { ...tree, children: blocks };
}
