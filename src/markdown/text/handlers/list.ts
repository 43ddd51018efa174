import type { List } from 'mdast';
import type { State } from '../state.js';
import { listItemWithMarker } from './list-item.js';

/**
 * Bullets `- `, ordered items `N. ` counting from the list's `start`. Items of
 * a loose list (the list or one of its items is spread) are separated by
 * blank lines.
 */
export function list(state: State, node: List): string {
  const start = node.ordered ? (typeof node.start === 'number' ? node.start : 1) : 0;
  const items = node.children.map((item, index) => {
    const marker = node.ordered ? `${start + index}. ` : '- ';
    return item.type === 'listItem' ? listItemWithMarker(state, item, marker) : state.one(item);
  });
  // Loose like in HTML: the list or any of its items is spread.
  const loose = Boolean(node.spread) || node.children.some((item) => item.type === 'listItem' && item.spread);
  return items.filter((item) => item !== '').join(loose ? '\n\n' : '\n');
}
