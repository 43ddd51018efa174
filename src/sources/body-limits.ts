/**
 * Limits that keep one statement from stalling or crashing a build, checked on the Markdown's
 * lines before it is parsed (parsing such text is what would take the time): nesting of block
 * quotes, lists and footnotes, of links and images, and the emphasis marks of a paragraph.
 */
import type { Diagnostic } from '../report/diagnostic.ts';

/** Block quotes and lists nested deeper than this are refused (they would exhaust the parser). */
export const MAX_NESTING = 50;

/** Every limit the body breaks, placed in the file (the body starts on line `bodyLine`). */
export function bodyLimitProblems(file: string, body: string, bodyLine: number): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const deep = deepestNesting(body);
  if (deep.depth > MAX_NESTING) {
    problems.push({ file, line: bodyLine + deep.line, column: 1, severity: 'error', rule: 'too-deep', message: `block quotes, lists or footnotes are nested ${deep.depth} levels deep here`, hint: `nest at most ${MAX_NESTING} levels; this is usually text pasted with stray ">" or indentation` });
  }
  const brackets = deepestBrackets(body);
  if (brackets.depth > MAX_NESTING) {
    problems.push({ file, line: bodyLine + brackets.line, column: brackets.column, severity: 'error', rule: 'too-deep', message: `links or images are nested ${brackets.depth} levels deep here`, hint: `nest at most ${MAX_NESTING} levels; this is usually text pasted with stray "[" and "]"` });
  }
  const crowded = crowdedEmphasis(body);
  if (crowded) {
    problems.push({ file, line: bodyLine + crowded.line, column: crowded.column, severity: 'error', rule: 'too-many-marks', message: `this paragraph has ${crowded.count} emphasis marks (*, _ or ~)`, hint: `a paragraph may have at most ${MAX_EMPHASIS_MARKS}; this is usually text pasted with stray "*" or "_": remove them or write them as \\* and \\_` });
  }
  return problems;
}

/**
 * The deepest nesting of block quotes, list items and footnote definitions, from the lines'
 * prefixes (no parsing): each ">", list marker and "[^label]:" opens a level, and indentation
 * counts a level per two columns.
 */
export function deepestNesting(markdown: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 0 };
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const depth = containerDepth(lines[i]!);
    if (depth > deepest.depth) deepest = { depth, line: i };
  }
  return deepest;
}

const LIST_MARKER = /(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)/y;
const FOOTNOTE_LABEL = /\[\^[^\]\s]{1,999}\]:/y;
const THEMATIC_BREAK = /^[ \t>]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function containerDepth(line: string): number {
  const breakLine = THEMATIC_BREAK.test(line);
  let levels = 0;
  let indent = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      indent += c === '\t' ? 4 : 1;
      i++;
      continue;
    }
    if (c === '>') {
      levels++;
      // The space after each ">" belongs to the quote marker, not to indentation.
      i += line[i + 1] === ' ' ? 2 : 1;
      continue;
    }
    LIST_MARKER.lastIndex = i;
    if (!breakLine && LIST_MARKER.test(line)) {
      levels++;
      i = LIST_MARKER.lastIndex;
      for (let gap = 0; gap < 4 && line[i] === ' '; gap++) i++;
      continue;
    }
    FOOTNOTE_LABEL.lastIndex = i;
    if (FOOTNOTE_LABEL.test(line)) {
      levels++;
      i = FOOTNOTE_LABEL.lastIndex;
      while (line[i] === ' ') i++;
      continue;
    }
    break;
  }
  return levels + Math.floor(indent / 2);
}

const TABLE_ROW = /^(?:\||[\p{L}\p{N}])(?!\d*[.)])/u;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The cells of a table row: pipes split it, unless escaped; leading and trailing pipes do not count. Zero when it has no pipe. */
function cells(line: string): number {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes++;
  }
  if (pipes === 0) return 0;
  const trimmed = line.trim();
  return pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && !trimmed.endsWith('\\|') && trimmed.length > 1 ? 1 : 0);
}

/** Emphasis marks one paragraph may hold: the parser's time grows with the square of their number. */
export const MAX_EMPHASIS_MARKS = 500;

/**
 * The first paragraph with more than MAX_EMPHASIS_MARKS "*", "_" or "~" in runs that touch a
 * word (possible emphasis marks), with their count and the place of the first mark over the limit.
 * Only lines that surely start a new block (blank, a heading, a list item, a code fence at the
 * margin, each row of a table at the margin) start a new count: when unsure, lines are counted
 * as one paragraph.
 */
export function crowdedEmphasis(markdown: string): { count: number; line: number; column: number } | undefined {
  const lines = markdown.split('\n');
  let count = 0;
  let over: { line: number; column: number } | undefined;
  let fence: string | undefined;
  let table = false;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (fence !== undefined) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = undefined;
      continue;
    }
    // Each table row is an inline of its own. Only a table at the margin after a blank line is
    // trusted to be one (its header and delimiter rows with as many cells), and only while its
    // rows start with "|", a letter or a digit, so that no other block can pass for a row.
    if (table && !(TABLE_ROW.test(line) && cells(line) > 0)) table = false;
    const header = lines[l - 1];
    const startsTable = !table && header !== undefined && TABLE_DELIMITER.test(line) && TABLE_ROW.test(header) && (l < 2 || /^[ \t]*$/.test(lines[l - 2]!)) && cells(line) > 0 && cells(header) === cells(line);
    const newBlock = table || startsTable || /^[ \t>]*$/.test(line) || /^(?:> ?)*[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|(?:[-+*]|1[.)])[ \t]+\S)/.test(line);
    const opensFence = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (startsTable) table = true;
    if (newBlock || opensFence) {
      if (over) return { count, ...over };
      count = 0;
      if (opensFence && !(opensFence[0] === '`' && line.slice(opensFence.length).includes('`'))) {
        fence = opensFence;
        continue;
      }
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '\\') {
        i++;
        continue;
      }
      if (c !== '*' && c !== '_' && c !== '~') continue;
      let end = i;
      while (line[end + 1] === c) end++;
      const before = line[i - 1];
      const after = line[end + 1];
      if ((before !== undefined && /\S/.test(before)) || (after !== undefined && /\S/.test(after))) {
        // Each character of a run can open or close one level ("***" is emphasis in strong).
        const run = end - i + 1;
        if (!over && count + run > MAX_EMPHASIS_MARKS) over = { line: l, column: i + 1 + (MAX_EMPHASIS_MARKS - count) };
        count += run;
      }
      i = end;
    }
  }
  return over ? { count, ...over } : undefined;
}

/**
 * The deepest nesting of paired square brackets in a paragraph (links and images inside links
 * and images), and where its outermost "[" is. Parsing such nests takes time growing with the
 * square of their depth. Backslash-escaped brackets do not count; a blank line ends a paragraph.
 */
export function deepestBrackets(markdown: string): { depth: number; line: number; column: number } {
  let deepest = { depth: 0, line: 0, column: 0 };
  const open: { line: number; column: number; inner: number }[] = [];
  const lines = markdown.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l]!;
    if (/^[\s>]*$/.test(text)) {
      open.length = 0;
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '[') open.push({ line: l, column: i + 1, inner: 0 });
      else if (c === ']' && open.length > 0) {
        const pair = open.pop()!;
        const depth = pair.inner + 1;
        if (depth > deepest.depth) deepest = { depth, line: pair.line, column: pair.column };
        const outer = open[open.length - 1];
        if (outer && outer.inner < depth) outer.inner = depth;
      }
    }
  }
  return deepest;
}

