/**
 * The top of a Word statement, which becomes front matter rather than text: the title (a
 * paragraph in Word's Title style, else the document's Title property, else a first heading or a
 * first short line), the subtitle (Word's Subtitle style), and the lines Clarion prints itself
 * ("FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL ..."), each reported. Pure: takes them out of the tree.
 */
import type { Element, Root } from 'hast';
import { quote, type Finding } from './finding.ts';
import { hastText } from './hast-text.ts';

export type TitleSource = 'title-style' | 'properties' | 'heading' | 'paragraph';

export interface Leading {
  title?: { text: string; from: TitleSource };
  subtitle?: string;
  findings: Finding[];
}

/** The phrase alone, or with a date: "FOR IMMEDIATE RELEASE", "Press release – 27 November 2023" (not "Press release: Forty mosques"). */
const RELEASE_LINE = /^(for immediate release|immediate release|press release|news release|media release|media advisory)[\s.:!,–—-]*([^\p{L}]*\d[\p{L}\d\s.,/–—-]{0,30})?$/iu;
/** "EMBARGOED UNTIL ...", "Embargo: ..." (not "Embargo on arms sales must end"). */
const EMBARGO_LINE = /^(strictly\s+)?embargo(ed)?\b\s*(until|till|to|for|:|–|—|-)/i;
/** A line that ends like a sentence is a paragraph, not a headline. */
const SENTENCE_END = /[.!?:;…。۔؟]$/u;
const HEADLINE_MAX = 200;
const NOTE_MARK = /^\[\d+\]$/;

export function takeLeading(tree: Root, propertiesTitle: string | undefined): Leading {
  const findings: Finding[] = [];
  const blocks = () => tree.children.filter((c): c is Element => c.type === 'element' && !isPictureOnly(c));
  const remove = (node: Element) => tree.children.splice(tree.children.indexOf(node), 1);

  for (let block = blocks()[0]; block && block.tagName === 'p' && hastText(block).length <= 160; block = blocks()[0]) {
    const text = hastText(block);
    if (RELEASE_LINE.test(text)) findings.push({ what: `the line ${quote(text)} at the top was left out`, todo: 'Clarion prints the release line itself, with the date from date:' });
    else if (EMBARGO_LINE.test(text)) findings.push({ what: `the line ${quote(text)} at the top was left out`, todo: 'write the embargo in the front matter, e.g. embargo: 2023-11-28T09:00 Europe/London' });
    else break;
    remove(block);
  }

  const first = blocks()[0];
  let title: Leading['title'];
  if (first && hasClass(first, 'docx-title')) title = { text: lineText(first), from: 'title-style' };
  else if (propertiesTitle) title = { text: propertiesTitle, from: 'properties' };
  else if (first && /^h[1-6]$/.test(first.tagName)) title = { text: lineText(first), from: 'heading' };
  else if (first && first.tagName === 'p' && isHeadline(first)) title = { text: lineText(first), from: 'paragraph' };
  if (first && title && (title.from !== 'properties' || sameText(hastText(first), title.text))) remove(first);
  else if (first && title && /^h[1-6]$/.test(first.tagName)) {
    findings.push({
      what: `the title is the document's Title property, ${quote(title.text)}, and its first heading, ${quote(hastText(first))}, stayed in the text`,
      todo: 'if the heading is the headline, write it in title: and remove it from the text',
    });
  }

  const next = blocks()[0];
  const subtitle = next && hasClass(next, 'docx-subtitle') ? hastText(next) : undefined;
  if (next && subtitle !== undefined) remove(next);
  const cleaned = title && cleanLine(title.text);
  if (cleaned && cleaned.length > HEADLINE_MAX) {
    findings.push({ what: `the title is longer than ${HEADLINE_MAX} characters and was cut: ${quote(cleaned, 80)}`, todo: 'shorten title: in the front matter' });
  }
  return {
    ...(cleaned ? { title: { text: cutAtWord(cleaned, HEADLINE_MAX), from: title!.from } } : {}),
    ...(subtitle ? { subtitle: cleanLine(subtitle) } : {}),
    findings,
  };
}

/** The text of a line, without the marks of notes (a title has none: "[1]" would be printed). */
function lineText(node: Element): string {
  return hastText({ ...node, children: node.children.filter((c) => !(c.type === 'element' && c.tagName === 'sup' && NOTE_MARK.test(hastText(c)))) });
}

/** A headline: one short line of text, not ending like a sentence, with nothing but text in it. */
function isHeadline(p: Element): boolean {
  const text = hastText(p);
  const plain = p.children.every((c) => c.type === 'text' || (c.type === 'element' && ['strong', 'em', 'b', 'i', 'u', 'span', 's'].includes(c.tagName)));
  return plain && /\p{L}/u.test(text) && text.length <= HEADLINE_MAX && !SENTENCE_END.test(text);
}

function isPictureOnly(node: Element): boolean {
  return node.tagName === 'p' && hastText(node) === '' && node.children.some((c) => c.type === 'element' && c.tagName === 'img');
}

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

function sameText(a: string, b: string): boolean {
  return cleanLine(a).toLocaleLowerCase() === cleanLine(b).toLocaleLowerCase();
}

/** One line of plain text: no soft hyphens or direction marks (which Word adds and check warns of), white space single. */
export function cleanLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return (cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut).trimEnd();
}
