/** fast-check generators of Markdown press-release fragments for the property tests. */
import fc from 'fast-check';

/** A generated document: its Markdown plus what must survive into the text. */
export interface Doc {
  markdown: string;
  urls: string[];
  footnoteWords: string[];
}

const asciiWord = fc.stringMatching(/^[a-z]{1,9}$/);
const cjkWord = fc.constantFrom('日本語', '中文', '한국어', 'テスト', '全角文字列です', '漢字');
const combiningWord = fc.constantFrom('e\u0301te\u0301', 'cafe\u0301', 'n\u0303o', 'a\u0308\u0304', 'Zu\u0308rich');
const longWord = fc.stringMatching(/^[a-z]{15,40}$/);
const word = fc.oneof(
  { weight: 6, arbitrary: asciiWord },
  { weight: 2, arbitrary: cjkWord },
  { weight: 1, arbitrary: combiningWord },
  { weight: 1, arbitrary: longWord },
);
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((list) => list.join(' '));

const httpUrl = fc
  .tuple(fc.constantFrom('http', 'https'), fc.stringMatching(/^[a-z]{2,10}$/), fc.stringMatching(/^[a-z0-9]{1,60}$/))
  .map(([scheme, host, path]) => `${scheme}://${host}.example/${path}`);
const mailUrl = fc.stringMatching(/^[a-z]{1,8}$/).map((user) => `mailto:${user}@example.org`);

/** One inline fragment: its Markdown and the URLs / footnote ids it uses. */
type Inline = { md: string; urls: string[]; footnotes: number[] };
const inline: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 6, arbitrary: words(6).map((md) => ({ md, urls: [], footnotes: [] })) },
  { weight: 2, arbitrary: fc.tuple(words(3), httpUrl).map(([t, url]) => ({ md: `[${t}](${url})`, urls: [url], footnotes: [] })) },
  { weight: 1, arbitrary: fc.tuple(words(2), mailUrl).map(([t, url]) => ({ md: `[${t}](${url})`, urls: [url], footnotes: [] })) },
  { weight: 1, arbitrary: httpUrl.map((url) => ({ md: `<${url}>`, urls: [url], footnotes: [] })) },
  { weight: 1, arbitrary: httpUrl.map((url) => ({ md: url, urls: [url], footnotes: [] })) },
  { weight: 1, arbitrary: mailUrl.map((url) => ({ md: url.slice('mailto:'.length), urls: [url], footnotes: [] })) },
  { weight: 1, arbitrary: words(3).map((t) => ({ md: `*${t}*`, urls: [], footnotes: [] })) },
  { weight: 1, arbitrary: words(3).map((t) => ({ md: `**${t}**`, urls: [], footnotes: [] })) },
  { weight: 2, arbitrary: fc.nat(4).map((n) => ({ md: `[^f${n}]`, urls: [], footnotes: [n] })) },
);
const inlines = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => ({
  md: parts.map((part) => part.md).join(' '),
  urls: parts.flatMap((part) => part.urls),
  footnotes: parts.flatMap((part) => part.footnotes),
}));

/** Block fragments as arrays of lines (so containers can prefix them). */
type Block = { lines: string[]; urls: string[]; footnotes: number[] };
const paragraph: fc.Arbitrary<Block> = inlines.map((i) => ({ lines: [i.md], urls: i.urls, footnotes: i.footnotes }));
const heading: fc.Arbitrary<Block> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), words(5))
  .map(([depth, t]) => ({ lines: ['#'.repeat(depth) + ' ' + t], urls: [], footnotes: [] }));
const table: fc.Arbitrary<Block> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([columns, rows]) =>
    fc.array(fc.array(words(4), { minLength: columns, maxLength: columns }), { minLength: rows + 1, maxLength: rows + 1 }),
  )
  .map(([header, ...body]) => ({
    lines: [
      `| ${header!.join(' | ')} |`,
      `|${header!.map(() => '---').join('|')}|`,
      ...body.map((row) => `| ${row.join(' | ')} |`),
    ],
    urls: [],
    footnotes: [],
  }));

const block: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: paragraph },
    { weight: 1, arbitrary: heading },
    { weight: 1, arbitrary: table },
    {
      weight: 2,
      arbitrary: fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((inner) => ({
        lines: inner.flatMap((b, i) => [...(i > 0 ? [''] : []), ...b.lines]).map((l) => (l === '' ? '>' : '> ' + l)),
        urls: inner.flatMap((b) => b.urls),
        footnotes: inner.flatMap((b) => b.footnotes),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom('- ', '1. ', '- [x] ', '- [ ] '),
          fc.array(fc.tuple(paragraph, fc.option(tie('block'), { nil: undefined })), { minLength: 1, maxLength: 4 }),
        )
        .map(([marker, items]) => {
          const indent = ' '.repeat(marker.startsWith('1') ? 3 : 2);
          const lines = items.flatMap(([first, nested]) => [
            marker + first.lines[0],
            ...first.lines.slice(1).map((l) => indent + l),
            ...(nested ? ['', ...nested.lines.map((l) => (l === '' ? '' : indent + l))] : []),
          ]);
          const all = items.flatMap(([first, nested]) => (nested ? [first, nested] : [first]));
          return { lines: ['', ...lines, ''], urls: all.flatMap((b) => b.urls), footnotes: all.flatMap((b) => b.footnotes) };
        }),
    },
  ),
})).block;

export const doc: fc.Arbitrary<Doc> = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 5 }), fc.array(words(12), { minLength: 5, maxLength: 5 }))
  .map(([blocks, notes]) => {
    const used = [...new Set(blocks.flatMap((b) => b.footnotes))];
    const definitions = used.map((n) => `[^f${n}]: ${notes[n]}`);
    return {
      markdown: [...blocks.map((b) => b.lines.join('\n')), ...definitions].join('\n\n') + '\n',
      urls: blocks.flatMap((b) => b.urls),
      footnoteWords: used.flatMap((n) => notes[n]!.split(' ')),
    };
  });

export const width = fc.integer({ min: 8, max: 100 });
