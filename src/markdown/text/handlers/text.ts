import type { Text } from 'mdast';
import type { State } from '../state.js';
import { collapse, wrapPhrasing } from '../util.js';

/** White space (line endings included) collapsed to single spaces; wrapped if it stands alone in flow content. */
export function text(state: State, node: Text): string {
  const value = collapse(node.value);
  return state.inPhrasing ? value : wrapPhrasing(value, state.width).join('\n');
}
