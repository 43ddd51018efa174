import type { Delete } from 'mdast';
import type { State } from '../state.js';

/** Just the text: no markup characters. */
export function deleteHandler(state: State, node: Delete): string {
  return state.phrasing(node);
}
