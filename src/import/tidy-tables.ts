/**
 * Word tables as Markdown (GFM) tables can hold them: one line of text per cell, a header row.
 * A cell with several paragraphs or a list is joined into one line, a table inside a cell
 * becomes its text, a table without a header row takes its first row as one; merged cells are
 * split (by hast-util-to-mdast). What changed is reported, per table. Pure: changes the tree.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { quote, type Finding } from './finding.ts';
import { hastText } from './hast-text.ts';

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'pre']);

export function tidyTables(tree: Root): Finding[] {
  const findings: Finding[] = [];
  visit(tree, 'element', (table: Element) => {
    if (table.tagName !== 'table') return undefined;
    const changes = new Set<string>();
    const rows: Element[] = [];
    visit(table, 'element', (node: Element) => {
      if (node.tagName === 'table' && node !== table) return SKIP;
      if (node.tagName === 'tr') rows.push(node);
      if (node.tagName !== 'td' && node.tagName !== 'th') return undefined;
      if (Number(node.properties.colSpan ?? 1) > 1 || Number(node.properties.rowSpan ?? 1) > 1) changes.add('merged cells were split, leaving empty cells');
      const flat = flattenCell(node.children);
      if (flat.blocks > 1 || flat.list) changes.add('cells with several paragraphs or a list were joined into one line');
      if (flat.table) changes.add('a table inside a cell became text');
      node.children = flat.content;
      return SKIP;
    });
    const first = rows[0];
    const hasHead = table.children.some((c) => c.type === 'element' && c.tagName === 'thead') || first?.children.some((c) => c.type === 'element' && c.tagName === 'th');
    if (first && !hasHead) {
      for (const cell of first.children) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
      if (rows.length > 1) changes.add('its first row became the header row');
    }
    if (changes.size) {
      findings.push({ what: `in the table starting ${quote(hastText(table), 30)}, ${[...changes].join('; ')}`, todo: 'check the table in the statement against the document' });
    }
    return SKIP;
  });
  return findings;
}

interface Flat {
  content: ElementContent[];
  blocks: number;
  list: boolean;
  table: boolean;
}

/** A cell's content as one line of phrasing: blocks joined by a space, list items by "; ". */
function flattenCell(children: ElementContent[]): Flat {
  const flat: Flat = { content: [], blocks: 0, list: false, table: false };
  const space = (): Text => ({ type: 'text', value: ' ' });
  const add = (nodes: ElementContent[], separator: () => Text) => {
    if (flat.content.length && nodes.length) flat.content.push(separator());
    flat.content.push(...nodes);
  };
  for (const child of children) {
    if (child.type !== 'element' || !BLOCKS.has(child.tagName)) {
      add([child.type === 'element' && child.tagName === 'br' ? space() : child], () => ({ type: 'text', value: '' }));
      continue;
    }
    flat.blocks += 1;
    if (child.tagName === 'table') {
      flat.table = true;
      add([{ type: 'text', value: hastText(child) }], space);
    } else if (child.tagName === 'ul' || child.tagName === 'ol') {
      flat.list = true;
      const items = child.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li').map((li) => flattenCell(li.children).content);
      add(items.flatMap((item, i) => (i === 0 ? item : [{ type: 'text', value: '; ' } as Text, ...item])), space);
    } else {
      const inner = flattenCell(child.children);
      flat.list ||= inner.list;
      flat.table ||= inner.table;
      flat.blocks += Math.max(0, inner.blocks - 1);
      add(inner.content, space);
    }
  }
  return flat;
}
