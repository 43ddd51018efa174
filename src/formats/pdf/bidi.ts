/**
 * The part of the Unicode Bidirectional Algorithm (UAX #9) that text in a PDF needs: character
 * classes, levels for one line without embeddings (rules W1-W7, N1-N2, I1-I2) and the visual
 * order (L2). PDF text carries no direction: readers put the characters of a line, which they
 * take to be in visual order, back in reading order with an algorithm like this one, after
 * guessing the line's direction. pdf.js guesses right to left when at least 30% of a piece of
 * text is right-to-left letters or Arabic numbers (or when it is 4 characters or fewer and has
 * any); `readerDirection` says what it will guess, so that the text layer can be written in the
 * order that it reads back correctly.
 */

export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'AN' | 'ES' | 'ET' | 'CS' | 'NSM' | 'BN' | 'WS' | 'ON';

const HEBREW_LIKE = /[\u0590-\u05ff\u07c0-\u07ff\u0800-\u085f\ufb1d-\ufb4f]/u;
const ARABIC_LETTER = /[\u0600-\u06ff\u0700-\u074f\u0750-\u077f\u0780-\u07bf\u0860-\u08ff\ufb50-\ufdff\ufe70-\ufefe]/u;

const classes = new Map<string, BidiClass>();

export function bidiClass(char: string): BidiClass {
  let known = classes.get(char);
  if (!known) classes.set(char, (known = classify(char)));
  return known;
}

function classify(char: string): BidiClass {
  const c = char.codePointAt(0)!;
  if (/\p{Mn}|\p{Me}/u.test(char)) return 'NSM';
  if (c === 0x200f) return 'R';
  if (c === 0x200e) return 'L';
  if (c === 0x061c) return 'AL';
  if (/\p{Cf}/u.test(char)) return 'BN';
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x06f0 && c <= 0x06f9) || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0x2070 && c <= 0x2079) || (c >= 0x2080 && c <= 0x2089)) return 'EN';
  if ((c >= 0x0660 && c <= 0x0669) || c === 0x066b || c === 0x066c || (c >= 0x0600 && c <= 0x0605) || c === 0x06dd) return 'AN';
  if (c === 0x2b || c === 0x2d || c === 0x2212) return 'ES';
  if (c === 0x23 || c === 0x24 || c === 0x25 || c === 0xb0 || c === 0xb1 || c === 0x066a || (c >= 0x20a0 && c <= 0x20cf) || c === 0x2030 || c === 0x2031) return 'ET';
  if (c === 0x2c || c === 0x2e || c === 0x2f || c === 0x3a || c === 0xa0 || c === 0x060c || c === 0x202f) return 'CS';
  if (/\s/u.test(char)) return 'WS';
  if (ARABIC_LETTER.test(char)) return 'AL';
  if (HEBREW_LIKE.test(char)) return 'R';
  if (/\p{L}|\p{N}|\p{Mc}/u.test(char)) return 'L';
  return 'ON';
}

const isRtl = (t: BidiClass) => t === 'R' || t === 'AL';

/**
 * The class pdf.js gives a character: Latin-1, Hebrew and Arabic as Unicode does; the other
 * Arabic-script blocks right to left; every other character left to right, so that to pdf.js a
 * curly quotation mark, a dash or an ellipsis is a left-to-right letter.
 */
