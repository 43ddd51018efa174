import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/report/diagnostic.ts';
import { readRecipients } from '../../src/send/read-recipients.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readRecipients: CSV', () => {
  it('reads name,email with the line of each recipient (BOM, CRLF, quotes, blank lines, extra columns)', () => {
    const csv = '\uFEFFname,email,outlet\r\n"Reporter, Jane",jane@news.example,Daily\r\n\r\nJohn Smith , john@wire.example ,Wire\r\n"Multi\r\nline",multi@example.org,\r\n';
    const { recipients, diagnostics, badRows } = readRecipients('press/list.csv', bytes(csv));
    expect([...diagnostics, ...badRows]).toEqual([]);
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

  it('reports every invalid address with its line, as bad rows', () => {
    const csv = 'name,email\nAnn,ann@example.org\nCarl,carl@example.org\nBob,bob@\nEve,\nMallory,"mallory@example.org\nBcc: x@example.org"\n';
    const { recipients, diagnostics, badRows } = readRecipients('list.csv', bytes(csv));
    expect(diagnostics).toEqual([]);
    expect(badRows.map(formatDiagnostic)).toEqual([
      'list.csv:4:1 error "bob@" is not an email address — correct the address or remove the row (recipients)',
      'list.csv:5:1 error "" is not an email address — correct the address or remove the row (recipients)',
      'list.csv:6:1 error "mallory@example.org\\nBcc: x@example.org" is not an email address — correct the address or remove the row (recipients)',
    ]);
    expect(recipients.map((r) => r.address)).toEqual(['ann@example.org', 'carl@example.org']);
  });

  it('warns about an address listed twice (any case) and keeps it once', () => {
    const { recipients, diagnostics } = readRecipients('list.csv', bytes('name,email\nAnn,ann@example.org\nBob,bob@example.org\nAnn again,ANN@example.org\n'));
    expect(recipients.map((r) => r.address)).toEqual(['ann@example.org', 'bob@example.org']);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['list.csv:4:1 warning "ANN@example.org" is listed twice (first on line 2) — it is sent one message; remove one of the two (recipients)']);
  });

  it('reports a missing email column, broken CSV, an empty list and text that is not UTF-8', () => {
    expect(readRecipients('l.csv', bytes('name,contact\nA,a-at-example.org\n')).diagnostics.map((d) => d.message)).toEqual(['the list has no "email" column']);
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
    const { recipients, diagnostics, badRows } = readRecipients('list.yaml', bytes(yaml));
    expect([...diagnostics, ...badRows]).toEqual([]);
    expect(recipients).toEqual([
      { name: 'Jane Reporter', address: 'jane@news.example', line: 3, column: 10 },
      { name: 'John', address: 'john@wire.example', line: 4, column: 10 },
      { address: 'carl@example.org', line: 6, column: 3 },
    ]);
  });

  it('reports invalid addresses, items without one and duplicates at their place', () => {
    const yaml = '- name: A\n  email: a@example.org\n- name: Bob\n  email: "bob@"\n- name: No email\n- name: A again\n  email: A@example.org\n';
    const { recipients, diagnostics, badRows } = readRecipients('list.yml', bytes(yaml));
    expect(recipients.map((r) => r.address)).toEqual(['a@example.org']);
    expect(badRows.map(formatDiagnostic)).toEqual([
      'list.yml:4:10 error "bob@" is not an email address — correct the address or remove the row (recipients)',
      'list.yml:5:3 error this recipient has no email address — add a line "email: name@example.org" (recipients)',
    ]);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['list.yml:7:10 warning "A@example.org" is listed twice (first on line 2) — it is sent one message; remove one of the two (recipients)']);
  });

  it('reports YAML that is not a list', () => {
    expect(readRecipients('list.yaml', bytes('name: A\nemail: a@example.org\n')).diagnostics.map((d) => d.rule)).toEqual(['list-format']);
    expect(readRecipients('list.yaml', bytes('- [unclosed\n')).diagnostics[0]).toMatchObject({ severity: 'error', file: 'list.yaml' });
  });
});

