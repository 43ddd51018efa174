import type { Yaml } from 'mdast';
import type { State } from '../state.js';

/** Front matter is metadata, not text. */
export function yaml(_state: State, _node: Yaml): string {
  return '';
}
