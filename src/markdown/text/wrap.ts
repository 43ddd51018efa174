import { displayWidth } from './display-width.js';

/** Whitespace that separates words inside one line. Other spaces (NBSP, …) are part of words. */
const INLINE_SPACE = /[ \t\f\v]+/g;
/** Every way a line can end. */
const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029]/g;

export interface WrapOptions {
  /** Prefix of every line but the first (counted in `width`). */
  indent?: string;
  /** Prefix of the first line (counted in `width`); defaults to `indent`. */
  firstIndent?: string;
}

/**
 * Greedy word wrap of `text` (already split into hard lines with `\n`) to
 * `width` display columns, prefixes included. Words are separated by runs of
 * spaces and never broken: a word wider than the room left stands alone on its
 * own line. Empty hard lines become empty output lines; leading and trailing
 * empty hard lines are dropped. No output line has trailing whitespace.
 */
export function wrapLines(text: string, width: number, options: WrapOptions = {}): string[] {
  const indent = options.indent ?? '';
  const firstIndent = options.firstIndent ?? indent;
  const indentWidth = displayWidth(indent);
  const hardLines = text.normalize('NFC').replace(LINE_BREAK, '\n').split('\n');
  while (hardLines.length > 0 && hardLines[0]!.trim() === '') hardLines.shift();
  while (hardLines.length > 0 && hardLines[hardLines.length - 1]!.trim() === '') hardLines.pop();

  const out: string[] = [];
  for (const hardLine of hardLines) {
    const words = hardLine.replace(INLINE_SPACE, ' ').split(' ').filter((word) => word !== '');
    let line = out.length === 0 ? firstIndent : indent;
    let lineWidth = out.length === 0 ? displayWidth(firstIndent) : indentWidth;
    let empty = true;
    for (const word of words) {
      const wordWidth = displayWidth(word);
      if (empty) {
        line += word;
        lineWidth += wordWidth;
        empty = false;
      } else if (lineWidth + 1 + wordWidth <= width) {
        line += ' ' + word;
        lineWidth += 1 + wordWidth;
      } else {
        out.push(line.trimEnd());
        line = indent + word;
        lineWidth = indentWidth + wordWidth;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

/**
 * Word-wrap `text` to `width` display columns. Runs of spaces and tabs
 * collapse; line breaks in `text` are kept as hard breaks (blank lines stay
 * blank). `firstIndent` (default `indent`) starts the first line, `indent`
 * every following non-blank line; both count towards `width`. Returns the
 * lines joined with `\n`, no trailing newline, no trailing spaces.
 */
export function wrapText(
  text: string,
  width: number,
  options: { indent?: string; firstIndent?: string } = {},
): string {
  return wrapLines(text, width, options).join('\n');
}
