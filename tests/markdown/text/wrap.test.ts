import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { displayWidth, wrapText } from '../../../src/markdown/text/index.js';
import { ONE_COLUMN } from '../../../src/markdown/text/display-width.js';
import { lines } from './helpers.js';

describe('displayWidth', () => {
  it('counts ASCII as 1, wide East Asian as 2, combining marks as 0', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('—')).toBe(1);
    expect(displayWidth('')).toBe(0);
  });

  it('measures the characters it counts without segmenting as string-width does, alone and side by side', () => {
    const fast: string[] = [];
    for (let c = 0x20; c < 0x2100; c++) if (ONE_COLUMN.test(String.fromCodePoint(c))) fast.push(String.fromCodePoint(c));
    expect(fast.length).toBe(390);
    expect(fast.filter((ch) => stringWidth(ch) !== 1)).toEqual([]);
    const neighbours = ['a', 'é', '’', '—', '\u00a0', '\u202f', 'Ł'];
    expect(fast.flatMap((ch) => neighbours.map((n) => ch + n)).filter((pair) => displayWidth(pair) !== stringWidth(pair))).toEqual([]);
    // Outside that set string-width measures: a soft hyphen takes no column, a combining mark joins.
    expect(displayWidth('co\u00adop')).toBe(stringWidth('co\u00adop'));
    expect(displayWidth('’e\u0301’')).toBe(3);
  });
});

describe('wrapText', () => {
  it('wraps greedily at the width', () => {
    expect(wrapText('aaa bbb ccc ddd', 7)).toBe(lines('aaa bbb', 'ccc ddd'));
    expect(wrapText('aaa bbb ccc ddd', 8)).toBe(lines('aaa bbb', 'ccc ddd'));
    expect(wrapText('aaa bbb ccc ddd', 11)).toBe(lines('aaa bbb ccc', 'ddd'));
  });

  it('measures display width, not string length', () => {
    // Each CJK word is 4 columns wide: two fit in 9 columns, not three.
    expect(wrapText('日本 日本 日本', 9)).toBe(lines('日本 日本', '日本'));
    // Combining marks take no room: "e\u0301" is one column.
    expect(wrapText('e\u0301e\u0301 e\u0301e\u0301', 5)).toBe('\u00e9\u00e9 \u00e9\u00e9');
  });

  it('never breaks a word longer than the width', () => {
    const url = 'https://example.com/a/very/long/path/that/does/not/fit';
    expect(wrapText(`see ${url} now`, 20)).toBe(lines('see', url, 'now'));
  });

  it('collapses spaces and tabs, keeps line breaks', () => {
    expect(wrapText('a  \t b\nc', 72)).toBe(lines('a b', 'c'));
    expect(wrapText('a\n\nb\n', 72)).toBe(lines('a', '', 'b'));
    expect(wrapText('a\r\nb', 72)).toBe(lines('a', 'b'));
  });

  it('applies indent and firstIndent within the width', () => {
    expect(wrapText('aaa bbb ccc', 8, { indent: '  ' })).toBe(lines('  aaa', '  bbb', '  ccc'));
    expect(wrapText('aaa bbb ccc', 9, { firstIndent: 'Tel: ', indent: '     ' })).toBe(
      lines('Tel: aaa', '     bbb', '     ccc'),
    );
    expect(wrapText('a\n\nb', 72, { indent: '  ' })).toBe(lines('  a', '', '  b'));
  });

  it('returns the empty string for empty input and never leaves trailing spaces', () => {
    expect(wrapText('', 72)).toBe('');
    expect(wrapText('   ', 72, { indent: '  ' })).toBe('');
    expect(wrapText('word   ', 72)).toBe('word');
  });
});
