import type { Paragraph } from 'mdast';
import type { State } from '../state.js';
import { wrapPhrasing } from '../util.js';

/** Hard-wrapped at the available width; a pending prefix (dateline, checkbox) goes in front. */
export function paragraph(state: State, node: Paragraph): string {
  const prefix = state.pendingPrefix ?? '';
  state.pendingPrefix = undefined;
  return wrapPhrasing(prefix + state.phrasing(node), state.width).join('\n');
}
