import type { Html } from 'mdast';
import type { State } from '../state.js';

/** Raw HTML is dropped (the build warns about it). */
export function html(_state: State, _node: Html): string {
  return '';
}
