import type { Heading } from 'mdast';
import { displayWidth } from '../display-width.js';
import type { State } from '../state.js';
import { wrapPhrasing } from '../util.js';

/** The heading text on its own line(s), underlined with `=` (depth 1) or `-` (deeper) as wide as its widest line. */
export function heading(state: State, node: Heading): string {
  const lines = wrapPhrasing(state.phrasing(node), state.width);
  if (lines.length === 0) return '';
  const width = Math.max(...lines.map(displayWidth));
  return [...lines, (node.depth === 1 ? '=' : '-').repeat(Math.max(1, width))].join('\n');
}
