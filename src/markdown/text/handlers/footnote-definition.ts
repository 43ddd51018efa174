import type { FootnoteDefinition } from 'mdast';
import type { State } from '../state.js';

/** Not printed in place: the text goes into references() once referenced. */
export function footnoteDefinition(_state: State, _node: FootnoteDefinition): string {
  return '';
}
