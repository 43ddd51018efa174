/** Markdown inline content (mdast phrasing) to Word runs. */
import { ExternalHyperlink, FootnoteReferenceRun, TextRun, type ParagraphChild } from 'docx';
import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CODE_FONT, type DocxState } from './state.ts';

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  font?: string;
  style?: string;
}

const WORD_LINK = /^(https?:|mailto:|tel:)/i;

export function inlines(nodes: readonly PhrasingContent[], state: DocxState, marks: Marks = {}): ParagraphChild[] {
  return nodes.flatMap((node) => inline(node, state, marks));
}

function inline(node: PhrasingContent, state: DocxState, marks: Marks): ParagraphChild[] {
  const run = (text: string, extra: Marks = {}) => new TextRun({ text, ...marks, ...extra, ...(state.rtl ? { rightToLeft: true } : {}) });
  switch (node.type) {
    case 'text':
      // A soft line break in Markdown is a space in the paragraph Word reflows.
      return [run(node.value.replace(/[ \t]*\n[ \t]*/g, ' '))];
    case 'emphasis':
      return inlines(node.children, state, { ...marks, italics: true });
    case 'strong':
      return inlines(node.children, state, { ...marks, bold: true });
    case 'delete':
      return inlines(node.children, state, { ...marks, strike: true });
    case 'inlineCode':
      return [run(node.value, { font: CODE_FONT })];
    case 'break':
      return [new TextRun({ break: 1 })];
    case 'link':
      return link(node.url, node.children, state, marks);
    case 'linkReference': {
      const definition = state.definitions.get(node.identifier);
      return definition ? link(definition.url, node.children, state, marks) : inlines(node.children, state, marks);
    }
    case 'image':
    case 'imageReference':
      // Images are not embedded: OHCHR's portals want text. The alt text keeps their place.
      return node.alt ? [run(`[${node.alt}]`)] : [];
    case 'footnoteReference':
      return footnoteReference(node.identifier, state);
    case 'html':
      return [];
    default:
      return [run(toString(node))];
  }
}

function link(url: string, children: readonly PhrasingContent[], state: DocxState, marks: Marks): ParagraphChild[] {
  // Relative links and page anchors lead nowhere from a Word file: keep their text only.
  if (!WORD_LINK.test(url)) return inlines(children, state, marks);
  return [new ExternalHyperlink({ link: url, children: inlines(children, state, { ...marks, style: 'Hyperlink' }) })];
}

function footnoteReference(identifier: string, state: DocxState): ParagraphChild[] {
  const id = state.footnoteIds.get(identifier);
  // A note referenced only from inside another note is not in the file (see usedFootnotes).
  if (id === undefined) return [];
  if (!state.placedFootnotes.has(identifier)) {
    state.placedFootnotes.add(identifier);
    return [new FootnoteReferenceRun(id)];
  }
  // A Word footnote has one reference. A second reference to it shows its number, as Word
  // numbers footnotes in the order of their references, which is the order of the ids.
  return [new TextRun({ text: String(id), style: 'FootnoteReference' })];
}
