import type { ThematicBreak } from 'mdast';
import type { State } from '../state.js';

/** `* * *` on its own line (`***` when even that does not fit). */
export function thematicBreak(state: State, _node: ThematicBreak): string {
  return state.width >= 5 ? '* * *' : '***';
}
