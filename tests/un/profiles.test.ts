import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/report/diagnostic.ts';
import { limitBasis, limitFor, loadProfiles, PROFILES_FILE } from '../../src/kinds/un-submission/profiles.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shipped = async () => loadProfiles(PROFILES_FILE, await readFile(path.join(repoRoot, PROFILES_FILE), 'utf8'));

describe('the shipped submission profiles', () => {
  it('load without a problem', async () => {
    const { profiles, diagnostics } = await shipped();
    expect(diagnostics).toEqual([]);
    expect([...profiles.keys()]).toEqual(['hrc-written-statement', 'upr-stakeholder', 'treaty-body', 'generic']);
    expect(profiles.get('hrc-written-statement')).toEqual({
      id: 'hrc-written-statement',
      name: 'Human Rights Council written statement',
      limits: { general: 2000, special: 1500, roster: 1500 },
      countNotes: true,
      numberParagraphs: true,
      numberPages: false,
      font: 'Times New Roman',
      fontSize: 12,
      titleBold: true,
      paper: 'A4',
      languages: ['en', 'fr', 'es'],
    });
    const upr = profiles.get('upr-stakeholder')!;
    expect(upr).toMatchObject({ limits: { individual: 2815, joint: 5630 }, countNotes: true, numberParagraphs: true, numberPages: true, font: 'Times New Roman', fontSize: 12 });
    expect(profiles.get('treaty-body')).toMatchObject({ limits: { individual: 10000, joint: 10000 }, countNotes: true, languages: ['en', 'fr', 'es'] });
    expect(upr.languages).toBeUndefined();
    expect(profiles.get('generic')!.limits).toEqual({});
  });

  it('say which limit applies: by status, joint when the profile has a joint limit, none for generic', async () => {
    const { profiles } = await shipped();
    const hrc = profiles.get('hrc-written-statement')!;
    expect(limitFor(hrc, { status: 'general', joint: false })).toBe(2000);
    expect(limitFor(hrc, { status: 'special', joint: false })).toBe(1500);
    expect(limitFor(hrc, { status: 'roster', joint: false })).toBe(1500);
    // HRC has no joint limit: a joint statement keeps its status's limit.
    expect(limitFor(hrc, { status: 'general', joint: true })).toBe(2000);
    const upr = profiles.get('upr-stakeholder')!;
    expect(limitFor(upr, { status: 'special', joint: false })).toBe(2815);
    expect(limitFor(upr, { status: 'special', joint: true })).toBe(5630);
    expect(limitBasis(upr, { status: 'special', joint: true })).toBe('joint');
    expect(limitBasis(upr, { status: 'special', joint: false })).toBe('individual');
    expect(limitFor(profiles.get('treaty-body')!, { status: 'roster', joint: false })).toBe(10000);
    expect(limitFor(profiles.get('generic')!, { status: 'general', joint: true })).toBeUndefined();
  });
});

describe('a broken profiles file', () => {
  const file = 'templates/un-submission/profiles.yaml';
  const broken = [
    'hrc:', //                       1
    '  name: HRC statement', //      2
    '  limits:', //                  3
    '    general: "2,000"', //       4
    '    speshal: 1500', //          5
    '  count_notes: yes', //         6
    '  font_size: 11.3', //          7
    '  titel_bold: true', //         8
    'Bad_Name:', //                  9
    '  name: X', //                  10
    '  limits: none', //             11
    'nameless:', //                  12
    '  limits: none', //             13
    'fine:', //                      14
    '  name: A fine profile', //     15
    '  limits: none', //             16
    '  paper: Letter', //            17
    'ok:', //                        18
    '  name: Defaults', //           19
    '  limits: { joint: 4000 }', //  20
    '',
  ].join('\n');

  it('reports every problem at the line and column of its key or value, with a hint', () => {
    const { profiles, diagnostics } = loadProfiles(file, broken);
    const lines = diagnostics.map(formatDiagnostic).sort();
    expect(lines).toEqual([
      `${file}:13:3 error the required field "name" is missing in nameless — add a line "name: …" (nameless.name)`,
      `${file}:17:10 error "Letter" is not a valid fine.paper — use one of: A4 (fine.paper)`,
      `${file}:4:14 error hrc.limits.general must be a whole number, not text — write a whole number here (hrc.limits.general)`,
      `${file}:5:5 error unknown field "speshal" — did you mean "special"? (hrc.limits.speshal)`,
      `${file}:6:16 error hrc.count_notes must be true or false, not text — write true or false here (hrc.count_notes)`,
      `${file}:7:14 error font_size 11.3 is not a whole or half point size — use e.g. 12 or 10.5 (hrc.font_size)`,
      `${file}:8:3 error unknown field "titel_bold" — did you mean "title_bold"? (hrc.titel_bold)`,
      `${file}:9:1 error "Bad_Name" is not a profile name — use lower-case letters, digits and single hyphens, e.g. hrc-written-statement (Bad_Name)`,
    ]);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
    // The valid profiles are still there, with defaults filled in.
    expect([...profiles.keys()]).toEqual(['ok']);
    expect(profiles.get('ok')).toEqual({
      id: 'ok', name: 'Defaults', limits: { joint: 4000 }, countNotes: true, numberParagraphs: false, numberPages: false,
      font: 'Times New Roman', fontSize: 12, titleBold: false, paper: 'A4',
    });
  });

  it('reports YAML syntax errors and an empty file', () => {
    const syntax = loadProfiles(file, 'generic:\n  name: "unclosed\n  limits: none\n');
    expect(syntax.profiles.size).toBe(0);
    expect(syntax.diagnostics).toEqual([expect.objectContaining({ file, line: 2, column: 9, severity: 'error', rule: 'quotes', message: 'the name opens a quote (") that is never closed', hint: 'close it at the end of the line: name: "unclosed"' })]);
    const broken = loadProfiles(file, 'generic:\n  name: [unclosed\n  limits: none\n');
    expect(broken.diagnostics[0]).toMatchObject({ file, severity: 'error', rule: 'yaml-syntax' });
    const empty = loadProfiles(file, '# nothing yet\n');
    expect(empty.diagnostics).toEqual([expect.objectContaining({ file, line: 1, column: 1, rule: 'no-profiles' })]);
  });
});
