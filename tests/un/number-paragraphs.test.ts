import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';
import { paragraphNumbers } from '../../src/kinds/un-submission/number-paragraphs.ts';

const tree = (markdown: string) => parseMarkdown(markdown, { file: 'x.md', firstLine: 1, lang: 'en', allowHtml: false }).tree;
const numbered = (markdown: string) => [...paragraphNumbers(tree(markdown))].map(([p, n]: [Paragraph, number]) => `${n} ${toString(p)}`);

describe('paragraphNumbers', () => {
  it('numbers the body’s own paragraphs in order, on across headings', () => {
    expect(numbered('# One\n\nFirst.\n\n## Two\n\nSecond.\n\nThird.')).toEqual(['1 First.', '2 Second.', '3 Third.']);
  });

  it('leaves out headings, quotes, list items, tables, footnotes and paragraphs without text', () => {
    const markdown = [
      'First.[^n]',
      '> Quoted.',
      '- item\n\n  item paragraph',
      '1. ordered',
      '| a |\n| - |\n| b |',
      '![only an image](x.png)',
      '<div>html</div>',
      'Second.',
      '[^n]: A note.\n\n    Its second paragraph.',
    ].join('\n\n');
    expect(numbered(markdown)).toEqual(['1 First.', '2 Second.']);
  });

  it('numbers a paragraph that has text beside an image or inside emphasis', () => {
    expect(numbered('![x](x.png) Caption text.\n\n*Emphasised.*')).toEqual(['1 x Caption text.', '2 Emphasised.']);
  });
});
