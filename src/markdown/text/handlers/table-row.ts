import type { Nodes, TableRow } from 'mdast';
import type { State } from '../state.js';
import { oneLine } from '../util.js';
import { tableCell } from './table-cell.js';

/** A row outside of a table: its cells on one line, two spaces apart. */
export function tableRow(state: State, node: TableRow): string {
  return tableRowCells(state, node).join('  ').trim();
}

/** The rendered one-line text of each cell of a row (anything that is not a row counts as a one-cell row). */
export function tableRowCells(state: State, node: Nodes): string[] {
  if (node.type !== 'tableRow') return [oneLine(state.inline(node))];
  return node.children.map((cell) =>
    cell.type === 'tableCell' ? tableCell(state, cell) : oneLine(state.inline(cell)),
  );
}
