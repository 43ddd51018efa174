/**
 * How a line of the text layer is written: its words (cells), each with the characters in the
 * order readers take them in and the stretch of the line it covers. Readers take a line's
 * characters as visual order (left to right) and put them back in reading order by guessing the
 * line's direction, so the layer is written in the visual order of the direction they will guess:
 * where pdf.js (which guesses from the share of right-to-left letters) guesses the line's own
 * direction, that is the order Chromium drew, word for word over the drawn words; where it would
 * guess wrong (a right-to-left line mostly in Latin letters), the line is written in the order
 * that it reads back right, its words spread over the line. pdftotext decides a direction for the
 * whole page and counts numbers and separators as left to right: right-to-left marks (U+200F)
 * fence off each left-to-right word, number or separator of a right-to-left line, so that it stays
 * where it belongs; pdf.js drops format characters such as these.
 */
import { forReader, readBack, readerDirection } from './bidi.ts';
import { layerWidth } from './layer-font.ts';
import { lineText, readingGroups, RIGHT_TO_LEFT, type TextLine } from './text-lines.ts';
import type { TextRun } from './text-runs.ts';

export interface LayerCell {
  /** The characters, in the order written; spaces after the word are part of it. */
  text: string;
  left: number;
  right: number;
}

const RLM = '\u200f';
const LRM = '\u200e';
/** What pdftotext counts as left-to-right numbers: digits, and the separators and signs around them. */
const POPPLER_NUMERIC = /[0-9#$%+,\-./:\u0660-\u0669\u066b\u066c\u06f0-\u06f9\u060c]/u;

const reversed = (text: string) => [...text].reverse().join('');

/** The line's cells, left to right. */
export function layerCells(line: TextLine, rtl: boolean): LayerCell[] {
  const logical = lineText(line, rtl);
  const guess = readerDirection(logical) === 'rtl';
  if (guess !== rtl) return wordByWord(logical, line);
  // pdf.js drops "<" and ">" from text with right-to-left letters: no order gets them back.
  const expected = plain(logical).replace(RIGHT_TO_LEFT.test(logical) ? /[<>]/g : /$^/g, '');
  // Chromium's visual order: each run over its own stretch of the line.
  const pieces: { text: string; left: number; right: number }[] = [];
  for (const group of readingGroups(line, rtl)) {
    const fence = group.against ? (rtl ? RLM : LRM) : '';
    group.runs.forEach((run, i) => {
      let text = visual(run);
      if (rtl && !group.against) text = fenceNumeric(text);
      if (i === 0) text = fence + text;
      if (i === group.runs.length - 1) text += fence;
      pieces.push({ text, left: run.left, right: run.right });
    });
  }
  pieces.sort((a, b) => a.left - b.left || a.right - b.right);
  // pdf.js reorders a line its own way ("…" and "’" are left to right to it): where it would not
  // read the drawn order back as the line says, the line is written for it word by word.
  if (plain(readBack(plain(pieces.map((p) => p.text).join('')))) === expected) return words(pieces, line);
  // Else the order pdf.js reads right, close to the drawn one, its words spread over the line.
  const ordered = forReader(logical);
  if (plain(readBack(plain(ordered))) === expected) return spread(ordered, line);
  return wordByWord(logical, line);
}

/** Text as pdf.js gives it back: no format characters, single spaces, none at the ends. */
const plain = (text: string) => text.replace(/\p{Cf}/gu, '').replace(/\s+/gu, ' ').trim();

function visual(run: TextRun): string {
  return run.reversed ? reversed(run.text) : run.text;
}

/** Right-to-left marks around each stretch of what pdftotext takes for numbers, in right-to-left text. */
function fenceNumeric(text: string): string {
  let out = '';
  let inside = false;
  for (const char of text) {
    const numeric = POPPLER_NUMERIC.test(char);
    if (numeric !== inside) out += RLM;
    inside = numeric;
    out += char;
  }
  return inside ? out + RLM : out;
}

/** Cuts pieces (left to right, each over its stretch) into words, each over its share of its piece. */
function words(pieces: readonly { text: string; left: number; right: number }[], line: TextLine): LayerCell[] {
  const cells: LayerCell[] = [];
  let current: LayerCell | undefined;
  let spaced = true;
  for (const piece of pieces) {
    const chars = [...piece.text];
    const weight = (c: string) => (/\s/u.test(c) ? 1 : layerWidth(c) > 0 ? 1 : 0);
    const total = chars.reduce((n, c) => n + weight(c), 0) || 1;
    let x = piece.left;
    const step = (piece.right - piece.left) / total;
    for (const char of chars) {
      const next = x + weight(char) * step;
      if (/\s/u.test(char)) {
        if (current) current.text += char;
        spaced = true;
      } else if (spaced || !current) {
        current = { text: char, left: x, right: next };
        cells.push(current);
        spaced = false;
      } else {
        current.text += char;
        current.right = Math.max(current.right, next);
      }
      x = next;
    }
  }
  return settle(cells, line);
}

/** Writes a string over the line, its words spread in proportion to their length. */
function spread(text: string, line: TextLine): LayerCell[] {
  const parts = text.match(/\S+\s*/gu) ?? [];
  const length = (part: string) => [...part.trimEnd()].filter((c) => layerWidth(c) > 0).length || 1;
  const total = parts.reduce((n, p) => n + length(p), 0) || 1;
  const step = (line.right - line.left) / total;
  let x = line.left;
  const cells = parts.map((part) => {
    const cell = { text: part, left: x, right: x + length(part) * step };
    x = cell.right;
    return cell;
  });
  return settle(cells, line);
}

/**
 * A line pdf.js would read in the wrong direction, written for it word by word: in reading order,
 * each word in the order that pdf.js turns back into the word, the words spread over the line in
 * proportion to their length with gaps wide enough (70% of the size) that pdf.js takes each word
 * apart, with a space between, instead of reordering the line as a whole.
 */
function wordByWord(logical: string, line: TextLine): LayerCell[] {
  // A word pdf.js cannot be given whole (letters of both directions with numbers between, as in
  // "Grüße’مسجد,103") goes as pieces: its letters apart from its numbers and signs.
  const parts = logical
    .split(/\s+/u)
    .filter(Boolean)
    .flatMap((word) => (readsBack(word) ? [word] : (word.match(/[\p{L}\p{M}\p{Cf}'‘’]+|[^\p{L}\p{M}\p{Cf}'‘’]+/gu) ?? [word])));
  const length = (part: string) => [...part].filter((c) => layerWidth(c) > 0).length || 1;
  const gap = WORD_GAP * line.size;
  const total = parts.reduce((n, p) => n + length(p), 0) || 1;
  const step = Math.max(0, line.right - line.left - gap * (parts.length - 1)) / total;
  let x = line.left;
  return parts.map((part) => {
    const cell = { text: `${forReader(part)} `, left: x, right: x + length(part) * step };
    x = cell.right + gap;
    return cell;
  });
}

const readsBack = (text: string) => plain(readBack(plain(forReader(text)))) === plain(text).replace(RIGHT_TO_LEFT.test(text) ? /[<>]/g : /$^/g, '');

const WORD_GAP = 0.7;

/**
 * Makes the cells follow one another: after a word that ends in a space, a gap as wide as a space
 * (pdf.js reads a gap of 10% to 60% of the size as a space; pdftotext one of 3% or more), else the
 * next word at once. A word that starts with a combining mark (the visual start of a right-to-left
 * word that ends in one, "جماعتِ") gets a gap of 6% instead: pdf.js does not place marks, and would
 * read a wider gap as a second space, between the mark and its letter.
 */
function settle(cells: LayerCell[], line: TextLine): LayerCell[] {
  for (let i = 1; i < cells.length; i++) {
    const [a, b] = [cells[i - 1]!, cells[i]!];
    const spaced = /\s$/u.test(a.text);
    const gap = !spaced ? 0 : /^[\p{Mn}\p{Me}]/u.test(b.text.replace(/^\p{Cf}+/u, '')) ? 0.06 * line.size : 0.25 * line.size;
    const middle = Math.max((a.right + b.left) / 2, a.left + gap);
    a.right = middle - gap / 2;
    b.left = middle + gap / 2;
    if (b.right < b.left) b.right = b.left;
  }
  return cells;
}
