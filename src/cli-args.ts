/** argv to a command and its options. Pure, so the whole command line is testable. */
export interface CliOptions {
  command: 'check' | 'build' | 'schema' | 'send' | 'new' | 'preview' | 'help' | 'version';
  paths: string[];
  strict: boolean;
  json: boolean;
  out: string;
  formats?: string[];
  concurrency?: number;
  quiet: boolean;
  /** The moment embargoes are compared with (default: SOURCE_DATE_EPOCH, else the clock). */
  now?: Date;
  /** Rebuild everything, whatever the manifest says. */
  force?: boolean;
  /** Seconds a PDF may take to print before it fails (default 60). */
  timeout?: number;
  /** send: the press list (CSV or YAML). */
  to?: string;
  /** send: really send (default: a dry run). */
  yes: boolean;
  /** send: messages per minute (default 60). */
  rate?: number;
  /** build: rebuild on every change. */
  watch?: boolean;
  /** preview: the port on 127.0.0.1 (default 4000). */
  port?: number;
  /** new: the kind and language of the new statement. */
  kind?: string;
  lang?: string;
}

export class CliUsageError extends Error {}

/** Every option with its description: the help text is generated from this table. */
export const OPTION_HELP: Record<string, string> = {
  '--strict': 'check/build: treat warnings as errors',
  '--json': 'check/build: print a machine-readable JSON report',
  '--out <dir>': 'build, send: output folder (default dist)',
  '--formats <list>': 'build: comma-separated formats to build (default all: html,text,pdf)',
  '--concurrency <n>': 'build: PDFs printed at once (default: number of cores)',
  '--timeout <seconds>': 'build: time a PDF may take to print before it fails (default 60)',
  '--force': 'build: rebuild every statement, even those whose outputs are up to date',
  '--quiet': 'build: print errors and the summary line only',
  '--now <date-time>': 'build: treat this moment as now for embargoes, e.g. 2023-11-28T09:00Z',
  '--watch': 'build: rebuild what a change affects, keeping the browser warm',
  '--port <n>': 'preview: port on 127.0.0.1 (default 4000)',
  '--kind <kind>': 'new: the kind of statement (a folder of templates/, default press-release)',
  '--lang <tag>': 'new: the language of the statement (default the organisation\'s)',
  '--to <list>': 'send: the press list, a CSV file (name,email) or a YAML list of {name, email}',
  '--yes': 'send: really send (without it, a dry run lists who would get what)',
  '--rate <n>': 'send: messages per minute at most (default 60)',
  '--help': 'show this help',
  '--version': 'print Clarion\'s version',
};

export const COMMAND_HELP: Record<string, string> = {
  'check [paths...]': 'validate statements (default: statements/) and report every problem',
  'build [paths...]': 'validate, then write the web page, text release and PDF of each statement to dist/',
  'schema [--out <dir>]': 'write JSON Schemas of the statement and organisation formats (for editor completion)',
  'new "<title>"': 'write statements/<slug>.md with the required fields filled in and the optional ones as comments',
  'preview [--port <n>]': 'serve dist/ on 127.0.0.1 with live reload and a proof page per statement, rebuilding on every change',
  'send <statement>': 'email the built release to each address of --to <list> (a dry run unless --yes; SMTP from CLARION_SMTP_URL)',
};

export function helpText(): string {
  const col = (entries: Record<string, string>) =>
    Object.entries(entries).map(([k, v]) => `  ${k.padEnd(24)} ${v}`).join('\n');
  return `Usage: clarion <command> [options]\n\nCommands:\n${col(COMMAND_HELP)}\n\nOptions:\n${col(OPTION_HELP)}\n`;
}

export function parseCli(argv: readonly string[]): CliOptions {
  const options: CliOptions = { command: 'help', paths: [], strict: false, json: false, out: 'dist', quiet: false, yes: false };
  const args = [...argv];
  const first = args[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return options;
  if (first === '--version' || first === '-v') return { ...options, command: 'version' };
  const commands = ['check', 'build', 'new', 'preview', 'schema', 'send'] as const;
  if (!(commands as readonly string[]).includes(first)) {
    throw new CliUsageError(`unknown command "${first}" — use ${commands.join(', ')} (clarion --help lists them)`);
  }
  options.command = first as (typeof commands)[number];
  args.shift();
  const value = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new CliUsageError(`${flag} needs a value — e.g. ${flag === '--out' ? '--out dist' : flag === '--formats' ? '--formats html,text' : flag === '--to' ? '--to press-list.csv' : `${flag} 2`}`);
    return v;
  };
  while (args.length > 0) {
    const arg = args.shift()!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (inline !== undefined) args.unshift(inline);
    switch (flag) {
      case '--strict': options.strict = true; break;
      case '--json': options.json = true; break;
      case '--quiet': options.quiet = true; break;
      case '--force': options.force = true; break;
      case '--yes': options.yes = true; break;
      case '--watch': options.watch = true; break;
      case '--kind': options.kind = value(flag); break;
      case '--lang': options.lang = value(flag); break;
      case '--port': {
        const n = Number(value(flag));
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliUsageError('--port must be a whole number from 0 to 65535');
        options.port = n;
        break;
      }
      case '--to': options.to = value(flag); break;
      case '--rate': {
        const n = Number(value(flag));
        if (!Number.isFinite(n) || n <= 0 || n > 100_000) throw new CliUsageError('--rate must be a number of messages per minute, more than 0');
        options.rate = n;
        break;
      }
      case '--help': case '-h': options.command = 'help'; break;
      case '--out': options.out = value(flag); break;
      case '--formats': options.formats = value(flag).split(',').map((f) => f.trim()).filter(Boolean); break;
      case '--now': {
        const v = value(flag);
        const t = Date.parse(v);
        if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(v) || Number.isNaN(t)) throw new CliUsageError(`--now "${v}" is not a date-time — write e.g. 2023-11-28T09:00Z`);
        options.now = new Date(t);
        break;
      }
      case '--timeout': {
        const n = Number(value(flag));
        if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new CliUsageError('--timeout must be a number of seconds from 1 to 3600');
        options.timeout = n;
        break;
      }
      case '--concurrency': {
        const n = Number(value(flag));
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliUsageError('--concurrency must be a whole number from 1 to 64');
        options.concurrency = n;
        break;
      }
      default:
        if (flag.startsWith('-')) throw new CliUsageError(`unknown option "${flag}" — clarion --help lists the options`);
        options.paths.push(arg);
    }
  }
  if (options.command === 'send') {
    if (options.paths.length !== 1) throw new CliUsageError('send needs one statement — e.g. clarion send statements/forty-mosques.md --to press-list.csv');
    if (!options.to) throw new CliUsageError('send needs a press list — add --to press-list.csv');
  }
  return options;
}