export function readerClass(char: string): BidiClass {
  const c = char.codePointAt(0)!;
  if (c <= 0xff || (c >= 0x0600 && c <= 0x06ff)) return bidiClass(char);
  if (c >= 0x0590 && c <= 0x05f4) return 'R';
  if ((c >= 0x0700 && c <= 0x08ac) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return 'AL';
  return 'L';
}

/** The embedding level of each character (code point) of a line whose direction is given. */
export function bidiLevels(chars: readonly string[], rtl: boolean, classify: (char: string) => BidiClass = bidiClass): number[] {
  const base = rtl ? 1 : 0;
  const sor: BidiClass = rtl ? 'R' : 'L';
  const types = chars.map(classify);
  // W1: a mark takes the class of what it follows (BN is left out of the way, as X9 does).
  let prev: BidiClass = sor;
  types.forEach((t, i) => {
    if (t === 'NSM') types[i] = prev;
    else if (t !== 'BN') prev = t;
  });
  // W2, W3: numbers after Arabic letters are Arabic numbers; AL is R.
  let strong: BidiClass = sor;
  types.forEach((t, i) => {
    if (t === 'EN' && strong === 'AL') types[i] = 'AN';
    if (t === 'L' || t === 'R' || t === 'AL') strong = t;
  });
  types.forEach((t, i) => t === 'AL' && (types[i] = 'R'));
  // W4: one separator between two numbers of the same kind joins them.
  for (let i = 1; i + 1 < types.length; i++) {
    const [a, t, b] = [types[i - 1], types[i], types[i + 1]];
    if (t === 'ES' && a === 'EN' && b === 'EN') types[i] = 'EN';
    else if (t === 'CS' && (a === 'EN' || a === 'AN') && b === a) types[i] = a;
  }
  // W5: terminators next to European numbers are European numbers.
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'ET') continue;
    let j = i;
    while (j < types.length && types[j] === 'ET') j++;
    if ((i > 0 && types[i - 1] === 'EN') || (j < types.length && types[j] === 'EN')) types.fill('EN', i, j);
    i = j - 1;
  }
  // W6: the other separators and terminators are neutral.
  types.forEach((t, i) => (t === 'ES' || t === 'ET' || t === 'CS') && (types[i] = 'ON'));
  // W7: European numbers after left-to-right text are left to right.
  strong = sor;
  types.forEach((t, i) => {
    if (t === 'EN' && strong === 'L') types[i] = 'L';
    if (t === 'L' || t === 'R') strong = t;
  });
  // N1, N2: a run of neutrals takes the direction around it when both sides agree (numbers count as R), else the line's.
  const side = (t: BidiClass | undefined): 'L' | 'R' => (t === undefined ? sor : t === 'L' ? 'L' : 'R') as 'L' | 'R';
  const neutral = (t: BidiClass) => t === 'WS' || t === 'ON' || t === 'BN';
  for (let i = 0; i < types.length; i++) {
    if (!neutral(types[i]!)) continue;
    let j = i;
    while (j < types.length && neutral(types[j]!)) j++;
    const before = side(i > 0 ? types[i - 1] : undefined);
    const after = side(j < types.length ? types[j] : undefined);
    types.fill(before === after ? before : sor, i, j);
    i = j - 1;
  }
  // I1, I2.
  return types.map((t) => {
    if (base === 0) return t === 'R' ? 1 : t === 'AN' || t === 'EN' ? 2 : 0;
    return t === 'L' || t === 'EN' || t === 'AN' ? 2 : 1;
  });
}

/** The characters of a line in visual order (left to right), from reading order (L2, without mirroring). */
export function visualOrder(text: string, rtl: boolean, classify: (char: string) => BidiClass = bidiClass): string {
  const chars = [...text];
  const levels = bidiLevels(chars, rtl, classify);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < chars.length; i++) {
      if (levels[i]! < level) continue;
      let j = i;
      while (j < chars.length && levels[j]! >= level) j++;
      reverse(chars, i, j);
      reverse(levels, i, j);
      i = j;
    }
  }
  return chars.join('');
}

function reverse<T>(list: T[], from: number, to: number): void {
  for (let a = from, b = to - 1; a < b; a++, b--) [list[a], list[b]] = [list[b]!, list[a]!];
}

/**
 * The direction pdf.js gives a piece of text it reads (its bidi.js): right to left when right-to-left
 * letters and Arabic numbers make at least 30% of it, or when it is 4 characters or fewer and has one.
 * Format characters never reach it: pdf.js drops them as it reads.
 */
export function readerDirection(text: string): 'rtl' | 'ltr' {
  const chars = [...text.replace(/\p{Cf}/gu, '')];
  const rtl = chars.filter((c) => {
    const t = readerClass(c);
    return isRtl(t) || t === 'AN';
  }).length;
  if (rtl === 0) return 'ltr';
  return rtl / chars.length < 0.3 && chars.length > 4 ? 'ltr' : 'rtl';
}

