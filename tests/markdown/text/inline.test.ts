import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createTextSerializer } from '../../../src/markdown/text/index.js';
import { applyTypography } from '../../../src/markdown/typography.js';
import { body, lines, parse, text } from './helpers.js';

describe('emphasis, strong, delete, inline code', () => {
  it('prints just the text', () => {
    expect(body('*em* **strong** ~~gone~~ _u_ ***both***')).toBe('em strong gone u both');
  });

  it('prints inline code in backticks', () => {
    expect(body('run `npm  test` now')).toBe('run `npm test` now');
  });
});

describe('images', () => {
  it('prints [Image: alt] or [Image]', () => {
    expect(body('![A crowd *outside*](a.png) and ![](b.png)')).toBe('[Image: A crowd outside] and [Image]');
    expect(body('![ref alt][img]\n\n[img]: x.png')).toBe('[Image: ref alt]');
  });
});

describe('links', () => {
  it('prints text [n] and lists the URL', () => {
    expect(text('Read [the report](https://example.org/report).')).toEqual({
      body: 'Read the report [1].',
      refs: '[1] https://example.org/report',
    });
  });

  it('gives the same URL the same number', () => {
    expect(text('[a](https://a.example) [b](https://b.example) [again](https://a.example)')).toEqual({
      body: 'a [1] b [2] again [1]',
      refs: lines('[1] https://a.example', '[2] https://b.example'),
    });
  });

  it('prints autolinks and links whose text is the URL inline, unnumbered', () => {
    expect(text('<https://example.org/x> and [https://e.org](https://e.org) and https://lit.example/y')).toEqual({
      body: 'https://example.org/x and https://e.org and https://lit.example/y',
      refs: '',
    });
    expect(text('Visit www.example.org today')).toEqual({ body: 'Visit http://www.example.org today', refs: '' });
  });

  it('recognises autolinks whose text went through smart typography', () => {
    const processor = unified().use(remarkParse).use(remarkGfm);
    const tree = processor.runSync(processor.parse("<https://e.org/a--b...> and https://e.org/it's")) as Root;
    applyTypography(tree, 'fr');
    const serializer = createTextSerializer({ width: 72 });
    expect(serializer.render(tree)).toBe("https://e.org/a--b... and https://e.org/it's");
    expect(serializer.references()).toBe('');
  });

  it('prints e-mail autolinks as the address', () => {
    expect(text('Write to press@example.org or <mailto:info@example.org>.')).toEqual({
      body: 'Write to press@example.org or info@example.org.',
      refs: '',
    });
    expect(text('[E-mail us](mailto:press@example.org)')).toEqual({
      body: 'E-mail us [1]',
      refs: '[1] mailto:press@example.org',
    });
    expect(text('[Call](tel:+441234) or [+441234](tel:+441234)')).toEqual({
      body: 'Call [1] or +441234',
      refs: '[1] tel:+441234',
    });
  });

  it('never prints unsafe or relative URLs', () => {
    const out = text('[click](javascript:alert(1)) [data](data:text/html,x) [rel](/about) [frag](#top)');
    expect(out).toEqual({ body: 'click data rel frag', refs: '' });
  });

  it('resolves link references through definitions', () => {
    const md = '[full][id], [collapsed][], [shortcut] and [missing][nope].\n\n[id]: https://id.example\n[collapsed]: https://c.example\n[shortcut]: https://s.example';
    expect(text(md)).toEqual({
      body: 'full [1], collapsed [2], shortcut [3] and [missing][nope].',
      refs: lines('[1] https://id.example', '[2] https://c.example', '[3] https://s.example'),
    });
  });

  it('keeps a long URL whole in the reference list', () => {
    const url = 'https://example.org/' + 'x'.repeat(80);
    expect(text(`[long](${url})`, 40).refs).toBe(`[1] ${url}`);
  });

  it('wraps the [n] marker like any other word', () => {
    expect(body('aaaa [bbbb](https://b.example) cccc', 9)).toBe(lines('aaaa bbbb', '[1] cccc'));
  });
});

describe('footnotes', () => {
  it('prints [n] and puts the text in references()', () => {
    expect(text('Claim.[^1]\n\n[^1]: The source.')).toEqual({ body: 'Claim.[1]', refs: '[1] The source.' });
  });

  it('shares one sequence with links, in order of first use', () => {
    const md = 'A [link](https://a.example)[^n] then [^m] and [link](https://a.example)[^n].\n\n[^m]: Second.\n[^n]: First.';
    expect(text(md)).toEqual({
      body: 'A link [1][2] then [3] and link [1][2].',
      refs: lines('[1] https://a.example', '[2] First.', '[3] Second.'),
    });
  });

  it('hanging-indents long and multi-paragraph footnotes', () => {
    const md = 'Text[^a]\n\n[^a]: One two three four five six.\n\n    Second paragraph here.';
    expect(text(md, 20).refs).toBe(
      lines('[1] One two three', '    four five six.', '', '    Second paragraph', '    here.'),
    );
  });

  it('numbers links inside footnotes after what was rendered before', () => {
    const md = 'X[^a] and [b](https://b.example).\n\n[^a]: See [a](https://a.example).';
    expect(text(md)).toEqual({
      body: 'X[1] and b [2].',
      refs: lines('[1] See a [3].', '[2] https://b.example', '[3] https://a.example'),
    });
  });

  it('aligns the hanging indent with two-digit numbers', () => {
    const links = Array.from({ length: 9 }, (_, i) => `[l${i}](https://e.example/${i})`).join(' ');
    const refs = text(`${links} x[^a]\n\n[^a]: alpha beta gamma`, 16).refs.split('\n');
    expect(refs.slice(-2)).toEqual(['[10] alpha beta', '     gamma']);
  });
});

describe('serializer', () => {
  it('shares numbering across render() calls', () => {
    const serializer = createTextSerializer({ width: 72 });
    expect(serializer.render(parse('[a](https://a.example)[^x]\n\n[^x]: Body note.'))).toBe('a [1][2]');
    expect(serializer.render(parse('[b](https://b.example) [a](https://a.example)[^x]\n\n[^x]: About note.'))).toBe(
      'b [3] a [1][4]',
    );
    expect(serializer.references()).toBe(
      lines('[1] https://a.example', '[2] Body note.', '[3] https://b.example', '[4] About note.'),
    );
  });

  it('returns an empty reference list when nothing was referenced', () => {
    const serializer = createTextSerializer({ width: 72 });
    expect(serializer.references()).toBe('');
    serializer.render(parse('plain'));
    expect(serializer.references()).toBe('');
  });

  it('renders unknown node types as their text content and never throws', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'custom', children: [{ type: 'text', value: 'inside  custom' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'a ' }, { type: 'mystery', value: 'literal' }] },
        { type: 'nothing' },
        { type: 'text', value: 'loose text' },
      ],
    } as unknown as Root;
    expect(createTextSerializer({ width: 72 }).render(tree)).toBe(lines('inside custom', '', 'a literal', '', 'loose text'));
  });

  it('has no trailing spaces, tabs or CRs', () => {
    const out = body('a\t \r\nb  \n\n> x\n>\n> y\n\n```\n\tcode\t\n```\n\n| a | b |\n|---|---|\n| 1 |   |');
    expect(out).not.toMatch(/[ \t]$/m);
    expect(out).not.toMatch(/[\t\r]/);
    expect(out.endsWith('\n')).toBe(false);
  });
});
