import type { Nodes, Parents } from 'mdast';
import type { State } from '../state.js';
import { collapse, wrapPhrasing } from '../util.js';

/**
 * Fallback for node types without a handler (extensions, malformed trees):
 * their text content, as phrasing or as a wrapped block depending on where
 * they occur. Never throws.
 */
export function unknown(state: State, node: Nodes): string {
  const { children, value } = node as { children?: unknown; value?: unknown };
  if (Array.isArray(children)) {
    return state.inPhrasing ? state.phrasing(node as Parents) : state.flow(node as Parents);
  }
  if (typeof value === 'string') {
    const text = collapse(value);
    return state.inPhrasing ? text : wrapPhrasing(text, state.width).join('\n');
  }
  return '';
}
