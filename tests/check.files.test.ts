import { beforeAll, describe, expect, it } from 'vitest';
import { checkFixturesProject, clarion, repoRoot as root } from './support/project.ts';

describe('clarion check', () => {
  let fixtures: string;
  beforeAll(async () => {
    fixtures = await checkFixturesProject();
  });

  it('passes the sample statements with no problems', async () => {
    const result = await clarion(root, 'check');
    expect(result.stdout).toBe('statements/hrc55-ahmadiyya-places-of-worship.md 457 of 2,000 words (hrc-written-statement, general status)\n✔ 3 statements checked, no problems\n');
    expect(result.code).toBe(0);
  });

  it('reports every problem of every bad statement, each at its place, and exits 1', async () => {
    const result = await clarion(fixtures, 'check');
    expect(result.stdout.split('\n')).toEqual([
  "statements/alias-bomb.md:2:1 error the front matter expands its aliases (*name) into too much data — write the values out instead of using anchors (&name) and aliases (*name) (yaml-aliases)",
  "statements/contact-problems.md:8:12 error \"not-an-address\" is not an email address — write it as name@example.org (contacts[0].email)",
  "statements/contact-problems.md:10:5 error unknown field \"emial\" — did you mean \"email\"? (contacts[1].emial)",
  "statements/distant-embargo.md:4:10 warning the embargo is more than a year from the statement's date (2023-11-27) — check the year of the embargo and of the date (embargo)",
  "statements/duplicate-key.md:4:1 error this field appears twice — keep one of the two lines (yaml-syntax)",
  "statements/duplicate-slug-a.md:1:1 error the slug \"same-slug\" is also used by statements/duplicate-slug-b.md — give one of them a different \"slug:\" or rename the file (slug)",
  "statements/duplicate-slug-b.md:1:1 error the slug \"same-slug\" is also used by statements/duplicate-slug-a.md — give one of them a different \"slug:\" or rename the file (slug)",
  "statements/embargo-unknown-zone.md:4:10 error embargo \"2023-11-28T09:00 Mars/Olympus\" names a time zone that does not exist — use an IANA zone name such as Europe/Geneva or Asia/Karachi, or an offset such as +05:00 (embargo)",
  "statements/embargo-without-zone.md:4:10 error embargo \"2023-11-28T09:00\" does not say which time zone it is in — add an offset or a zone, e.g. 2023-11-28T09:00+05:00 or 2023-11-28T09:00 Asia/Karachi (embargo)",
  "statements/empty-body.md:6:1 error the statement has no text after the front matter — write the statement below the closing \"---\" (empty-body)",
  "statements/empty-title.md:2:7 error title is empty — write a value or remove the line (title)",
  "statements/invalid-date.md:3:7 error \"2023-02-30\" is not a calendar date — write the date as YYYY-MM-DD (e.g. 2023-11-27), or a date and time with its offset (e.g. 2023-11-27T10:00+05:00) (date)",
  "statements/invalid-lang.md:4:7 error lang \"en-\" is not a language tag — did you mean en (English)? write \"lang: en\" (lang)",
  "statements/invalid-slug.md:4:7 error slug \"Forty Mosques\" may only contain lower-case letters, digits and single hyphens — e.g. \"forty-mosques\" (slug)",
  "statements/lang-name.md:4:7 error lang \"Français\" is not a language tag — did you mean fr (French)? write \"lang: fr\" (lang)",
  "statements/lang-not-standard.md:4:7 warning lang \"EN-gb\" is a non-standard spelling of en-GB — write \"lang: en-GB\"; the outputs use en-GB (lang)",
  "statements/long-headline.md:2:8 warning the headline is 124 characters long — headlines under 100 characters read best (title)",
  "statements/many-problems.md:2:1 error unknown field \"titel\" — did you mean \"title\"? (titel)",
  "statements/many-problems.md:3:7 error \"2023-13-01\" is not a calendar date — write the date as YYYY-MM-DD (e.g. 2023-11-27), or a date and time with its offset (e.g. 2023-11-27T10:00+05:00) (date)",
  "statements/many-problems.md:4:7 error there is no template folder for kind \"letter\" — use one of: press-release (kind)",
  "statements/many-problems.md:5:12 error tags[1] must be text, not a number — put the value in quotes: \"3\" (tags[1])",
  "statements/many-problems.md:8:1 error the statement has no text after the front matter — write the statement below the closing \"---\" (empty-body)",
  "statements/missing-summary-and-location.md:1:1 warning there is no location for the dateline — add e.g. \"location: Rabwah, Pakistan\" (location)",
  "statements/missing-summary-and-location.md:1:1 warning there is no summary — add \"summary: …\" (one or two sentences) for listings, search engines and social media (summary)",
  "statements/missing-title.md:2:1 error the required field \"title\" is missing — add a line \"title: …\" (title)",
  "statements/no-front-matter.md:1:1 error the file does not start with front matter — begin the file with a line \"---\", then title: and date: lines, then another \"---\" (no-front-matter)",
  "statements/not-a-date.md:3:7 error \"next Tuesday\" is not a date — write the date as YYYY-MM-DD, e.g. 2023-11-27 (date)",
  "statements/not-utf-8.md:4:14 error the file is not valid UTF-8 (byte 0xE8) — save it as UTF-8 in your editor (\"Save with encoding\" → UTF-8) (not-utf-8)",
  "statements/summary-too-long.md:5:10 error summary is 304 characters long; the limit is 300 — shorten it by 4 characters (summary)",
  "statements/tab-indent.md:7:1 error a tab is used for indentation — indent with spaces, not tabs: 2 spaces, then - name: A. Example (tab-indent)",
  "statements/title-too-long.md:2:8 error title is 201 characters long; the limit is 200 — shorten it by 1 character (title)",
  "statements/unclosed-front-matter.md:1:1 error the front matter opened on line 1 never closes — add a line \"---\" after the last field, before the text (unclosed-front-matter)",
  "statements/unknown-field.md:2:1 error unknown field \"titel\" — did you mean \"title\"? (titel)",
  "statements/unknown-kind.md:4:7 error there is no template folder for kind \"press-relase\" — use one of: press-release (did you mean \"press-release\"?) (kind)",
  "statements/wrong-type.md:2:8 error title must be text, not a number — put the value in quotes: \"2023\" (title)",
  "statements/wrong-type.md:6:7 error tags must be a list, not a number — write the items as a list, e.g. tags: [first, second] (tags)",
  "statements/yaml-apostrophe.md:2:11 error the apostrophe in the title ends the quoted text early — put the title in quotes like this: title: \"It's time to act on Pakistan\" (quotes)",
  "statements/yaml-colon-in-title.md:2:16 error the title contains a colon followed by a space, which YAML reads as the start of a field — put the title in quotes: title: \"Pakistan: forty mosques desecrated in 2023\" (colon-in-value)",
  "statements/yaml-curly-quotes-colon.md:2:8 error the title is in curly quotes (“ ”), which YAML does not read as quotes — type straight quotes: title: \"Pakistan: forty mosques desecrated\" (curly-quotes)",
  "statements/yaml-curly-quotes.md:2:8 warning the title is in curly quotes (“ ”), which stay part of it — to quote it, type straight quotes: title: \"Forty mosques desecrated\"; to keep the curly quotes, write: title: \"“Forty mosques desecrated”\" (curly-quotes)",
  "statements/yaml-hash.md:2:24 error YAML reads \"#1 target of blasphemy cases\" as a comment, so the title ends at \"Ahmadis are the\" — put the title in quotes: title: \"Ahmadis are the #1 target of blasphemy cases\" (hash-in-value)",
  "statements/yaml-indented-field.md:3:1 error \"date\" is indented, so YAML reads it as part of the title above — remove the spaces before it: date: 2023-11-27 (field-indent)",
  "statements/yaml-list-items.md:8:1 error this list item is indented more than the one above, so YAML reads it as part of that item — start its \"-\" in the same column as the item above (with 2 spaces): - Ahmadis (list-indent)",
  "statements/yaml-list-items.md:10:3 error there is no space after the \"-\" of this list item — type a space after the \"-\": - The statement is reproduced in full. (no-space-after-dash)",
  "statements/yaml-list-items.md:11:5 error notes[1] contains a colon followed by a space, which YAML reads as a field — put the item in quotes: - \"Note: the figures are from 2023.\" (notes[1])",
  "statements/yaml-missing-space.md:3:5 error there is no space after the colon of \"date\" — type a space after the colon: date: 2023-11-27 (no-space-after-colon)",
  "statements/yaml-nbsp.md:2:7 error a non-breaking space (U+00A0) follows the colon — type an ordinary space after the colon: title: Forty mosques desecrated (unusual-space)",
  "statements/yaml-nbsp.md:3:1 error a non-breaking space (U+00A0) starts the line — delete it, so that the line reads: date: 2023-11-27 (unusual-space)",
  "statements/yaml-no-colon.md:2:6 error there is no colon after \"title\" — type a colon after it: title: Forty mosques desecrated (missing-colon)",
  "statements/yaml-reserved-start.md:2:8 error the title starts with \"@\", which YAML reserves for its own syntax — put the title in quotes: title: \"@UN experts urge Pakistan to act\" (reserved-start)",
  "statements/yaml-syntax.md:2:8 error the title opens a quote (\") that is never closed — close it at the end of the line: title: \"A title\" (quotes)",
  "statements/yaml-tag.md:2:8 error the tag \"!!js/function\" is not allowed — remove the \"!\" tag; front matter holds only text, numbers, lists and fields (yaml-syntax)",
  "✖ 43 statements checked: 46 errors, 6 warnings",
      '',
    ]);
    expect(result.code).toBe(1);
  });

  it('accepts a byte-order mark and CRLF line endings', async () => {
    const result = await clarion(fixtures, 'check', 'statements/bom-and-crlf.md');
    expect(result.stdout).toBe('✔ 1 statement checked, no problems\n');
    expect(result.code).toBe(0);
  });

  it('exits 0 with warnings only, and 1 with --strict', async () => {
    const plain = await clarion(fixtures, 'check', 'statements/long-headline.md');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('⚠ 1 statement checked: 1 warning');
    const strict = await clarion(fixtures, 'check', '--strict', 'statements/long-headline.md');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('statements/long-headline.md:2:8 error the headline is 124 characters long');
  });

  it('prints the same report as JSON with --json', async () => {
    const result = await clarion(fixtures, 'check', '--json', 'statements/invalid-date.md');
    const report = JSON.parse(result.stdout);
    expect(report).toEqual({
      checked: 1,
      errors: 1,
      warnings: 0,
      diagnostics: [
        {
          file: 'statements/invalid-date.md',
          line: 3,
          column: 7,
          severity: 'error',
          rule: 'invalid-date',
          field: 'date',
          message: '"2023-02-30" is not a calendar date',
          hint: 'write the date as YYYY-MM-DD (e.g. 2023-11-27), or a date and time with its offset (e.g. 2023-11-27T10:00+05:00)',
        },
      ],
    });
    expect(result.code).toBe(1);
  });

  it('exits 2 on usage errors with a message saying what to do', async () => {
    const unknown = await clarion(fixtures, 'chek');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('clarion: unknown command "chek" — did you mean "check"? (clarion --help lists the commands)\n');
    const missing = await clarion(fixtures, 'check', 'statements/nope.md');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('clarion: statements/nope.md: no such file or folder — give a statement file or a folder of statements\n');
    const option = await clarion(fixtures, 'check', '--frobnicate');
    expect(option.code).toBe(2);
  });
});