describe('readRecipients: lists saved from spreadsheets', () => {
  const read = (file: string, text: string | Uint8Array) => readRecipients(file, typeof text === 'string' ? bytes(text) : text);
  const people = (list: ReturnType<typeof read>) => list.recipients.map((r) => [r.name ?? null, r.address, r.line]);

  it('reads comma, semicolon and tab lists, told apart by their first line', () => {
    const expected = [['Reporter, Jane', 'jane@news.example', 2], ['Jean Dupont', 'jean@presse.example', 3]];
    expect(people(read('l.csv', 'Name,Email\n"Reporter, Jane",jane@news.example\nJean Dupont,jean@presse.example\n'))).toEqual(expected);
    // Excel in much of Europe: semicolons, a comma inside a value unquoted.
    expect(people(read('l.csv', 'Name;E-mail;Outlet\nReporter, Jane;jane@news.example;Daily, Ltd\nJean Dupont;jean@presse.example;\n'))).toEqual(expected);
    expect(people(read('l.tsv', 'name\temail\nReporter, Jane\tjane@news.example\n"Jean Dupont"\t jean@presse.example \n'))).toEqual(expected);
    // A semicolon list whose first line also holds a comma inside quotes.
    expect(people(read('l.csv', 'Name;"Email, work"\nReporter, Jane;jane@news.example\nJean Dupont;jean@presse.example\n'))).toEqual(expected);
    // Excel's "sep=" line says the delimiter and is not a row.
    expect(people(read('l.csv', 'sep=;\nName;Email\nReporter, Jane;jane@news.example\n'))).toEqual([['Reporter, Jane', 'jane@news.example', 3]]);
  });

  it('reads a list without a header: the first column that looks like an address, the name before it', () => {
    expect(people(read('l.csv', 'Reporter, Jane;jane@news.example;Daily\nJean Dupont;jean@presse.example;Wire\n'))).toEqual([['Reporter, Jane', 'jane@news.example', 1], ['Jean Dupont', 'jean@presse.example', 2]]);
    expect(people(read('l.csv', 'Daily,Jane Reporter,jane@news.example,+44 20\nWire,Jean,jean@presse.example,\n'))).toEqual([['Jane Reporter', 'jane@news.example', 1], ['Jean', 'jean@presse.example', 2]]);
    expect(people(read('l.csv', 'jane@news.example\njean@presse.example\n'))).toEqual([[null, 'jane@news.example', 1], [null, 'jean@presse.example', 2]]);
    // A header that names no email column we know: the column found under it.
    expect(people(read('l.csv', 'Nom;Courriel\nJean Dupont;jean@presse.example\n'))).toEqual([['Jean Dupont', 'jean@presse.example', 2]]);
    expect(people(read('l.csv', 'First name,Last name,Courriel\nJean,Dupont,jean@presse.example\n'))).toEqual([['Jean Dupont', 'jean@presse.example', 2]]);
    expect(people(read('l.csv', 'Name,Twitter (@handle),Email\nJean,@jean,jean@presse.example\n'))).toEqual([['Jean', 'jean@presse.example', 2]]);
  });

  it('reads UTF-8 with or without a BOM, with CRLF or LF, and skips empty rows', () => {
    const text = 'Name;Email\n"Zoë Ångström";zoe@news.example\n;;\n\n"José\nMaría";jose@radio.example\n';
    for (const variant of [text, `\uFEFF${text}`, text.replace(/\n/g, '\r\n'), `\uFEFF${text.replace(/\n/g, '\r\n')}`]) {
      const list = read('l.csv', variant);
      expect([...list.diagnostics, ...list.badRows]).toEqual([]);
      expect(people(list)).toEqual([['Zoë Ångström', 'zoe@news.example', 2], ['José María', 'jose@radio.example', 5]]);
    }
  });

  it('lists bad rows (an invalid address, too few fields) with their lines, apart from the good ones', () => {
    const list = read('press/l.csv', 'name;email\nAnn;ann@news.example\nBob\nCarl;carl@@daily.example\nDora;dora@radio.example\n');
    expect(list.recipients.map((r) => r.address)).toEqual(['ann@news.example', 'dora@radio.example']);
    expect(list.diagnostics).toEqual([]);
    expect(list.badRows.map(formatDiagnostic)).toEqual([
      'press/l.csv:3:1 error this row has 1 field, but the address is field 2 — separate the fields with ";", as on the first line (recipients)',
      'press/l.csv:4:1 error "carl@@daily.example" is not an email address — correct the address or remove the row (recipients)',
    ]);
    expect(read('l.tsv', 'name\temail\nBob bob@x.example\n').badRows.map((d) => d.hint)).toEqual(['separate the fields with a tab, as on the first line']);
  });

  it('sets apart those marked unsubscribed (yes, true, 1, x in CSV; unsubscribed: true in YAML)', () => {
    const csv = 'name,email,unsubscribed\nAnn,ann@news.example,\nBob,bob@wire.example,yes\nCarl,carl@daily.example,X\nDora,dora@radio.example,no\nEve,eve@tv.example,1\nFay,fay@fm.example,TRUE\nGus,gus@web.example,maybe\n';
    const list = read('l.csv', csv);
    expect(list.recipients.map((r) => r.address)).toEqual(['ann@news.example', 'dora@radio.example']);
    expect(list.unsubscribed.map((r) => [r.address, r.line])).toEqual([['bob@wire.example', 3], ['carl@daily.example', 4], ['eve@tv.example', 6], ['fay@fm.example', 7]]);
    expect(list.badRows.map(formatDiagnostic)).toEqual(['l.csv:8:1 error "unsubscribed" is "maybe", neither yes nor no — write yes (or x, true, 1) for someone who unsubscribed, and leave it empty for the others (recipients)']);

    const yaml = read('l.yaml', '- name: Ann\n  email: ann@news.example\n- name: Bob\n  email: bob@wire.example\n  unsubscribed: true\n- name: Carl\n  email: carl@daily.example\n  unsubscribed: false\n');
    expect(yaml.recipients.map((r) => r.address)).toEqual(['ann@news.example', 'carl@daily.example']);
    expect(yaml.unsubscribed.map((r) => r.address)).toEqual(['bob@wire.example']);
  });

  it('sends nothing to an address marked unsubscribed on any of its rows', () => {
    const list = read('l.csv', 'name,email,unsubscribed\nAnn,ann@news.example,\nAnn again,ANN@news.example,x\n');
    expect(list.recipients).toEqual([]);
    expect(list.unsubscribed.map((r) => r.address)).toEqual(['ann@news.example']);
    expect(list.diagnostics.map(formatDiagnostic)).toEqual(['l.csv:3:1 warning "ANN@news.example" is listed twice (first on line 2) — it is marked unsubscribed, so it is sent nothing; remove one of the two (recipients)']);
  });
});
