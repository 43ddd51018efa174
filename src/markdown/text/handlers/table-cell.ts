import type { TableCell } from 'mdast';
import type { State } from '../state.js';
import { oneLine } from '../util.js';

/** A cell's content on one line (hard breaks become spaces). */
export function tableCell(state: State, node: TableCell): string {
  return oneLine(state.phrasing(node));
}
