import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/report/diagnostic.ts';
import { parseStatement } from '../../src/sources/parse-statement.ts';
import { parseYaml } from '../../src/sources/parse-yaml.ts';
import { organizationDefaults } from '../../src/sources/schema.ts';
import { statementFieldNames } from '../../src/kinds/index.ts';

/** The YAML as the second line of a statement (after "---"), as `clarion check` places it. */
const check = (yaml: string) => {
  const parsed = parseYaml('x.md', yaml, 2, { fields: statementFieldNames });
  return { data: parsed.data, problems: parsed.diagnostics.map(formatDiagnostic) };
};

describe('YAML slips in front matter', () => {
  it('says what to type for each common slip, at its line and column, and reads the rest as meant', () => {
    const cases: [string, string, unknown][] = [
      ['title: Pakistan: forty mosques desecrated', 'x.md:2:16 error the title contains a colon followed by a space, which YAML reads as the start of a field — put the title in quotes: title: "Pakistan: forty mosques desecrated" (colon-in-value)', { title: 'Pakistan: forty mosques desecrated' }],
      ['location: Rabwah:', 'x.md:2:17 error the location ends with a colon, which YAML reads as the start of a field — put the location in quotes: location: "Rabwah:" (colon-in-value)', { location: 'Rabwah:' }],
      ['tags:\n\t- Pakistan', 'x.md:3:1 error a tab is used for indentation — indent with spaces, not tabs: 2 spaces, then - Pakistan (tab-indent)', { tags: ['Pakistan'] }],
      ['contacts:\n  - name: A\n\t  email: a@example.org', 'x.md:4:1 error a tab is used for indentation — indent with spaces, not tabs: 4 spaces, then email: a@example.org (tab-indent)', { contacts: [{ name: 'A', email: 'a@example.org' }] }],
      ['title:\u00a0Forty mosques', 'x.md:2:7 error a non-breaking space (U+00A0) follows the colon — type an ordinary space after the colon: title: Forty mosques (unusual-space)', { title: 'Forty mosques' }],
      ['\u00a0title: Forty mosques', 'x.md:2:1 error a non-breaking space (U+00A0) starts the line — delete it, so that the line reads: title: Forty mosques (unusual-space)', { title: 'Forty mosques' }],
      ['tags:\n\u00a0\u00a0- Pakistan', 'x.md:3:1 error a non-breaking space (U+00A0) is used for indentation — indent with 2 ordinary spaces: - Pakistan (unusual-space)', { tags: ['Pakistan'] }],
      ['title\u00a0: Forty', 'x.md:2:6 error a non-breaking space (U+00A0) is inside the field name "title" — delete it: title: Forty (unusual-space)', { title: 'Forty' }],
      ['title:\u3000Forty', 'x.md:2:7 error an ideographic (full-width) space (U+3000) follows the colon — type an ordinary space after the colon: title: Forty (unusual-space)', { title: 'Forty' }],
      ['title: “Pakistan: forty”', 'x.md:2:8 error the title is in curly quotes (“ ”), which YAML does not read as quotes — type straight quotes: title: "Pakistan: forty" (curly-quotes)', { title: 'Pakistan: forty' }],
      ['title: “Forty mosques”', 'x.md:2:8 warning the title is in curly quotes (“ ”), which stay part of it — to quote it, type straight quotes: title: "Forty mosques"; to keep the curly quotes, write: title: "“Forty mosques”" (curly-quotes)', { title: '“Forty mosques”' }],
      ['title: x\ndate:2023-11-27', 'x.md:3:5 error there is no space after the colon of "date" — type a space after the colon: date: 2023-11-27 (no-space-after-colon)', { title: 'x', date: '2023-11-27' }],
      ['title:Forty mosques', 'x.md:2:6 error there is no space after the colon of "title" — type a space after the colon: title: Forty mosques (no-space-after-colon)', { title: 'Forty mosques' }],
      ['tags:\n- a\n - b', 'x.md:4:1 error this list item is indented more than the one above, so YAML reads it as part of that item — start its "-" in the same column as the item above (at the start of the line): - b (list-indent)', { tags: ['a', 'b'] }],
      ['tags:\n  - a\n - b', 'x.md:4:1 error this list item is indented less than the one above — start its "-" in the same column as the item above (with 2 spaces): - b (list-indent)', { tags: ['a', 'b'] }],
      ['tags:\n  -Pakistan', 'x.md:3:3 error there is no space after the "-" of this list item — type a space after the "-": - Pakistan (no-space-after-dash)', { tags: ['Pakistan'] }],
      ['title: We are #1 in rights', 'x.md:2:15 error YAML reads "#1 in rights" as a comment, so the title ends at "We are" — put the title in quotes: title: "We are #1 in rights" (hash-in-value)', { title: 'We are #1 in rights' }],
      ['title: @UN urges Pakistan', 'x.md:2:8 error the title starts with "@", which YAML reserves for its own syntax — put the title in quotes: title: "@UN urges Pakistan" (reserved-start)', { title: '@UN urges Pakistan' }],
      ['title: [Update] Forty mosques', 'x.md:2:8 error the title starts with "[", which YAML reserves for its own syntax — put the title in quotes: title: "[Update] Forty mosques" (reserved-start)', { title: '[Update] Forty mosques' }],
      ['title: "Forty "mosques" desecrated"', 'x.md:2:15 error the quotation marks inside the title end the quoted text early — put the title in quotes like this: title: \'Forty "mosques" desecrated\' (quotes)', { title: 'Forty "mosques" desecrated' }],
      ["title: 'It's time'", 'x.md:2:11 error the apostrophe in the title ends the quoted text early — put the title in quotes like this: title: "It\'s time" (quotes)', { title: "It's time" }],
      ['title: "A title\ndate: 2023-11-27', 'x.md:2:8 error the title opens a quote (") that is never closed — close it at the end of the line: title: "A title" (quotes)', { title: 'A title', date: '2023-11-27' }],
      ['title Forty mosques', 'x.md:2:6 error there is no colon after "title" — type a colon after it: title: Forty mosques (missing-colon)', { title: 'Forty mosques' }],
      ['title： Forty mosques', 'x.md:2:6 error the colon after "title" is a full-width colon (：) — type an ordinary colon and a space: title: Forty mosques (missing-colon)', { title: 'Forty mosques' }],
      ['title: x\n  date: 2023-11-27', 'x.md:3:1 error "date" is indented, so YAML reads it as part of the title above — remove the spaces before it: date: 2023-11-27 (field-indent)', { title: 'x', date: '2023-11-27' }],
    ];
    for (const [yaml, problem, data] of cases) expect(check(yaml), yaml).toEqual({ problems: [problem], data });
  });

  it('leaves valid YAML alone: a tab after a colon, a non-breaking space inside a value, a comment, a folded line, colons in URLs', () => {
    const yaml = 'title:\tForty\u00a0mosques\nkind: press-release  # the default\nsummary: Forty mosques\n  desecrated in 2023.\nlocation: "Rabwah: Punjab"\ntags:\n  - a\n  - b\nnotes:\n  - See https://example.org/a:b#c\nsubtitle: «Assez»';
    expect(check(yaml)).toEqual({
      problems: [],
      data: { title: 'Forty\u00a0mosques', kind: 'press-release', summary: 'Forty mosques desecrated in 2023.', location: 'Rabwah: Punjab', tags: ['a', 'b'], notes: ['See https://example.org/a:b#c'], subtitle: '«Assez»' },
    });
  });

  it('reports every problem of a file at once: the slips and what is wrong with the repaired fields', () => {
    const source = '---\ntitle: Pakistan: forty mosques\ndate:2023-13-01\nlang: Urdu\ntags:\n  - Note: a\n---\n\nText.\n';
    const { statement, diagnostics } = parseStatement('x.md', new TextEncoder().encode(source), { organization: { ...organizationDefaults, name: 'E', contacts: [] }, kinds: ['press-release'] });
    expect(statement).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic).sort()).toEqual([
      'x.md:2:16 error the title contains a colon followed by a space, which YAML reads as the start of a field — put the title in quotes: title: "Pakistan: forty mosques" (colon-in-value)',
      'x.md:3:5 error there is no space after the colon of "date" — type a space after the colon: date: 2023-11-27 (no-space-after-colon)'.replace('2023-11-27', '2023-13-01'),
      'x.md:3:6 error "2023-13-01" is not a calendar date — write the date as YYYY-MM-DD (e.g. 2023-11-27), or a date and time with its offset (e.g. 2023-11-27T10:00+05:00) (date)',
      'x.md:4:7 error lang "Urdu" is not a language tag — did you mean ur (Urdu)? write "lang: ur" (lang)',
      'x.md:6:5 error tags[0] contains a colon followed by a space, which YAML reads as a field — put the item in quotes: - "Note: a" (tags[0])',
    ]);
  });
});
