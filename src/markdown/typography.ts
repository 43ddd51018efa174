/**
 * Quotation marks and spacing by language, on the text nodes of a Markdown tree: straight
 * quotes become the language's quotation marks (“…”, „…“, «…»), apostrophes become ’, and
 * French gets its no-break spaces before `: ; ! ?` and inside « ». Each character of the text is
 * kept, or (a straight quote, a space) replaced by its typographic form; only spaces are ever
 * added. No other character can be changed, moved or lost, whatever the input.
 */
import type { Parent, Root, RootContent, Text } from 'mdast';
import { quotesFor, spacingFor, type Quotes, type Spacing } from './quotes.ts';

export { quotesFor } from './quotes.ts';

/** A piece of a block's inline text: a text node, or a placeholder for an inline node without text. */
interface Piece {
  node?: Text;
  start: number;
  value: string;
}

/** A character standing for an inline node the step does not enter (code, image, footnote mark). */
const OBJECT = '\uFFFC';
const WORD = /[\p{L}\p{N}\p{M}\uFFFC]/u;
const SPACE = /\s/u;
/** After these, a quote opens: "(“…”", "[“…”]", "—“…”". */
const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/‘“«‹„‚]/u;
const NO_BREAK = /[\u00A0\u202F]/;

/** Applies the language's typography to every block of the tree, in place. */
export function applyTypography(tree: Root, lang: string): void {
  const quotes = quotesFor(lang);
  const spacing = spacingFor(lang);
  for (const block of inlineBlocks(tree)) typesetBlock(block, quotes, spacing);
}

/** Paragraphs, headings and table cells: the blocks whose children are inline text. */
function inlineBlocks(tree: Root): Parent[] {
  const blocks: Parent[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      blocks.push(node);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return blocks;
}

function typesetBlock(block: Parent, quotes: Quotes, spacing: Spacing | undefined): void {
  const pieces: Piece[] = [];
  let flat = '';
  const add = (value: string, node?: Text) => {
    pieces.push({ ...(node ? { node } : {}), start: flat.length, value });
    flat += value;
  };
  const walk = (node: RootContent) => {
    if (node.type === 'text') add(node.value, node);
    else if (node.type === 'break') add('\n');
    else if (node.type === 'link' && looksLikeAddress(node.children)) add(OBJECT);
    else if ('children' in node) for (const child of node.children) walk(child as RootContent);
    else if (node.type !== 'html') add(OBJECT);
  };
  for (const child of block.children) walk(child as RootContent);

  const edits = new Edits();
  placeQuotes(flat, quotes, edits);
  if (spacing) placeSpaces(flat, edits, spacing);
  // Edits are few: only the pieces they fall in are rebuilt, around the edited characters.
  const edited = edits.positions();
  let next = 0;
  for (const piece of pieces) {
    const end = piece.start + piece.value.length;
    while (next < edited.length && edited[next]! < piece.start) next++;
    if (!piece.node || next >= edited.length || edited[next]! >= end) continue;
    let value = '';
    let from = piece.start;
    for (; next < edited.length && edited[next]! < end; next++) {
      const at = edited[next]!;
      value += piece.value.slice(from - piece.start, at - piece.start) + edits.render(at, piece.value[at - piece.start]!);
      from = at + 1;
    }
    piece.node.value = value + piece.value.slice(from - piece.start);
  }
}

/** What becomes of each character: replaced by another quote mark or space, and spaces added before it. */
class Edits {
  private readonly replaced = new Map<number, string>();
  private readonly before = new Map<number, string>();

  replace(index: number, mark: string): void {
    this.replaced.set(index, mark);
  }

  /** A space before the character at `index`, unless one was already added there. */
  insertBefore(index: number, space: string): void {
    if (!this.before.has(index)) this.before.set(index, space);
  }

  /** The character as it ends up, once `replace` and `insertBefore` chose. */
  charAt(flat: string, index: number): string | undefined {
    return this.replaced.get(index) ?? flat[index];
  }

  /** The indices of the characters edited (replaced or given a space before), in order. */
  positions(): number[] {
    return [...new Set([...this.replaced.keys(), ...this.before.keys()])].sort((a, b) => a - b);
  }

  render(index: number, char: string): string {
    return (this.before.get(index) ?? '') + (this.replaced.get(index) ?? char);
  }
}

interface OpenQuote {
  index: number;
  kind: 'single' | 'double';
}

/**
 * Straight quotes by context, paired as typed: `"` is the language's primary quotation mark,
 * `'` its secondary one. A `'` between two letters is an apostrophe, and so is one that closes
 * nothing or opens nothing that closes ("'90s", "the Ahmadis' mosques").
 */
function placeQuotes(flat: string, quotes: Quotes, edits: Edits): void {
  const open: OpenQuote[] = [];
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c !== '"' && c !== "'") continue;
    const kind = c === '"' ? 'double' : 'single';
    const before = flat[i - 1];
    const after = flat[i + 1];
    if (kind === 'single' && before !== undefined && after !== undefined && WORD.test(before) && WORD.test(after)) {
      edits.replace(i, '’');
      continue;
    }
    const opensHere = (before === undefined || OPENING_CONTEXT.test(before)) && after !== undefined && !SPACE.test(after);
    if (opensHere) {
      open.push({ index: i, kind });
      continue;
    }
    const closesHere = before !== undefined && !SPACE.test(before);
    const match = closesHere ? lastIndexWhere(open, (q) => q.kind === kind) : -1;
    if (match >= 0) {
      const opener = open[match]!;
      // Quotes opened inside this pair and never closed were apostrophes or stray marks.
      for (const stray of open.splice(match)) if (stray !== opener) settleUnpaired(stray, edits);
      edits.replace(opener.index, quotes[kind][0]);
      edits.replace(i, quotes[kind][1]);
    } else if (kind === 'single' && closesHere) {
      edits.replace(i, '’');
    } else if (kind === 'double' && closesHere) {
      edits.replace(i, quotes.double[1]);
    }
  }
  for (const stray of open) settleUnpaired(stray, edits);
}

