import type { Blockquote } from 'mdast';
import type { State } from '../state.js';
import { prefixLines } from '../util.js';

/** Every line prefixed `> ` (blank lines `>`), contents wrapped so prefix and text fit the width. */
export function blockquote(state: State, node: Blockquote): string {
  const inner = state.withWidth(state.width - 2, () => state.flow(node));
  if (inner === '') return '';
  return prefixLines(inner, '> ', '> ');
}
