import type { Definition } from 'mdast';
import type { State } from '../state.js';

/** Link definitions are not printed; link references resolve through them. */
export function definition(_state: State, _node: Definition): string {
  return '';
}
