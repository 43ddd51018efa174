/** The command line read without running anything: argv to a command and its options, or a usage error. */
import { describe, expect, it } from 'vitest';
import { CliUsageError, type CliOptions } from '../../src/cli/options.ts';
import { COMMANDS, parseCli } from '../../src/cli/program.ts';
import { formatNames } from '../../src/formats/index.ts';
import { VERSION } from '../../src/version.ts';

/** The options of a command line that names a command. */
function options(argv: string[]): CliOptions {
  const parsed = parseCli(argv);
  if (!('options' in parsed)) throw new Error(`${argv.join(' ')} ran no command`);
  return parsed.options;
}

function usage(argv: string[]): string {
  try {
    parseCli(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return error.message;
    throw error;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

function help(argv: string[]): string {
  const parsed = parseCli(argv);
  if (!('output' in parsed) || parsed.command !== 'help') throw new Error(`${argv.join(' ')} showed no help`);
  return parsed.output;
}

describe('parseCli', () => {
  it('reads commands, paths and options', () => {
    expect(parseCli(['build', 'statements/a.md', '--out', 'public', '--formats', 'html,pdf', '--concurrency=3', '--strict'])).toMatchObject({
      command: 'build',
      options: { paths: ['statements/a.md'], out: 'public', formats: ['html', 'pdf'], concurrency: 3, strict: true },
    });
    expect(options(['check', '--json']).json).toBe(true);
    expect(options(['build', '--now', '2023-11-28T09:00Z']).now?.toISOString()).toBe('2023-11-28T09:00:00.000Z');
    expect(options(['build', '--watch', '--force', '--quiet', '--timeout', '90'])).toMatchObject({ watch: true, force: true, quiet: true, timeout: 90 });
    expect(options(['preview', '--port', '0', '--formats', 'html,text'])).toMatchObject({ port: 0, formats: ['html', 'text'], out: 'dist' });
    expect(options(['new', 'Forty', 'mosques', '--kind', 'un-submission', '--lang', 'fr'])).toMatchObject({ paths: ['Forty', 'mosques'], kind: 'un-submission', lang: 'fr' });
    expect(options(['check', '--', '--strict']).paths).toEqual(['--strict']);
    expect(options(['import', 'Press release.docx', '--lang', 'ur', '--kind', 'press-release', '--out', 'statements/x.md'])).toMatchObject({ paths: ['Press release.docx'], lang: 'ur', kind: 'press-release', out: 'statements/x.md' });
  });

  it('gives each command its defaults', () => {
    expect(options(['build'])).toEqual({ paths: [], strict: false, json: false, out: 'dist', quiet: false, yes: false });
    expect(options(['check']).paths).toEqual([]);
    expect(options(['schema']).out).toBe('schema');
    expect(options(['import', 'a.docx']).out).toBe('');
    expect(options(['send', 'a', '--to', 'l.csv'])).toMatchObject({ out: 'dist', yes: false });
  });

  it('shows the help and the version without running anything', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) expect(help(argv)).toMatch(/^Usage: clarion <command> \[options\]/);
    expect(parseCli(['--version'])).toEqual({ command: 'version', output: `${VERSION}\n` });
    expect(parseCli(['-v'])).toEqual({ command: 'version', output: `${VERSION}\n` });
  });

  it('lists every command and every option of each in the help', () => {
    const text = help(['--help']);
    for (const spec of COMMANDS) {
      expect(text).toContain(`Options of clarion ${spec.name}:`);
      expect(text).toMatch(new RegExp(`^  ${spec.name} `, 'm'));
      for (const term of optionTerms(spec.name)) expect(text).toContain(term);
    }
    for (const flag of ['--strict', '--json', '--out <dir>', '--formats <list>', '--concurrency <n>', '--timeout <seconds>', '--force', '--quiet', '--now <date-time>', '--watch', '--port <n>', '--kind <kind>', '--lang <tag>', '--to <list>', '--yes', '--rate <n>', '--help', '--version']) {
      expect(text).toContain(flag);
    }
  });

  it.each(COMMANDS.map((c) => c.name))('gives %s a help of its own, with its options only', (name) => {
    const text = help([name, '--help']);
    expect(text).toMatch(new RegExp(`^Usage: clarion ${name} \\[options\\]`));
    expect(help(['help', name])).toBe(text);
    expect(help([name, '-h'])).toBe(text);
    const own = optionTerms(name);
    const others = COMMANDS.filter((c) => c.name !== name).flatMap((c) => optionTerms(c.name)).filter((term) => !own.includes(term));
    for (const flag of own) expect(text).toContain(flag);
    for (const flag of others) expect(text).not.toContain(flag);
  });
});

/** The option terms (`--out <dir>`) of a command's own help, but --help. */
function optionTerms(name: string): string[] {
  const terms = [...help([name, '--help']).matchAll(/^ {2}(--[a-z]+(?: <[a-z-]+>)?)/gm)].map((m) => m[1]!);
  expect(terms.length, `${name} declares its options`).toBeGreaterThan(0);
  return terms.filter((t) => t !== '--help');
}

describe('usage errors', () => {
  it('names an option the command does not take', () => {
    expect(usage(['check', '--watch', '--formats', 'pdf'])).toBe('check does not take --watch, an option of build — check takes --strict and --json (clarion check --help explains them)');
    expect(usage(['check', '--out', 'public'])).toBe('check does not take --out, an option of build, import, preview, schema and send — check takes --strict and --json (clarion check --help explains them)');
    expect(usage(['schema', '--strict'])).toBe('schema does not take --strict, an option of check, build and preview — schema takes --out (clarion schema --help explains them)');
    expect(usage(['--strict', 'check'])).toBe('--strict is an option of check, build and preview — write it after the command, e.g. clarion check --strict');
  });

  it.each([
    ['check', 'check takes --strict and --json'],
    ['build', 'build takes --strict, --json, --out, --formats, --force, --watch, --concurrency, --timeout, --now and --quiet'],
    ['new', 'new takes --kind and --lang'],
    ['import', 'import takes --kind, --lang and --out'],
    ['preview', 'preview takes --port, --out, --formats, --strict, --now, --concurrency and --timeout'],
    ['schema', 'schema takes --out'],
    ['send', 'send takes --to, --yes, --skip-bad, --correction, --rate and --out'],
  ])('refuses an unknown option of %s, listing the ones it takes', (name, takes) => {
    const argv = name === 'new' ? ['new', 'Headline'] : name === 'import' ? ['import', 'a.docx'] : name === 'send' ? ['send', 'a', '--to', 'l.csv'] : [name];
    expect(usage([...argv, '--frobnicate'])).toBe(`unknown option "--frobnicate" — ${takes} (clarion ${name} --help explains them)`);
  });

  it('suggests the command or option meant', () => {
    expect(usage(['chek'])).toBe('unknown command "chek" — did you mean "check"? (clarion --help lists the commands)');
    expect(usage(['biuld', '--strict'])).toBe('unknown command "biuld" — did you mean "build"? (clarion --help lists the commands)');
    expect(usage(['help', 'sned'])).toBe('unknown command "sned" — did you mean "send"? (clarion --help lists the commands)');
    expect(usage(['publish'])).toBe('unknown command "publish" — use check, build, new, import, preview, schema, send (clarion --help lists them)');
    expect(usage(['build', '--forse'])).toBe('unknown option "--forse" — did you mean --force? (clarion build --help lists the options)');
    expect(usage(['check', '--strict=yes'])).toBe('--strict takes no value — write --strict alone');
  });

  it('checks the formats against the list of formats', () => {
    expect(usage(['build', '--formats', 'pdf,nope'])).toBe(`unknown format "nope" — use one or more of ${formatNames().join(', ')}`);
    expect(usage(['preview', '--formats=html,docs'])).toBe('unknown format "docs" — use one or more of html, text, pdf, docx, eml, card, thumbnail');
    expect(usage(['build', '--formats', ','])).toBe('--formats needs at least one format — use one or more of html, text, pdf, docx, eml, card, thumbnail');
    expect(options(['build', '--formats', ' html , text ']).formats).toEqual(['html', 'text']);
  });

  it('checks every value, saying what to write', () => {
    expect(usage(['preview', '--port', 'abc'])).toBe('--port must be a whole number from 0 to 65535');
    expect(usage(['preview', '--port', '65536'])).toBe('--port must be a whole number from 0 to 65535');
    expect(usage(['send', 'a', '--to', 'l.csv', '--rate', '0'])).toBe('--rate must be a number of messages per minute, more than 0');
    expect(usage(['build', '--timeout', '-1'])).toBe('--timeout must be a number of seconds from 1 to 3600');
    expect(usage(['build', '--concurrency', 'many'])).toBe('--concurrency must be a whole number from 1 to 64');
    expect(usage(['build', '--concurrency', '0'])).toBe('--concurrency must be a whole number from 1 to 64');
    expect(usage(['build', '--now', 'tomorrow'])).toBe('--now "tomorrow" is not a date-time — write e.g. 2023-11-28T09:00Z');
    expect(usage(['build', '--out'])).toBe('--out needs a value — e.g. --out dist');
    expect(usage(['build', '--out', '--strict'])).toBe('--out needs a value — e.g. --out dist');
    expect(usage(['build', '--formats'])).toBe('--formats needs a value — e.g. --formats html,text');
    expect(usage(['new', 'Headline', '--lang'])).toBe('--lang needs a value — e.g. --lang fr');
  });

  it('refuses missing and extra arguments', () => {
    expect(usage(['new'])).toBe('new needs a headline — give it in quotes, e.g. clarion new "Forty mosques desecrated in 2023"');
    expect(usage(['schema', 'out'])).toBe('schema takes no arguments — remove "out" (clarion schema --help shows how to run it)');
    expect(usage(['preview', 'a.md', 'b.md'])).toBe('preview takes no arguments — remove "a.md" and "b.md" (clarion preview --help shows how to run it)');
  });
});

describe('parseCli: send', () => {
  it('reads the statement, the list, --yes and --rate', () => {
    expect(options(['send', 'statements/a.md', '--to', 'list.csv', '--yes', '--rate=30', '--out', 'public'])).toMatchObject({ paths: ['statements/a.md'], to: 'list.csv', yes: true, rate: 30, out: 'public' });
    expect(options(['send', 'a', '--to', 'l.csv']).yes).toBe(false);
  });

  it('refuses a send without a list or a statement, and documents the options', () => {
    expect(usage(['send', 'statements/a.md'])).toBe('send needs a press list — add --to press-list.csv');
    expect(usage(['send', '--to', 'l.csv'])).toBe('send needs one statement — e.g. clarion send statements/forty-mosques.md --to press-list.csv');
    expect(usage(['send', 'a', 'b', '--to', 'l.csv'])).toBe('send needs one statement — e.g. clarion send statements/forty-mosques.md --to press-list.csv');
    expect(usage(['send', 'a', '--to'])).toBe('--to needs a value — e.g. --to press-list.csv');
    const text = help(['send', '--help']);
    for (const option of ['--to <list>', '--yes', '--rate <n>', 'send [options] <statement>']) expect(text).toContain(option);
  });
});
