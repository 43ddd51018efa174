/** Markdown blocks (mdast) to Word paragraphs and tables. */
import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { BlockContent, DefinitionContent, List, Paragraph as MdParagraph, RootContent, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { inlines } from './inlines.ts';
import { LEVEL_INDENT, orderedListNumbering } from './styles.ts';
import { BULLET_NUMBERING, CODE_FONT, PARAGRAPH_NUMBERING, type DocxState } from './state.ts';

/** Where a block sits: inside how many quotes, which list level, or in a footnote. */
interface Place {
  quote: number;
  /** Indent of list item content other than its first paragraph, in twips. */
  listIndent: number;
  listLevel: number;
  note: boolean;
}

const BODY: Place = { quote: 0, listIndent: 0, listLevel: 0, note: false };
const NOTE: Place = { ...BODY, note: true };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

export function bodyBlocks(nodes: readonly RootContent[], state: DocxState): FileChild[] {
  return blocks(nodes, state, BODY);
}

/** A footnote's content: Word footnotes hold paragraphs only. */
export function noteParagraphs(nodes: readonly RootContent[], state: DocxState): Paragraph[] {
  const out = blocks(nodes, state, NOTE).filter((child): child is Paragraph => child instanceof Paragraph);
  return out.length > 0 ? out : [new Paragraph({ style: 'FootnoteText', children: [] })];
}

function blocks(nodes: readonly RootContent[], state: DocxState, place: Place): FileChild[] {
  return nodes.flatMap((node) => block(node, state, place));
}

function block(node: RootContent, state: DocxState, place: Place): FileChild[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(node, state, place)];
    case 'heading': {
      if (place.note) return [para(state, place, { children: inlines(node.children, state, { bold: true }) })];
      const heading = HEADINGS[Math.min(node.depth, HEADINGS.length) - 1];
      return [para(state, place, { heading, children: inlines(node.children, state) })];
    }
    case 'blockquote':
      return blocks(node.children, state, { ...place, quote: place.quote + 1 });
    case 'list':
      return list(node, state, place);
    case 'code':
      return node.value.split('\n').map((line) => para(state, place, { children: [new TextRun({ text: line, font: CODE_FONT })] }));
    case 'thematicBreak':
      return [para(state, place, { thematicBreak: true, children: [] })];
    case 'table':
      return place.note ? tableAsLines(node, state, place) : [table(node, state)];
    // Not content: definitions are used by their references; raw HTML is left out of every output.
    case 'definition':
    case 'footnoteDefinition':
    case 'html':
      return [];
    default: {
      const text = toString(node);
      return text ? [para(state, place, { children: [new TextRun(text)] })] : [];
    }
  }
}

function paragraph(node: MdParagraph, state: DocxState, place: Place): Paragraph {
  return para(state, place, {
    children: inlines(node.children, state),
    // Real Word numbering, not typed digits, so that paragraphs added in Word renumber.
    ...(state.numbered.has(node) ? { numbering: { reference: PARAGRAPH_NUMBERING, level: 0, custom: true } } : {}),
  });
}

/** A paragraph with the style and indent of its place. */
function para(state: DocxState, place: Place, options: IParagraphOptions): Paragraph {
  const style = options.style ?? (place.note ? 'FootnoteText' : place.quote > 0 ? 'Quote' : undefined);
  // The Quote style indents one level; deeper quotes and the later paragraphs of a list item
  // need their own indent. A numbered paragraph takes its indent from its numbering level.
  const start = place.listIndent + place.quote * LEVEL_INDENT;
  const ownIndent = !options.numbering && (place.listIndent > 0 || place.quote > 1);
  return new Paragraph({
    ...options,
    ...(style ? { style } : {}),
    ...(ownIndent ? { indent: { start } } : {}),
    ...(state.rtl ? { bidirectional: true } : {}),
  });
}

function list(node: List, state: DocxState, place: Place): FileChild[] {
  const level = place.listLevel;
  let reference = BULLET_NUMBERING;
  if (node.ordered) {
    reference = `ordered-${state.orderedLists.length + 1}`;
    state.orderedLists.push(orderedListNumbering(reference, node.start ?? 1));
  }
  const inner: Place = { ...place, listLevel: level + 1, listIndent: (level + 1) * LEVEL_INDENT };
  return node.children.flatMap((item) => {
    const [first, ...rest] = item.children as (BlockContent | DefinitionContent)[];
    const box: ParagraphChild[] = typeof item.checked === 'boolean' ? [new TextRun(item.checked ? '☒ ' : '☐ ')] : [];
    const lead = para(state, { ...place, listIndent: 0 }, {
      style: place.note ? 'FootnoteText' : 'ListParagraph',
      numbering: { reference, level },
      children: [...box, ...(first?.type === 'paragraph' ? inlines(first.children, state) : [])],
    });
    const after = first && first.type !== 'paragraph' ? [first, ...rest] : rest;
    return [lead, ...blocks(after, state, inner)];
  });
}

function table(node: MdTable, state: DocxState): Table {
  const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: node.children.map((row, r) => new TableRow({
      tableHeader: r === 0,
      children: row.children.map((cell, c) => {
        const align = node.align?.[c];
        return new TableCell({
          children: [new Paragraph({
            children: inlines(cell.children, state, r === 0 ? { bold: true } : {}),
            ...(align ? { alignment: alignments[align] } : {}),
            ...(state.rtl ? { bidirectional: true } : {}),
          })],
        });
      }),
    })),
  });
}

function tableAsLines(node: MdTable, state: DocxState, place: Place): Paragraph[] {
  return node.children.map((row) => para(state, place, {
    children: row.children.flatMap((cell, i) => [...(i > 0 ? [new TextRun(' | ')] : []), ...inlines(cell.children, state)]),
  }));
}
