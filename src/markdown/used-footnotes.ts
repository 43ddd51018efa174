/**
 * The footnotes a statement actually carries: definitions referenced from its text, in the
 * order of their first reference. Unreferenced definitions appear in no output (the web page,
 * the text release and the Word file all drop them), so they are neither counted nor written.
 */
import type { FootnoteDefinition, Nodes, Root } from 'mdast';

export function usedFootnotes(tree: Root): FootnoteDefinition[] {
  const definitions = new Map<string, FootnoteDefinition>();
  const order: string[] = [];
  const seen = new Set<string>();
  const walk = (node: Nodes, inDefinition: boolean): void => {
    if (node.type === 'footnoteDefinition') {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
      inDefinition = true;
    } else if (node.type === 'footnoteReference' && !inDefinition && !seen.has(node.identifier)) {
      // A note referenced only from another note cannot be a Word footnote: only the text's count.
      seen.add(node.identifier);
      order.push(node.identifier);
    }
    if ('children' in node) for (const child of node.children) walk(child, inDefinition);
  };
  walk(tree, false);
  return order.flatMap((id) => definitions.get(id) ?? []);
}