/**
 * What pdf.js makes of a piece of text it takes for visual order: the order of its bidi.js, quirks
 * included (it decides a neutral from the character after the next strong one, and drops "<" and ">"
 * from text with right-to-left characters). Returns the positions of `text`'s UTF-16 code units in
 * the order pdf.js gives them.
 */
export function readerOrder(text: string): number[] {
  const order = Array.from({ length: text.length }, (_, i) => i);
  const types: string[] = [...Array(text.length).keys()].map((i) => readerClass(text[i]!));
  const rtlCount = types.filter((t) => t === 'R' || t === 'AL' || t === 'AN').length;
  if (rtlCount === 0) return order;
  const start = rtlCount / text.length < 0.3 && text.length > 4 ? 0 : 1;
  const e = start === 1 ? 'R' : 'L';
  let last = e;
  types.forEach((t, i) => (t === 'NSM' ? (types[i] = last) : (last = t)));
  last = e;
  types.forEach((t, i) => {
    if (t === 'EN') types[i] = last === 'AL' ? 'AN' : 'EN';
    else if (t === 'R' || t === 'L' || t === 'AL') last = t;
  });
  types.forEach((t, i) => t === 'AL' && (types[i] = 'R'));
  for (let i = 1; i < types.length - 1; i++) {
    if (types[i] === 'ES' && types[i - 1] === 'EN' && types[i + 1] === 'EN') types[i] = 'EN';
    if (types[i] === 'CS' && (types[i - 1] === 'EN' || types[i - 1] === 'AN') && types[i + 1] === types[i - 1]) types[i] = types[i - 1]!;
  }
  types.forEach((t, i) => {
    if (t !== 'EN') return;
    for (let j = i - 1; j >= 0 && types[j] === 'ET'; j--) types[j] = 'EN';
    for (let j = i + 1; j < types.length && types[j] === 'ET'; j++) types[j] = 'EN';
  });
  types.forEach((t, i) => (t === 'WS' || t === 'ES' || t === 'ET' || t === 'CS') && (types[i] = 'ON'));
  last = e;
  types.forEach((t, i) => {
    if (t === 'EN') types[i] = last === 'L' ? 'L' : 'EN';
    else if (t === 'R' || t === 'L') last = t;
  });
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'ON') continue;
    let end = i + 1;
    while (end < types.length && types[end] === 'ON') end++;
    let before = i > 0 ? types[i - 1]! : e;
    let after = end + 1 < types.length ? types[end + 1]! : e;
    if (before !== 'L') before = 'R';
    if (after !== 'L') after = 'R';
    if (before === after) types.fill(before, i, end);
    i = end - 1;
  }
  const levels = types.map((t) => {
    const base = t === 'ON' ? e : t;
    if (start === 0) return base === 'R' ? 1 : base === 'AN' || base === 'EN' ? 2 : 0;
    return base === 'L' || base === 'AN' || base === 'EN' ? 2 : 1;
  });
  const highest = Math.max(...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    let from = -1;
    for (let i = 0; i <= levels.length; i++) {
      if (i < levels.length && levels[i]! >= level) {
        if (from < 0) from = i;
      } else if (from >= 0) {
        reverse(order, from, i);
        from = -1;
      }
    }
  }
  return order;
}

/** What pdf.js reads from a piece of text it takes for visual order. */
export function readBack(text: string): string {
  const rtl = [...text].some((c) => isRtl(readerClass(c)) || readerClass(c) === 'AN');
  return readerOrder(text)
    .map((i) => text[i])
    .filter((c) => !rtl || (c !== '<' && c !== '>'))
    .join('');
}

/**
 * A string that pdf.js reads back as `text` (format characters aside), when one is found: the
 * visual order for the direction pdf.js will guess, corrected until pdf.js's reordering of it
 * gives `text` back.
 */
export function forReader(text: string): string {
  const target = text.replace(/\p{Cf}/gu, '');
  const rtl = readerDirection(target) === 'rtl';
  let candidate = visualOrder(target, rtl, readerClass);
  for (let round = 0; round < 6; round++) {
    const order = readerOrder(candidate);
    const read = order.map((i) => candidate[i]).join('');
    if (read === target) return candidate;
    const next: string[] = new Array(target.length);
    order.forEach((from, j) => (next[from] = target[j]!));
    candidate = next.join('');
  }
  return candidate;
}
