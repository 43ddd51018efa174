import type { Handlers, NodeHandlers } from '../state.js';
import { blockquote } from './blockquote.js';
import { hardBreak } from './break.js';
import { code } from './code.js';
import { definition } from './definition.js';
import { deleteHandler } from './delete.js';
import { emphasis } from './emphasis.js';
import { footnoteDefinition } from './footnote-definition.js';
import { footnoteReference } from './footnote-reference.js';
import { heading } from './heading.js';
import { html } from './html.js';
import { image } from './image.js';
import { imageReference } from './image-reference.js';
import { inlineCode } from './inline-code.js';
import { link } from './link.js';
import { linkReference } from './link-reference.js';
import { list } from './list.js';
import { listItem } from './list-item.js';
import { paragraph } from './paragraph.js';
import { root } from './root.js';
import { strong } from './strong.js';
import { table } from './table.js';
import { tableCell } from './table-cell.js';
import { tableRow } from './table-row.js';
import { text } from './text.js';
import { thematicBreak } from './thematic-break.js';
import { unknown } from './unknown.js';
import { yaml } from './yaml.js';

/** The registry: one handler per mdast node type (CommonMark + GFM + front matter). */
const handlers: Handlers = {
  blockquote,
  break: hardBreak,
  code,
  definition,
  delete: deleteHandler,
  emphasis,
  footnoteDefinition,
  footnoteReference,
  heading,
  html,
  image,
  imageReference,
  inlineCode,
  link,
  linkReference,
  list,
  listItem,
  paragraph,
  root,
  strong,
  table,
  tableCell,
  tableRow,
  text,
  thematicBreak,
  yaml,
};

/** The registry, and the handler for node types missing from it (their text content). */
export const nodeHandlers: NodeHandlers = { byType: handlers, unknown };
