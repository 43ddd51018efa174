import type { FootnoteReference } from 'mdast';
import type { State } from '../state.js';
import { normalizeIdentifier } from '../util.js';

/** `[n]`, n from the shared sequence; the definition's text goes into references(). */
export function footnoteReference(state: State, node: FootnoteReference): string {
  const definition = state.context.footnotes.get(normalizeIdentifier(node.identifier));
  if (!definition) return `[^${node.label ?? node.identifier}]`;
  return `[${state.registry.footnote(definition, state.context)}]`;
}
