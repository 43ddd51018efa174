import type { Break } from 'mdast';
import type { State } from '../state.js';
import { HARD_BREAK } from '../util.js';

/** A hard line break. */
export function hardBreak(_state: State, _node: Break): string {
  return HARD_BREAK;
}
