/**
 * fast-check generators of whole statements for the pipeline's property tests: front matter with
 * right and wrong types, and Markdown mixing every construct with right-to-left, CJK, invisible
 * and hostile text. Each statement says which link URLs and footnote words its text release
 * must keep (those of the press-release fragments from tests/markdown/text/arbitraries.ts).
 */
import fc from 'fast-check';
import { doc } from '../markdown/text/arbitraries.ts';

export interface GeneratedStatement {
  source: string;
  urls: string[];
  footnoteWords: string[];
}

const rtlWord = fc.constantFrom('حقوق', 'الإنسان', 'جماعت', 'احمدیہ', 'بے\u200cحرمتی', 'שלום', 'זכויות', '\u200fمسجد\u200f');
const cjkWord = fc.constantFrom('人権', '声明', '清真寺', '인권', 'ジュネーブ', '全角文字列です');
const oddWord = fc.constantFrom('zero\u200bwidth', 'over\u202eride', 'iso\u2066late\u2069', 'bom\ufeffinside', 'e\u0301te\u0301', '👨\u200d👩\u200d👧', '{{constructor}}', '{{#each this}}x{{/each}}', '<b>bold</b>', '&amp;', '\\', '"quoted"', "it's");
const asciiWord = fc.stringMatching(/^[A-Za-z]{1,10}$/);
const word = fc.oneof({ weight: 6, arbitrary: asciiWord }, { weight: 2, arbitrary: rtlWord }, { weight: 2, arbitrary: cjkWord }, { weight: 1, arbitrary: oddWord });
const phrase = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));

/** Any value YAML can hold, for fields given the wrong type. */
const anyScalar = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', ' ', '2023-02-30', '2023-11-27T25:00+05:00', 'next Tuesday', '0000-00-00', '9999-12-31'),
);
const anyValue = fc.oneof(
  { weight: 4, arbitrary: anyScalar },
  { weight: 1, arbitrary: fc.array(anyScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), anyScalar, { maxKeys: 3 }) },
);
const date = fc.oneof(
  fc.constantFrom('2023-11-27', '2024-02-29', '2023-11-27T10:00+05:00', '1999-12-31T23:59:59Z', '2030-01-01'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const lang = fc.constantFrom('en', 'fr', 'de', 'es', 'ar', 'ur', 'zh', 'ja', 'he', 'en-GB', 'xx-', 'EN', 'fr-CA');
const contact = fc.record(
  { name: phrase(3), role: phrase(3), email: fc.constantFrom('press@example.org', 'not-an-address', 'a@b.c'), phone: fc.constantFrom('+44 20 7946 0000', '123', '') },
  { requiredKeys: ['name'] },
);
/** Fields with values of the right type (some still wrong: an unknown kind, a bad address...). */
const known = {
  subtitle: phrase(8),
  location: fc.oneof(phrase(3), fc.constantFrom('Geneva, Switzerland', 'Rabwah, Pakistan', 'جنيف')),
  lang,
  kind: fc.constantFrom('press-release', 'press-release', 'press-release', 'letter', 'un-submission'),
  summary: phrase(40),
  tags: fc.array(phrase(2), { maxLength: 4 }),
  embargo: fc.constantFrom('2023-11-28T09:00+05:00', '2023-11-28T09:00 Asia/Karachi', '2025-11-28T09:00Z', '2023-11-28T09:00', '2023-11-28T09:00 Mars/Olympus'),
  contacts: fc.array(contact, { maxLength: 2 }),
  notes: fc.array(phrase(10), { maxLength: 3 }),
  slug: fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/) }, { weight: 1, arbitrary: fc.constantFrom('../../etc', 'Has Spaces', 'a--b') }),
  organizations: fc.array(phrase(4), { maxLength: 3 }),
};
type Known = keyof typeof known;

/** YAML that is broken on its own line, to be reported where it is. */
const brokenYaml = fc.constantFrom('title: [unclosed', 'a: &anchor', 'b: *nowhere', 'c: !!js/function "x"', 'd: "unterminated', 'e: {a: 1', '\tf: tab', 'title: twice', 'g: |\n  block\n h: bad', '? complex key', '- a list item', ':', '---x');

type Entry = [key: string, value: unknown];

