/**
 * A Word document's bytes to what a statement is made of: its properties, title and subtitle,
 * its text as a Markdown tree, its pictures, and what could not be carried over. Pure (no
 * files): mammoth reads the document to HTML, rehype-parse makes that a tree, the passes of this
 * folder shape it, and hast-util-to-mdast turns it into Markdown's tree.
 */
import type { Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { readCoreProperties, type CoreProperties } from './core-properties.ts';
import { docxToHtml, type DocxImage } from './docx-to-html.ts';
import { explainMessages } from './explain-messages.ts';
import type { Finding } from './finding.ts';
import { hastText } from './hast-text.ts';
import { inspectDocx } from './inspect-docx.ts';
import { noteHandlers } from './note-handlers.ts';
import { openDocx } from './open-docx.ts';
import { takeLeading, type Leading } from './take-leading.ts';
import { tidyLinks } from './tidy-links.ts';
import { tidyMdast } from './tidy-mdast.ts';
import { tidyTables } from './tidy-tables.ts';

export interface ConvertedDocx {
  properties: CoreProperties;
  title?: Leading['title'];
  subtitle?: string;
  /** The text, with pictures as images whose URL is `docx-image:<n>`. */
  tree: Root;
  /** All the text, for telling its language. */
  text: string;
  images: DocxImage[];
  findings: Finding[];
}

const parser = unified().use(rehypeParse, { fragment: true });

/** `name` is the file's name, for messages. Throws ImportError for what is not a readable Word document. */
export async function convertDocx(bytes: Uint8Array, name: string): Promise<ConvertedDocx> {
  const docx = await openDocx(bytes, name);
  const properties = readCoreProperties(docx.core);
  const { html, images, messages } = await docxToHtml(bytes, name);
  const body = convertHtml(html, properties.title);
  return {
    properties,
    ...body,
    images,
    findings: [...inspectDocx(docx), ...explainMessages(messages), ...body.findings],
  };
}

/** Mammoth's HTML to the statement's title, subtitle and tree, with what changed on the way. */
export function convertHtml(html: string, propertiesTitle?: string): Omit<ConvertedDocx, 'properties' | 'images'> {
  const hast = parser.parse(html) as HastRoot;
  const findings = [...tidyLinks(hast), ...tidyTables(hast)];
  const leading = takeLeading(hast, propertiesTitle);
  const text = hastText(hast);
  const tree = toMdast(hast, { handlers: noteHandlers(hast) }) as Root;
  tidyMdast(tree);
  return {
    ...(leading.title ? { title: leading.title } : {}),
    ...(leading.subtitle ? { subtitle: leading.subtitle } : {}),
    tree,
    text: [leading.title?.text ?? '', text].join(' '),
    findings: [...leading.findings, ...findings],
  };
}
