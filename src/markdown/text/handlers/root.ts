import type { Root } from 'mdast';
import type { State } from '../state.js';

/** The document: its blocks separated by one blank line. */
export function root(state: State, node: Root): string {
  return state.flow(node);
}
