/**
 * The lines of a page, gathered from its runs, and what each line says in reading order. Chromium
 * paints a line's runs left to right; a right-to-left run's characters come reversed (text-runs.ts
 * turns them back). A line's reading order follows from that (UAX #9 run by run): in a
 * right-to-left line, the runs are read right to left, except that left-to-right words and
 * numbers keep their order; in a left-to-right line, the reverse.
 */
import { bidiClass } from './bidi.ts';
import type { TextRun } from './text-runs.ts';

export interface TextLine {
  /** Its runs, left to right. */
  runs: TextRun[];
  baseline: number;
  size: number;
  left: number;
  right: number;
}

/** Runs on one baseline (superscripts and subscripts with their line) that touch, in content order of their first run. */
export function textLines(runs: readonly TextRun[]): TextLine[] {
  const lines: TextLine[] = [];
  for (const run of runs) {
    const line = lines
      .slice(-12)
      .reverse()
      .find((l) => onLine(l, run));
    if (line) {
      line.runs.push(run);
      line.left = Math.min(line.left, run.left);
      line.right = Math.max(line.right, run.right);
      // A line begun by its footnote mark takes the baseline and size of its text.
      if (run.size > line.size) [line.baseline, line.size] = [run.baseline, run.size];
    } else {
      lines.push({ runs: [run], baseline: run.baseline, size: run.size, left: run.left, right: run.right });
    }
  }
  for (const line of lines) line.runs.sort((a, b) => a.left - b.left || a.right - b.right);
  return lines;
}

function onLine(line: TextLine, run: TextRun): boolean {
  const size = line.size;
  const near = run.left <= line.right + 1.5 * size && run.right >= line.left - 1.5 * size;
  if (!near) return false;
  const rise = run.baseline - line.baseline;
  if (Math.abs(rise) <= 0.25 * Math.min(size, run.size)) return true;
  // Footnote marks and other superscripts (or subscripts), smaller and off the baseline; Chromium
  // may paint one before the text it follows.
  if (run.size < 0.9 * size) return rise >= -0.3 * size && rise <= 0.6 * size;
  return size < 0.9 * run.size && -rise >= -0.3 * run.size && -rise <= 0.6 * run.size;
}

/** Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko...). */
export const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]/u;

type Kind = 'rtl' | 'ltr' | 'neutral';

const kindOf = (run: TextRun): Kind => {
  if (run.reversed) return 'rtl';
  const classes = [...run.text].map(bidiClass);
  if (classes.some((c) => c === 'R' || c === 'AL')) return 'rtl';
  if (classes.some((c) => c === 'L' || c === 'EN' || c === 'AN')) return 'ltr';
  return 'neutral';
};

const hasLetters = (run: TextRun) => [...run.text].some((c) => bidiClass(c) === 'L');

/**
 * The line's runs grouped by direction, in reading order: in a right-to-left line, each group of
 * left-to-right runs (a Latin name, a number, "PLD 2014 SC 699") keeps its order and the rest is
 * read from the right; in a left-to-right line, groups of right-to-left runs are read from the right.
 * Each group: its runs left to right, and whether it runs against the line.
 */
export function readingGroups(line: TextLine, rtl: boolean): { runs: TextRun[]; against: boolean }[] {
  const kinds = line.runs.map(kindOf);
  const against: Kind = rtl ? 'ltr' : 'rtl';
  const groups: { runs: TextRun[]; against: boolean }[] = [];
  for (let i = 0; i < line.runs.length; i++) {
    const run = line.runs[i]!;
    if (kinds[i] !== against) {
      groups.push({ runs: [run], against: false });
      continue;
    }
    const group = [run];
    let j = i + 1;
    while (j < line.runs.length) {
      if (kinds[j] === against) {
        group.push(line.runs[j++]!);
        continue;
      }
      // Neutrals (spaces, punctuation) between two runs against the line join them, as N1 says.
      let k = j;
      while (k < line.runs.length && kinds[k] === 'neutral') k++;
      if (k === j || k === line.runs.length || kinds[k] !== against) break;
      const between = line.runs.slice(j, k);
      // Chromium marks a run at a right-to-left level reversed: a run of neutrals of two or more
      // characters tells whether they are at the group's level or the line's.
      const telling = between.filter((r) => [...r.text].length > 1);
      if (telling.some((r) => r.reversed === rtl)) break;
      if (telling.length === 0) {
        if (rtl && !group.some(hasLetters)) break;
        // A number apart from the group by a space that touches right-to-left text on its right
        // (a footnote mark after a word, "الحرية…¹¹") follows that text: an Arabic number (W2).
        if (rtl && !hasLetters(line.runs[k]!) && between.some((r) => /\s/u.test(r.text))) {
          let m = k + 1;
          while (m < line.runs.length && kinds[m] === 'neutral' && !/\s/u.test(line.runs[m]!.text)) m++;
          if (kinds[m] === 'rtl') break;
        }
      }
      group.push(...line.runs.slice(j, k + 1));
      j = k + 1;
    }
    groups.push({ runs: group, against: true });
    i = j - 1;
  }
  return rtl ? groups.reverse() : groups;
}

/** What the line says, in reading order. */
export function lineText(line: TextLine, rtl: boolean): string {
  return readingGroups(line, rtl)
    .map((g) => (g.against === rtl ? g.runs : [...g.runs].reverse()).map((r) => r.text).join(''))
    .join('');
}
