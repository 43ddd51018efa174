import type { Image } from 'mdast';
import type { State } from '../state.js';
import { imageText } from '../util.js';

/** `[Image: alt text]`, or `[Image]` without alt text. */
export function image(_state: State, node: Image): string {
  return imageText(node.alt);
}
