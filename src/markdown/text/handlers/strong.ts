import type { Strong } from 'mdast';
import type { State } from '../state.js';

/** Just the text: no markup characters. */
export function strong(state: State, node: Strong): string {
  return state.phrasing(node);
}
