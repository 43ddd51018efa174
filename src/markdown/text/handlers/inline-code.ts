import type { InlineCode } from 'mdast';
import type { State } from '../state.js';
import { collapse } from '../util.js';

/** The code in backticks, white space collapsed. */
export function inlineCode(_state: State, node: InlineCode): string {
  return '`' + collapse(node.value) + '`';
}
