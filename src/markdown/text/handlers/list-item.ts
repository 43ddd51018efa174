import type { ListItem } from 'mdast';
import { displayWidth } from '../display-width.js';
import type { State } from '../state.js';
import { prefixLines } from '../util.js';

/** A list item outside of a list: rendered as a bullet item. */
export function listItem(state: State, node: ListItem): string {
  return listItemWithMarker(state, node, '- ');
}

/**
 * `marker` before the first line, continuation lines hanging-indented under
 * the text after the marker. GFM task items start with `[x] ` / `[ ] `.
 */
export function listItemWithMarker(state: State, node: ListItem, marker: string): string {
  const markerWidth = displayWidth(marker);
  const checkbox = node.checked === true ? '[x] ' : node.checked === false ? '[ ] ' : undefined;
  const first = node.children[0];
  const blocks = state.withWidth(state.width - markerWidth, () =>
    state.blocks(node, first?.type === 'paragraph' ? checkbox : undefined),
  );
  state.pendingPrefix = undefined;
  if (checkbox !== undefined && first?.type !== 'paragraph') blocks.unshift(checkbox.trimEnd());
  const body = blocks.join(node.spread ? '\n\n' : '\n');
  return prefixLines(body, marker, ' '.repeat(markerWidth));
}
