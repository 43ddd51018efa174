import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/report/diagnostic.ts';
import { readRecipients } from '../../src/send/read-recipients.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readRecipients: CSV', () => {
  it('reads name,email with the line of each recipient (BOM, CRLF, quotes, blank lines, extra columns)', () => {
    const csv = '\uFEFFname,email,outlet\r\n"Reporter, Jane",jane@news.example,Daily\r\n\r\nJohn Smith , john@wire.example ,Wire\r\n"Multi\r\nline",multi@example.org,\r\n';
    const { recipients, diagnostics } = readRecipients('press/list.csv', bytes(csv));
    expect(diagnostics).toEqual([]);
    expect(recipients).toEqual([
      { name: 'Reporter, Jane', address: 'jane@news.example', line: 2, column: 1 },
      { name: 'John Smith', address: 'john@wire.example', line: 4, column: 1 },
      { name: 'Multi line', address: 'multi@example.org', line: 5, column: 1 },
    ]);
  });

  it('accepts the columns in any order and a list without names', () => {
    expect(readRecipients('l.csv', bytes('Email,Name\na@example.org,A\n')).recipients).toEqual([{ name: 'A', address: 'a@example.org', line: 2, column: 1 }]);
    expect(readRecipients('l.csv', bytes('email\na@example.org\n')).recipients).toEqual([{ address: 'a@example.org', line: 2, column: 1 }]);
  });

  it('reports every invalid address with its line, as errors', () => {
    const csv = 'name,email\nAnn,ann@example.org\nCarl,carl@example.org\nBob,bob@\nEve,\nMallory,"mallory@example.org\nBcc: x@example.org"\n';
    const { recipients, diagnostics } = readRecipients('list.csv', bytes(csv));
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'list.csv:4:1 error "bob@" is not an email address — correct it or remove it; nothing is sent while the list has errors (recipients)',
      'list.csv:5:1 error "" is not an email address — correct it or remove it; nothing is sent while the list has errors (recipients)',
      'list.csv:6:1 error "mallory@example.org\\nBcc: x@example.org" is not an email address — correct it or remove it; nothing is sent while the list has errors (recipients)',
    ]);
    expect(recipients.map((r) => r.address)).toEqual(['ann@example.org', 'carl@example.org']);
  });

  it('warns about an address listed twice (any case) and keeps it once', () => {
    const { recipients, diagnostics } = readRecipients('list.csv', bytes('name,email\nAnn,ann@example.org\nBob,bob@example.org\nAnn again,ANN@example.org\n'));
    expect(recipients.map((r) => r.address)).toEqual(['ann@example.org', 'bob@example.org']);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['list.csv:4:1 warning "ANN@example.org" is listed twice (first on line 2) — it is sent one message; remove one of the two (recipients)']);
  });

  it('reports a missing email column, broken CSV, an empty list and text that is not UTF-8', () => {
    expect(readRecipients('l.csv', bytes('name,mail\nA,a@example.org\n')).diagnostics.map((d) => d.message)).toEqual(['the list has no "email" column']);
    const broken = readRecipients('l.csv', bytes('name,email\n"A,a@example.org\n')).diagnostics;
    expect(broken[0]).toMatchObject({ severity: 'error', rule: 'csv-syntax' });
    expect(readRecipients('l.csv', bytes('name,email\n')).diagnostics.map((d) => d.rule)).toEqual(['no-recipients']);
    expect(readRecipients('l.csv', new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xe9, 0x40, 0x78])).diagnostics.map((d) => d.rule)).toEqual(['not-utf-8']);
    expect(readRecipients('list.txt', bytes('a@example.org')).diagnostics.map((d) => d.rule)).toEqual(['list-format']);
  });
});

describe('readRecipients: YAML', () => {
  it('reads a list of {name, email} with the place of each address', () => {
    const yaml = '# Press list\n- name: Jane Reporter\n  email: jane@news.example\n- email: john@wire.example\n  name: John\n- carl@example.org\n';
    const { recipients, diagnostics } = readRecipients('list.yaml', bytes(yaml));
    expect(diagnostics).toEqual([]);
    expect(recipients).toEqual([
      { name: 'Jane Reporter', address: 'jane@news.example', line: 3, column: 10 },
      { name: 'John', address: 'john@wire.example', line: 4, column: 10 },
      { address: 'carl@example.org', line: 6, column: 3 },
    ]);
  });

  it('reports invalid addresses, items without one and duplicates at their place', () => {
    const yaml = '- name: A\n  email: a@example.org\n- name: Bob\n  email: "bob@"\n- name: No email\n- name: A again\n  email: A@example.org\n';
    const { recipients, diagnostics } = readRecipients('list.yml', bytes(yaml));
    expect(recipients.map((r) => r.address)).toEqual(['a@example.org']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'list.yml:4:10 error "bob@" is not an email address — correct it or remove it; nothing is sent while the list has errors (recipients)',
      'list.yml:5:3 error this recipient has no email address — add a line "email: name@example.org" (recipients)',
      'list.yml:7:10 warning "A@example.org" is listed twice (first on line 2) — it is sent one message; remove one of the two (recipients)',
    ]);
  });

  it('reports YAML that is not a list', () => {
    expect(readRecipients('list.yaml', bytes('name: A\nemail: a@example.org\n')).diagnostics.map((d) => d.rule)).toEqual(['list-format']);
    expect(readRecipients('list.yaml', bytes('- [unclosed\n')).diagnostics[0]).toMatchObject({ severity: 'error', file: 'list.yaml' });
  });
});
