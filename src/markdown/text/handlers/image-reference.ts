import type { ImageReference } from 'mdast';
import type { State } from '../state.js';
import { imageText } from '../util.js';

/** Like an image: `[Image: alt text]`, or `[Image]` without alt text. */
export function imageReference(_state: State, node: ImageReference): string {
  return imageText(node.alt);
}
