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
  const copy = structuredClone(tree);
  const first = copy.children.find((c): c is Paragraph => c.type === 'paragraph');
  if (first) first.children.unshift(dateline);
  else copy.children.unshift({ type: 'paragraph', children: [dateline] });
  return copy;
}