/** An opening mark that nothing closes: `'` is an apostrophe ("'tis"); `"` stays an opening mark. */
function settleUnpaired(quote: OpenQuote, edits: Edits): void {
  edits.replace(quote.index, quote.kind === 'single' ? '’' : '“');
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/**
 * French spacing: a no-break space inside « » and before `: ; ! ?` where they end a phrase (not
 * in "10:30" or "https:"). A space typed there becomes the no-break one; otherwise one is added.
 */
function placeSpaces(flat: string, edits: Edits, spacing: Spacing): void {
  for (let i = 0; i < flat.length; i++) {
    const mark = edits.charAt(flat, i) ?? '';
    if (mark.startsWith('«') && spacing.insideGuillemets) spaceAfter(flat, i, edits, spacing.insideGuillemets);
    else if (mark.endsWith('»') && spacing.insideGuillemets) spaceBefore(flat, i, edits, spacing.insideGuillemets);
    const space = spacing.before[flat[i]!];
    if (space === undefined || !endsPhrase(flat, i)) continue;
    spaceBefore(flat, i, edits, space);
  }
}

function spaceAfter(flat: string, i: number, edits: Edits, space: string): void {
  const next = flat[i + 1];
  if (next === undefined || next === '\n' || NO_BREAK.test(next)) return;
  if (next === ' ') edits.replace(i + 1, space);
  else edits.insertBefore(i + 1, space);
}

function spaceBefore(flat: string, i: number, edits: Edits, space: string): void {
  const previous = flat[i - 1];
  if (previous === undefined || previous === '\n' || NO_BREAK.test(previous)) return;
  if (previous === ' ') {
    // A space typed before the mark: it becomes the no-break one (unless it follows another space).
    if (flat[i - 2] !== undefined && !SPACE.test(flat[i - 2]!)) edits.replace(i - 1, space);
    return;
  }
  edits.insertBefore(i, space);
}

/** Whether `: ; ! ?` at `i` closes a word or phrase: after a letter, digit or closing mark, and before a space, the end or a closing mark. */
function endsPhrase(flat: string, i: number): boolean {
  const before = flat[i - 1];
  const after = flat[i + 1];
  if (before === undefined) return false;
  const afterOk = after === undefined || SPACE.test(after) || /[)\]»”’"'!?.,]/.test(after);
  if (!afterOk) return false;
  if (before === ' ') return flat[i - 2] !== undefined && !SPACE.test(flat[i - 2]!);
  // "?!" and "!!": one space before the first mark only.
  return !/[!?;:]/.test(before);
}

/** A link whose text is a web or email address: it is printed as written. */
function looksLikeAddress(children: readonly RootContent[]): boolean {
  const text = children.map((c) => (c.type === 'text' ? c.value : '')).join('');
  return /^(?:[a-z][a-z0-9+.-]*:|www\.)|@/i.test(text);
}
