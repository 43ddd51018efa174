/** The text of a hast node, its white space collapsed: for quoting the document and comparing titles. */
import type { Nodes } from 'hast';

export function hastText(node: Nodes): string {
  return rawText(node).replace(/\s+/g, ' ').trim();
}

function rawText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  if (node.type === 'element' || node.type === 'root') return node.children.map((child) => rawText(child)).join(node.type === 'element' && /^(p|li|td|th|h[1-6])$/.test(node.tagName) ? '' : ' ');
  return '';
}
