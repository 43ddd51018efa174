/** Characters that show nothing or reorder what follows, found in front-matter values. */

function codePointBefore(text: string, index: number): string {
  if (index === 0) return '';
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.slice(index - 1, index);
}

/** Characters that show nothing or reorder what follows: they can make a headline read as something else. */
const INVISIBLE_NAMES: Record<string, string> = {
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/gu;
const JOINING_LETTER = /^[\p{L}\p{M}]$/u;
const NON_JOINING_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u;
const EMOJI_PART = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;

/**
 * The invisible or direction-changing characters in a value, as "U+202E RIGHT-TO-LEFT OVERRIDE".
 * Joiners (U+200C, U+200D) are part of the spelling between letters of the scripts that use them
 * (Arabic, Urdu, Persian, Indic...) and inside emoji sequences: there they are not reported.
 */
export function invisibleCharacters(value: string): string[] {
  const found = new Set<string>();
  for (const match of value.matchAll(INVISIBLE)) {
    const char = match[0];
    if (char === '\u200C' || char === '\u200D') {
      const before = codePointBefore(value, match.index);
      const next = value.codePointAt(match.index + 1);
      const after = next === undefined ? '' : String.fromCodePoint(next);
      const letters = (c: string) => JOINING_LETTER.test(c) && !NON_JOINING_SCRIPT.test(c);
      if ((letters(before) && letters(after)) || (EMOJI_PART.test(before) && EMOJI_PART.test(after))) continue;
    }
    found.add(char);
  }
  return [...found].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${INVISIBLE_NAMES[c]}`);
}
