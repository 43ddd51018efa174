/**
 * The guards parse-statement.ts applies before any Markdown is parsed: nesting, bracket and
 * emphasis limits (the parser needs time growing with the square of these, or overflows its
 * stack), and invisible characters in headlines. Each guard must count at least what the parser
 * will see: a guard that undercounts can be walked around.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';
import { crowdedEmphasis, deepestBrackets, deepestNesting, MAX_EMPHASIS_MARKS } from '../../src/sources/body-limits.ts';
import { invisibleCharacters } from '../../src/sources/invisible-characters.ts';

const parse = (markdown: string) => parseMarkdown(markdown, { file: 'x.md', firstLine: 1, lang: 'en', allowHtml: false });
const lines = (n: number, line: string) => Array.from({ length: n }, () => line).join('\n');

describe('deepestNesting', () => {
  it('counts block quotes, list markers and footnote labels on a line, and indentation by two columns', () => {
    expect(deepestNesting('> > > x')).toEqual({ depth: 3, line: 0 });
    expect(deepestNesting('- - - x')).toEqual({ depth: 3, line: 0 });
    expect(deepestNesting('1. 2) - x')).toEqual({ depth: 3, line: 0 });
    expect(deepestNesting('a\n- one\n  - two\n    - three')).toEqual({ depth: 3, line: 3 });
    expect(deepestNesting('> [^a]: [^b]: x')).toEqual({ depth: 3, line: 0 });
  });

  it('does not count a thematic break or ordinary text', () => {
    expect(deepestNesting('- - - - - - - - - -').depth).toBe(0);
    expect(deepestNesting('* * *').depth).toBe(0);
    expect(deepestNesting('In 2023. A year - and 2024.').depth).toBe(0);
    expect(deepestNesting('-----').depth).toBe(0);
  });
});

describe('deepestBrackets', () => {
  it('measures nests of paired brackets, with the place of the outermost', () => {
    expect(deepestBrackets('See [a [b [c]]] here.')).toEqual({ depth: 3, line: 0, column: 5 });
    expect(deepestBrackets('x\n' + '!['.repeat(60) + 'a' + '](i.png)'.repeat(60))).toEqual({ depth: 60, line: 1, column: 2 });
  });

  it('ignores escaped and unpaired brackets, and pairs nothing across a blank line', () => {
    expect(deepestBrackets('\\[\\[\\[a\\]\\]\\]').depth).toBe(0);
    expect(deepestBrackets('[[[[[[ a ]').depth).toBe(1);
    expect(deepestBrackets('[[[\n\n]]]').depth).toBe(0);
  });
});

describe('crowdedEmphasis', () => {
  it('lets an ordinary paragraph, list or table through', () => {
    expect(crowdedEmphasis('Some **bold**, _italic_ and ~~struck~~ text. A snake_case_name.')).toBeUndefined();
    expect(crowdedEmphasis(lines(300, '- **Name**, _role_'))).toBeUndefined();
    expect(crowdedEmphasis('| Name | Role |\n|---|---|\n' + lines(300, '| **Name** | _role_ |'))).toBeUndefined();
    expect(crowdedEmphasis('```\n' + lines(300, '*a *b *c') + '\n```')).toBeUndefined();
    expect(crowdedEmphasis('Form: ' + '_'.repeat(2000) + ' (signature)')).toBeUndefined();
  });

  it('counts every character of a run, and places the first mark over the limit', () => {
    expect(crowdedEmphasis('**'.repeat(300) + 'a' + '**'.repeat(300))).toEqual({ count: 1200, line: 0, column: MAX_EMPHASIS_MARKS + 1 });
  });

  it('cannot be walked around by lines that only look like new blocks', () => {
    const attempts = {
      indentedBullets: lines(400, '    - *a') + '\n' + lines(400, '    - b*'),
      notOne: 'text\n' + lines(400, '2. *a') + '\n' + lines(400, '2. b*'),
      quotedFence: '> ```\n' + '*a '.repeat(400) + 'b* '.repeat(400),
      quoteContinuation: lines(400, '> *a') + '\n' + lines(400, '> b*'),
      mismatchedTable: '| h |\n|---|---|\n' + lines(400, '| *a') + '\n' + lines(400, '| b*'),
      tableAfterText: 'text\n| h | x |\n|---|---|\n' + lines(800, '| *a'),
    };
    for (const [name, markdown] of Object.entries(attempts)) expect(crowdedEmphasis(markdown), name).toBeDefined();
  });
});

// What the guards keep out, measured with remark-parse 11 and remark-gfm 4: footnote definitions
// nested 10,000 deep, or "**" nested 10,000 deep (after a minute), overflow the stack and crashed
// the whole build; 5,000 nested images took a minute, 20,000 nested emphases three.
describe('what the guards let in', () => {
  it('is parsed at once when just inside the limits', () => {
    const started = performance.now();
    parse('> '.repeat(50) + 'x');
    parse('['.repeat(50) + 'a' + '](#)'.repeat(50));
    parse('*a '.repeat(MAX_EMPHASIS_MARKS / 2) + 'b* '.repeat(MAX_EMPHASIS_MARKS / 2));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('invisibleCharacters', () => {
  it('names zero-width and direction-changing characters, in order of appearance, once each', () => {
    expect(invisibleCharacters('a\u202eb\u202cc\u202ed')).toEqual(['U+202E RIGHT-TO-LEFT OVERRIDE', 'U+202C POP DIRECTIONAL FORMATTING']);
    expect(invisibleCharacters('\u200b\u2060\ufeff\u2066\u2069')).toEqual(['U+200B ZERO WIDTH SPACE', 'U+2060 WORD JOINER', 'U+FEFF ZERO WIDTH NO-BREAK SPACE', 'U+2066 LEFT-TO-RIGHT ISOLATE', 'U+2069 POP DIRECTIONAL ISOLATE']);
  });

  it('reports joiners in Latin text but not inside Arabic-script or Indic words, or emoji', () => {
    expect(invisibleCharacters('pay\u200dpal')).toEqual(['U+200D ZERO WIDTH JOINER']);
    expect(invisibleCharacters('a\u200c b')).toEqual(['U+200C ZERO WIDTH NON-JOINER']);
    expect(invisibleCharacters('بے\u200cحرمتی')).toEqual([]);
    expect(invisibleCharacters('می\u200cخواهم')).toEqual([]);
    expect(invisibleCharacters('क्\u200dष')).toEqual([]);
    expect(invisibleCharacters('👨\u200d👩\u200d👧 👍🏽\u200d')).toEqual(['U+200D ZERO WIDTH JOINER']);
    expect(invisibleCharacters('👩\u200d💻')).toEqual([]);
  });
});
