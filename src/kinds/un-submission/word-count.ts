/**
 * The one definition of "a word" for UN word limits, used by the check, every output and the
 * tests: a word is a segment that Unicode word segmentation (UAX #29, `Intl.Segmenter` with
 * `granularity: 'word'`) marks as word-like, in the statement's language. So "2,000" and
 * "it's" are one word each, "well-being" two, a URL one per part between its slashes, and
 * Chinese or Japanese text is counted by dictionary words, not by characters or spaces.
 */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LimitKey } from './profiles.ts';
import { usedFootnotes } from '../../markdown/used-footnotes.ts';

export interface WordCount {
  body: number;
  /** Words of the footnotes used (and of `extraNotes`), counted whether or not they count towards the limit. */
  notes: number;
  /** What the limit is compared with: body, plus notes when `includeNotes`. */
  total: number;
}

export interface CountOptions {
  lang: string;
  includeNotes: boolean;
  /** Notes that are not in the Markdown, e.g. the footnote naming supporting organisations. */
  extraNotes?: string[];
}

const segmenters = new Map<string, Intl.Segmenter>();

export function countWordsInText(text: string, lang: string): number {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}

export function countWords(tree: Root, options: CountOptions): WordCount {
  const body = countWordsInText(blockTexts(tree).join('\n\n'), options.lang);
  const noteTexts = [...usedFootnotes(tree).flatMap((note) => blockTexts(note)), ...(options.extraNotes ?? [])];
  const notes = countWordsInText(noteTexts.join('\n\n'), options.lang);
  return { body, notes, total: body + (options.includeNotes ? notes : 0) };
}

/**
 * The text of each leaf block (paragraph, heading, table cell, code) under `node`, one string
 * each: text run together across blocks would join the last word of one block and the first
 * of the next ("end.Next" is one word to the segmenter).
 */
function blockTexts(node: Nodes, out: string[] = []): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      out.push(inlineText(node));
      break;
    case 'code':
      out.push(node.value);
      break;
    // Left out of every output (raw HTML), or not text at all.
    case 'html':
    case 'definition':
    case 'thematicBreak':
      break;
    default:
      if (!('children' in node)) out.push(toString(node));
      // Notes are counted on their own (and only when referenced): skip them inside the body.
      else for (const child of node.children) if (child.type !== 'footnoteDefinition') blockTexts(child, out);
  }
  return out;
}

function inlineText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if (node.type === 'html' || node.type === 'footnoteReference') return '';
  if ('children' in node) return node.children.map(inlineText).join('');
  return toString(node);
}

export interface LimitContext {
  profile: string;
  status: string;
  joint: boolean;
  /**
   * Which of the profile's limits applies (`limitBasis`), for the wording. Without it the
   * message names the status, and adds "joint submission" for a joint one.
   */
  basis?: LimitKey;
}

export interface LimitFinding {
  severity: 'error' | 'warning';
  rule: 'over-word-limit' | 'near-word-limit';
  message: string;
  hint: string;
}

/** Within this many percent of the limit a statement is warned that there is little room left. */
const NEAR_PERCENT = 5;
const numberFormat = new Intl.NumberFormat('en');

export function checkWordLimit(count: number, limit: number | undefined, context: LimitContext): LimitFinding | undefined {
  if (limit === undefined) return undefined;
  const limitText = `the limit for ${context.profile} (${describeBasis(context)})`;
  if (count > limit) {
    return {
      severity: 'error',
      rule: 'over-word-limit',
      message: `the statement has ${words(count)}; ${limitText} is ${numberFormat.format(limit)}`,
      hint: `cut at least ${words(count - limit)}`,
    };
  }
  // In whole numbers: 0.95 × 2,000 in floating point need not be exactly 1,900.
  if (count * 100 >= limit * (100 - NEAR_PERCENT)) {
    const spare = limit - count;
    return {
      severity: 'warning',
      rule: 'near-word-limit',
      message: `the statement has ${words(count)}, close to ${limitText} of ${numberFormat.format(limit)}`,
      hint: spare === 0 ? 'it is exactly at the limit: any word added puts it over' : `at most ${words(spare)} can be added`,
    };
  }
  return undefined;
}

function describeBasis(context: LimitContext): string {
  if (context.basis === 'joint') return 'joint submission';
  if (context.basis === 'individual') return 'individual submission';
  const status = `${context.basis ?? context.status} status`;
  return context.joint && !context.basis ? `${status}, joint submission` : status;
}

function words(n: number): string {
  return `${numberFormat.format(n)} word${n === 1 ? '' : 's'}`;
}
