import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/report/diagnostic.ts';
import { parseOrganization } from '../../src/sources/parse-organization.ts';

const parse = (yaml: string) => parseOrganization('statements/organization.yaml', new TextEncoder().encode(yaml));

describe('the organisation profile', () => {
  it('applies the documented defaults', () => {
    const { organization, diagnostics } = parse('name: Example Press Office\n');
    expect(diagnostics).toEqual([]);
    expect(organization).toMatchObject({
      name: 'Example Press Office', lang: 'en', timezone: 'UTC', dateline_style: 'ap', end_mark: '###', paper: 'A4', text_width: 72, allow_html: false, contacts: [],
    });
  });

  it('reports every problem at its place', () => {
    const { organization, diagnostics } = parse('website: ftp://example.org\ndateline_style: app\npaper: A5\ntimezone: Europe/Genva\nend_mark: "##"\nlogo: 3\n');
    expect(organization).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'statements/organization.yaml:1:1 error the required field "name" is missing — add a line "name: …" (name)',
      'statements/organization.yaml:1:10 error "ftp://example.org" is not a web address — write the full address, starting with https:// (website)',
      'statements/organization.yaml:2:17 error "app" is not a valid dateline_style — use one of: ap, un (did you mean "ap"?) (dateline_style)',
      'statements/organization.yaml:3:8 error "A5" is not a valid paper — use one of: A4, Letter (did you mean "A4"?) (paper)',
      'statements/organization.yaml:4:11 error "Europe/Genva" is not a time zone — use an IANA zone name such as Europe/London, Asia/Karachi or UTC (timezone)',
      'statements/organization.yaml:5:11 error "##" is not a valid end_mark — use one of: ###, -30-, ENDS (did you mean "###"?) (end_mark)',
      'statements/organization.yaml:6:7 error logo must be text, not a number — put the value in quotes: "3" (logo)',
    ]);
  });
});
