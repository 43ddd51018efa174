/**
 * The converted tree made tidy for Markdown: the shallowest heading of the text a level under
 * the headline (`##`), lists tight, and white space at the edges of emphasis and links moved outside them,
 * as Word's runs often hold it ("**fortieth **mosque" would print as `**fortieth&#x20;**`). Pure.
 */
import type { Heading, List, Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

export function tidyMdast(tree: Root): void {
  raiseHeadings(tree);
  tightenLists(tree);
  trimMarks(tree);
}

/** Word's lists have no blank lines between items: tight, unless an item holds several paragraphs (which need them). */
function tightenLists(tree: Root): void {
  visit(tree, 'list', (list: List) => {
    if (list.children.some((item) => item.children.filter((c) => c.type !== 'list').length > 1)) return;
    list.spread = false;
    for (const item of list.children) item.spread = false;
  });
}

function raiseHeadings(tree: Root): void {
  const headings: Heading[] = [];
  visit(tree, 'heading', (node: Heading) => void headings.push(node));
  if (!headings.some((h) => h.depth === 1)) return;
  for (const heading of headings) heading.depth = Math.min(6, heading.depth + 1) as Heading['depth'];
}

const MARKS = new Set(['emphasis', 'strong', 'delete', 'link']);

/** Leading and trailing white space of marks moves out of them; a mark holding only white space becomes that space. */
function trimMarks(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    const out: Parent['children'] = [];
    for (const child of parent.children) {
      if (!MARKS.has(child.type)) {
        out.push(child);
        continue;
      }
      const mark = child as Parent & PhrasingContent;
      const before = takeSpace(mark, 'start');
      const after = takeSpace(mark, 'end');
      if (before) out.push(text(before));
      if (mark.children.length || mark.type === 'link') out.push(mark);
      if (after) out.push(text(after));
    }
    parent.children = merge(out);
  });
}

function takeSpace(mark: Parent, edge: 'start' | 'end'): string {
  const child = edge === 'start' ? mark.children[0] : mark.children.at(-1);
  if (!child) return '';
  if (child.type !== 'text') return MARKS.has(child.type) && child.type !== 'link' ? takeSpace(child as Parent, edge) : '';
  const node = child as Text;
  const match = edge === 'start' ? /^\s+/.exec(node.value) : /\s+$/.exec(node.value);
  if (!match) return '';
  node.value = edge === 'start' ? node.value.slice(match[0].length) : node.value.slice(0, node.value.length - match[0].length);
  if (node.value === '') mark.children.splice(mark.children.indexOf(node), 1);
  return match[0].includes('\n') ? '\n' : ' ';
}

function text(value: string): Text {
  return { type: 'text', value };
}

/** Adjacent text nodes as one, and no double spaces where two were moved side by side. */
function merge(children: Parent['children']): Parent['children'] {
  const merged: Parent['children'] = [];
  for (const child of children) {
    const last = merged.at(-1);
    if (last?.type === 'text' && child.type === 'text') (last as Text).value = `${(last as Text).value}${(child as Text).value}`.replace(/ {2,}/g, ' ');
    else merged.push(child);
  }
  return merged;
}