/** Front matter that is valid half of the time; otherwise with wrong types, unknown keys, broken YAML. */
const frontMatter = fc
  .record({
    hostile: fc.boolean(),
    title: fc.oneof({ weight: 6, arbitrary: phrase(12) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 190, maxLength: 210 }) }),
    date,
    optional: fc.subarray(Object.keys(known) as Known[]),
    values: fc.record(known),
    wrong: fc.dictionary(fc.constantFrom<string>('title', 'date', ...Object.keys(known)), anyValue, { maxKeys: 3 }),
    unknown: fc.array(fc.tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.constantFrom('titel', '__proto__', 'constructor', 'toString', '<<')), anyValue), { maxLength: 2 }),
    broken: fc.option(brokenYaml),
    drop: fc.constantFrom<readonly string[]>([], [], ['title'], ['date']),
  })
  .map(({ hostile, title, date, optional, values, wrong, unknown, broken, drop }) => {
    const clean: Entry[] = [['title', title], ['date', date], ...optional.filter((k) => values[k] !== undefined).map((k): Entry => [k, values[k]])];
    if (!hostile) return clean.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n');
    const entries: Entry[] = [...clean.map(([k, v]): Entry => [k, k in wrong ? wrong[k] : v]), ...unknown].filter(([k]) => !drop.includes(k));
    const lines = entries.map(([k, v]) => `${/^[a-z_]+$/.test(k) ? k : JSON.stringify(k)}: ${v === undefined ? '' : JSON.stringify(v)}`);
    if (broken !== null) lines.splice(Math.min(1, lines.length), 0, broken);
    return lines.join('\n');
  });

/** Blocks the press-release fragments do not have: code, HTML, right-to-left and hostile text. */
const extraBlock = fc.oneof(
  fc.tuple(fc.constantFrom('', 'js', 'yaml', 'html'), fc.array(phrase(6), { minLength: 1, maxLength: 3 })).map(([l, lines]) => '```' + l + '\n' + lines.join('\n') + '\n```'),
  fc.array(phrase(6), { minLength: 1, maxLength: 2 }).map((lines) => lines.map((line) => '    ' + line).join('\n')),
  phrase(10).map((p) => `Inline \`code ${p}\` and \`\`double \` tick\`\`.`),
  fc.constantFrom('<div onclick="alert(1)">Raw <b>HTML</b></div>', '<script>alert(1)</script>', '<!-- a comment -->', '<img src="x" onerror="alert(1)">', 'Text with <span style="color:red">inline HTML</span>.'),
  fc.constantFrom('[script](javascript:alert(1)) and [data](data:text/html,x) and <vbscript:msgbox(1)>', '![image](javascript:alert(1))', '[ref][bad]\n\n[bad]: javascript:alert(1)'),
  fc.array(rtlWord, { minLength: 3, maxLength: 12 }).map((w) => w.join(' ') + '.'),
  fc.array(cjkWord, { minLength: 3, maxLength: 12 }).map((w) => w.join('')),
  phrase(12).map((p) => `**${p}** _${p}_ ~~${p}~~ ***${p}***`),
  fc.constantFrom('---', '* * *', '# Heading', '## {{constructor}}', 'Setext\n======', '> quote\n>\n> > nested', '1. one\n2. two\n   - three', '- [ ] task\n- [x] done', '| a | b |\n|---|:-:|\n| 1 | 2 |'),
);

/** Markdown-ish noise: only after the fragments whose URLs must survive (an unclosed "<!--" hides what follows). */
const noise = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom('\n', '\n\n', '\r', '\t', '> ', '- ', '1. ', '|', '|---|', '---', '===', '[^a]', '[^a]: ', '[x]: ', '```', '~~~', '    ', '\\', '*', '_', '~', '<', '>', '[', '](', ')', '!', '{{', '}}', '<!--', '-->', '&#0;', '&#x202E;', '\u202e', '\u200b', '\ufeff', 'http://', 'www.', '@'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

export const generatedStatement: fc.Arbitrary<GeneratedStatement> = fc
  .record({
    front: frontMatter,
    before: fc.array(extraBlock, { maxLength: 3 }),
    body: doc,
    after: fc.array(fc.oneof(extraBlock, noise), { maxLength: 2 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ front, before, body, after, crlf, bom }) => {
    let source = `---\n${front}\n---\n\n${[...before, body.markdown.trimEnd(), ...after].join('\n\n')}\n`;
    if (crlf) source = source.replace(/\n/g, '\r\n');
    if (bom) source = '\ufeff' + source;
    return { source, urls: body.urls, footnoteWords: body.footnoteWords };
  });
