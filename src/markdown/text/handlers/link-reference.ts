import type { LinkReference } from 'mdast';
import type { State } from '../state.js';
import { normalizeIdentifier } from '../util.js';
import { renderLink } from './link.js';

/** `[text][id]`: resolved through the tree's definitions; unresolved references print their text. */
export function linkReference(state: State, node: LinkReference): string {
  const content = state.phrasing(node);
  const definition = state.context.definitions.get(normalizeIdentifier(node.identifier));
  return definition ? renderLink(state, content, definition.url) : content;
}
