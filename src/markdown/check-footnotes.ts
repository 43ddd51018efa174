/**
 * Footnotes that do not add up: a mark such as `[^3]` with no note of that name is printed as
 * written by Markdown, so it is an error; a note that no mark refers to is left out of every
 * output, so it is a warning. Runs on the tree as parsed, before typography changes any text.
 */
import type { FootnoteDefinition, FootnoteReference, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

export interface FootnoteProblem {
  severity: 'error' | 'warning';
  rule: string;
  /** Line and column in the Markdown (1-based). */
  line: number;
  column: number;
  message: string;
  hint: string;
}

/** A footnote mark as typed: `[^label]`, not escaped. */
const MARK = /(?<!\\)\[\^([^\]\s]+)\]/g;

export function checkFootnotes(tree: Root, markdown: string): FootnoteProblem[] {
  const defined = new Map<string, FootnoteDefinition>();
  const referenced = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') defined.set((node as FootnoteDefinition).identifier, node as FootnoteDefinition);
    if (node.type === 'footnoteReference') referenced.add((node as FootnoteReference).identifier);
  });
  const problems: FootnoteProblem[] = [];
  const lineStarts = startsOfLines(markdown);
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    for (const match of markdown.slice(start, end).matchAll(MARK)) {
      const label = match[1]!;
      const at = positionOf(lineStarts, start + match.index);
      problems.push({
        severity: 'error',
        rule: 'undefined-footnote',
        ...at,
        message: `the footnote mark [^${label}] has no note`,
        hint: `add the note on a line of its own after the text, e.g. "[^${label}]: Source of the claim.", or remove the mark`,
      });
    }
  });
  for (const [label, definition] of defined) {
    if (referenced.has(label)) continue;
    problems.push({
      severity: 'warning',
      rule: 'unused-footnote',
      line: definition.position?.start.line ?? 1,
      column: definition.position?.start.column ?? 1,
      message: `the note [^${definition.label ?? label}] is never referred to, so no output shows it`,
      hint: `add the mark [^${definition.label ?? label}] where the note belongs in the text, or remove the note`,
    });
  }
  return problems;
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function positionOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}
