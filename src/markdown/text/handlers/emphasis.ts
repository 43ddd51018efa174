import type { Emphasis } from 'mdast';
import type { State } from '../state.js';

/** Just the text: no markup characters. */
export function emphasis(state: State, node: Emphasis): string {
  return state.phrasing(node);
}
