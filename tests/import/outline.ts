/** The fixtures of `clarion import` and what a reader sees of a Markdown tree, to compare a document with its source. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FootnoteDefinition, Heading, Image, Link, List, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');
export const parser = unified().use(remarkParse).use(remarkGfm);

/** Markdown without its front matter. */
export const withoutFrontMatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
/** The Markdown pandoc was given for a fixture, without its front matter. */
export const source = async (name: string) => withoutFrontMatter(await readFile(path.join(fixtures, 'sources', name), 'utf8'));

/** What a reader sees of a tree, by kind of node: the facts compared between the document and its source. */
export function outline(tree: Root) {
  const of = <T>(type: string) => {
    const nodes: T[] = [];
    visit(tree, type, (node) => void nodes.push(node as T));
    return nodes;
  };
  // Pandoc types curly apostrophes into the document; the source has straight ones.
  const text = (node: Parameters<typeof toString>[0]) => toString(node).replace(/’/g, "'");
  const list = (node: List): unknown => ({
    ordered: node.ordered,
    items: node.children.map((item) => ({ text: text(item.children[0]!), nested: item.children.filter((c): c is List => c.type === 'list').map(list) })),
  });
  return {
    headings: of<Heading>('heading').map((h) => [h.depth, text(h)]),
    strong: of<Root>('strong').map(text),
    emphasis: of<Root>('emphasis').map(text),
    links: of<Link>('link').map((l) => [text(l), l.url]),
    lists: tree.children.filter((c): c is List => c.type === 'list').map(list),
    tables: of<Table>('table').map((t) => t.children.map((row) => row.children.map(text))),
    references: of<{ identifier: string }>('footnoteReference').map((r) => r.identifier),
    notes: of<FootnoteDefinition>('footnoteDefinition').map((d) => [d.identifier, text(d)]),
    quotes: of<Root>('blockquote').map(text),
    images: of<Image>('image').map((i) => i.alt),
    paragraphs: tree.children.filter((c) => c.type === 'paragraph').map(text),
  };
}

