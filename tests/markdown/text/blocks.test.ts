import { describe, expect, it } from 'vitest';
import { body, lines } from './helpers.js';

describe('paragraphs', () => {
  it('hard-wraps at the width and separates blocks by one blank line', () => {
    expect(body('one two three four five six\n\nseven', 14)).toBe(lines('one two three', 'four five six', '', 'seven'));
  });

  it('collapses white space, including soft line breaks', () => {
    expect(body('a   b\nc\r\n  d')).toBe('a b c d');
  });

  it('honours hard breaks', () => {
    expect(body('first line\\\nsecond line', 72)).toBe(lines('first line', 'second line'));
    expect(body('first line  \nsecond', 72)).toBe(lines('first line', 'second'));
  });

  it('puts a word longer than the width on a line of its own', () => {
    expect(body('a supercalifragilistic b', 10)).toBe(lines('a', 'supercalifragilistic', 'b'));
  });

  it('wraps by display width', () => {
    expect(body('日本語 日本語 日本語', 13)).toBe(lines('日本語 日本語', '日本語'));
  });

  it('prepends firstParagraphPrefix to the first paragraph only', () => {
    expect(body('# Title\n\nFirst para.\n\nSecond.', 72, { firstParagraphPrefix: 'RABWAH, Pakistan — ' })).toBe(
      lines('Title', '=====', '', 'RABWAH, Pakistan — First para.', '', 'Second.'),
    );
    expect(body('Words here to wrap', 20, { firstParagraphPrefix: 'LONDON — ' })).toBe(
      lines('LONDON — Words here', 'to wrap'),
    );
  });

  it('outputs the prefix on its own when there is no paragraph', () => {
    expect(body('# Only a heading', 72, { firstParagraphPrefix: 'LONDON — ' })).toBe(
      lines('LONDON —', '', 'Only a heading', '--------------'.replace(/-/g, '=')),
    );
  });

  it('is NFC-normalised', () => {
    expect(body('Cafe\u0301')).toBe('Caf\u00e9');
  });
});

describe('headings', () => {
  it('underlines depth 1 with = and deeper with -', () => {
    expect(body('# Hello')).toBe(lines('Hello', '====='));
    expect(body('## Hello *world*')).toBe(lines('Hello world', '-----------'));
    expect(body('#### Deep')).toBe(lines('Deep', '----'));
  });

  it('underlines to the display width', () => {
    expect(body('# 日本語')).toBe(lines('日本語', '======'));
    expect(body('# Cafe\u0301')).toBe(lines('Caf\u00e9', '===='));
  });

  it('wraps long headings and underlines the widest line', () => {
    expect(body('# alpha beta gamma', 11)).toBe(lines('alpha beta', 'gamma', '=========='));
  });
});

describe('block quotes', () => {
  it('prefixes every line and wraps within the width', () => {
    expect(body('> one two three four', 10)).toBe(lines('> one two', '> three', '> four'));
  });

  it('uses a bare > for blank lines and nests', () => {
    expect(body('> a\n>\n> b\n>\n> > c')).toBe(lines('> a', '>', '> b', '>', '> > c'));
    expect(body('> a\n>\n> > b\n> >\n> > c')).toBe(lines('> a', '>', '> > b', '> >', '> > c'));
  });
});

describe('lists', () => {
  it('renders bullets with a hanging indent', () => {
    expect(body('- alpha beta gamma\n- delta', 12)).toBe(lines('- alpha beta', '  gamma', '- delta'));
  });

  it('numbers ordered lists from start', () => {
    expect(body('3. three\n4. four')).toBe(lines('3. three', '4. four'));
    expect(body('1. alpha beta gamma', 12)).toBe(lines('1. alpha', '   beta', '   gamma'));
  });

  it('indents nested lists under the parent text', () => {
    expect(body('- a\n  - b\n    - c\n- d')).toBe(lines('- a', '  - b', '    - c', '- d'));
    expect(body('1. a\n   - b')).toBe(lines('1. a', '   - b'));
  });

  it('separates items of a loose list by blank lines', () => {
    expect(body('- a\n\n- b')).toBe(lines('- a', '', '- b'));
    expect(body('- a\n\n  second para\n- b')).toBe(lines('- a', '', '  second para', '', '- b'));
  });

  it('renders GFM task items', () => {
    expect(body('- [x] done\n- [ ] todo')).toBe(lines('- [x] done', '- [ ] todo'));
    expect(body('- [x] alpha beta gamma', 14)).toBe(lines('- [x] alpha', '  beta gamma'));
  });

  it('renders lists inside quotes', () => {
    expect(body('> - a\n> - b')).toBe(lines('> - a', '> - b'));
  });
});

describe('tables', () => {
  it('aligns columns when the table fits', () => {
    expect(body('| Name | Votes |\n|---|---|\n| Alice | 12 |\n| Bob | 3 |')).toBe(
      lines('Name   Votes', '-----  -----', 'Alice  12', 'Bob    3'),
    );
  });

  it('respects column alignment', () => {
    expect(body('| Name | Votes | Mid |\n|:--|--:|:-:|\n| Alice | 12 | x |\n| Bob | 3 | yyy |')).toBe(
      lines('Name   Votes  Mid', '-----  -----  ---', 'Alice     12   x', 'Bob        3  yyy'),
    );
  });

  it('measures cells by display width', () => {
    expect(body('| A | B |\n|---|---|\n| 日本 | x |')).toBe(lines('A     B', '----  -', '日本  x'));
  });

  it('falls back to Column: value blocks when too wide', () => {
    const md = '| Name | Statement |\n|---|---|\n| Alice | We call for the release of all prisoners |\n| Bob | Agreed |';
    expect(body(md, 30)).toBe(
      lines(
        'Name: Alice',
        'Statement: We call for the',
        '  release of all prisoners',
        '',
        'Name: Bob',
        'Statement: Agreed',
      ),
    );
  });

  it('handles empty cells', () => {
    expect(body('| A | B |\n|---|---|\n| 1 |  |')).toBe(lines('A  B', '-  -', '1'));
    expect(body('| A | B |\n|---|---|\n| 1 |  |', 3)).toBe(lines('A:', '  1', 'B:'));
  });
});

describe('code, breaks, html', () => {
  it('indents code blocks four spaces without wrapping, expanding tabs', () => {
    const md = '```js\nconst veryLongIdentifierName = someFunction(argumentOne, argumentTwo);\n\n\tindented();  \n```';
    expect(body(md, 20)).toBe(
      lines(
        '    const veryLongIdentifierName = someFunction(argumentOne, argumentTwo);',
        '',
        '        indented();',
      ),
    );
    expect(body('    indented code')).toBe('    indented code');
  });

  it('renders code inside quotes and list items', () => {
    expect(body('> ```\n> x = 1\n> ```')).toBe('>     x = 1');
    expect(body('- item\n\n  ```\n  x\n  ```')).toBe(lines('- item', '', '      x'));
  });

  it('renders a thematic break as * * *', () => {
    expect(body('a\n\n***\n\nb')).toBe(lines('a', '', '* * *', '', 'b'));
  });

  it('drops raw HTML, block and inline', () => {
    expect(body('<div>\nhidden\n</div>\n\npara <b>bold</b> text')).toBe('para bold text');
    expect(body('<!-- comment -->')).toBe('');
  });

  it('does not print definitions or footnote definitions in place', () => {
    expect(body('text\n\n[id]: https://example.com\n\n[^n]: unused note')).toBe('text');
  });
});
