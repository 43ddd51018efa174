import type { AlignType, Table } from 'mdast';
import { displayWidth } from '../display-width.js';
import type { State } from '../state.js';
import { wrapPhrasing } from '../util.js';
import { wrapLines } from '../wrap.js';
import { tableRowCells } from './table-row.js';

const GAP = '  ';

/**
 * Aligned columns (two spaces apart, header, a row of `-` per column, cells
 * padded per the column's alignment) when the whole table fits the width;
 * otherwise one block of `Header: value` lines per body row, rows separated
 * by blank lines.
 */
export function table(state: State, node: Table): string {
  const rows = node.children.map((row) => tableRowCells(state, row));
  if (rows.length === 0) return '';
  const columns = Math.max(...rows.map((row) => row.length));
  if (columns === 0) return '';
  for (const row of rows) while (row.length < columns) row.push('');

  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(1, ...rows.map((row) => displayWidth(row[column]!))),
  );
  const total = widths.reduce((sum, width) => sum + width, 0) + GAP.length * (columns - 1);
  const align = node.align ?? [];

  if (total <= state.width) {
    const line = (cells: string[]) =>
      cells.map((cell, column) => pad(cell, widths[column]!, align[column] ?? null)).join(GAP).trimEnd();
    const [header, ...body] = rows;
    return [line(header!), widths.map((width) => '-'.repeat(width)).join(GAP), ...body.map(line)].join('\n');
  }

  const [header, ...body] = rows;
  if (body.length === 0) {
    return header!.flatMap((cell) => wrapPhrasing(cell, state.width)).join('\n');
  }
  return body
    .map((row) =>
      row
        .flatMap((cell, column) => {
          const label = header![column]!;
          const text = label === '' ? cell : cell === '' ? `${label}:` : `${label}: ${cell}`;
          if (text === '') return [];
          return wrapLines(text, Math.max(1, state.width), { firstIndent: '', indent: '  ' });
        })
        .join('\n'),
    )
    .filter((block) => block !== '')
    .join('\n\n');
}

function pad(text: string, width: number, align: AlignType): string {
  const room = Math.max(0, width - displayWidth(text));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + text + ' '.repeat(room - left);
  }
  return text + ' '.repeat(room);
}
