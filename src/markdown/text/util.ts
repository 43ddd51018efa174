import { displayWidth } from './display-width.js';
import { wrapLines } from './wrap.js';

/**
 * Phrasing content is rendered to one string in which `\n` stands for a hard
 * break and every other run of white space has been collapsed to one space.
 */
export const HARD_BREAK = '\n';

/** Markdown white space plus Unicode line separators (NBSP and friends stay: they are deliberate). */
const COLLAPSIBLE = /[ \t\n\r\f\v\u0085\u2028\u2029]+/g;

/** Collapse white space (including line endings) to single spaces; NFC-normalise. */
export function collapse(text: string): string {
  return text.normalize('NFC').replace(COLLAPSIBLE, ' ');
}

/** Turn rendered phrasing into one line: hard breaks become spaces, runs of spaces one space, trimmed. */
export function oneLine(phrasing: string): string {
  return collapse(phrasing).trim();
}

/** Wrap rendered phrasing (hard breaks as `\n`) to `width` columns. */
export function wrapPhrasing(phrasing: string, width: number): string[] {
  return wrapLines(phrasing, Math.max(1, width));
}

/**
 * Prefix the lines of a rendered block: `first` before the first line, `rest`
 * before the others. Blank lines get the prefix without its trailing spaces.
 */
export function prefixLines(block: string, first: string, rest: string): string {
  return block
    .split('\n')
    .map((line, index) => ((index === 0 ? first : rest) + line).trimEnd())
    .join('\n');
}

/** Spaces as wide as `text` (for hanging indents). */
export function spacesFor(text: string): string {
  return ' '.repeat(displayWidth(text));
}

/** Same normalisation micromark applies to labels/identifiers, so programmatic trees match too. */
export function normalizeIdentifier(value: string | null | undefined): string {
  return String(value ?? '').replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/** The URL as printed: trimmed, NFC, with white space and control characters percent-encoded so it stays one token. */
export function printableUrl(url: string): string {
  return url
    .trim()
    .normalize('NFC')
    .replace(/[\s\u0000-\u001f\u007f]/g, (char) => encodeURIComponent(char));
}

/** `[Image: alt]`, or `[Image]` when the alt text is empty. */
export function imageText(alt: string | null | undefined): string {
  const text = collapse(alt ?? '').trim();
  return text === '' ? '[Image]' : `[Image: ${text}]`;
}
