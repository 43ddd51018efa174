/**
 * Words as a reader finds them: runs of letters, with quotation marks and apostrophes left out
 * (so "C'est" and "C’est" are the same word; PDF readers give ‘ and ’ as ʻ and ʼ, which share their glyphs) and any kind
 * of space between words. Numbers are
 * not words here: outputs add their own (footnote and link marks, paragraph and page numbers),
 * sometimes right after a word ("word²" in a page).
 */
const QUOTE_MARKS = /['"‘’‚‛“”„‟«»‹›ʻʼˮ]/gu;
const WORD = /[\p{L}\p{M}]+/gu;

export function wordsOf(text: string, options: { quotesSeparate?: boolean } = {}): string[] {
  return [...text.normalize('NFKC').replace(QUOTE_MARKS, options.quotesSeparate ? ' ' : '').matchAll(WORD)].map((m) => m[0]);
}

/**
 * Where the expected words stand in a text, among the words of the vocabulary only (page
 * furniture, headings, numbers and URLs are not the statement's words): the index of the first
 * expected word that is missing or out of order, or -1 when every one is there, in order, with
 * no other vocabulary word between them.
 */
export function firstMismatch(expected: readonly string[], text: string, vocabulary: ReadonlySet<string>): { at: number; found: string[]; foundAt: number } {
  const found = wordsOf(text).filter((w) => vocabulary.has(w));
  const want = expected.flatMap((w) => wordsOf(w));
  // The longest run of the expected words found in order, and where it breaks.
  let best = { length: 0, end: 0 };
  for (let begin = 0; begin < found.length; begin++) {
    let i = 0;
    while (i < want.length && found[begin + i] === want[i]) i++;
    if (i === want.length) return { at: -1, found, foundAt: begin };
    if (i > best.length) best = { length: i, end: begin + i };
  }
  return { at: best.length, found, foundAt: best.end };
}
