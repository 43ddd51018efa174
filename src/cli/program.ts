/**
 * The command line, declared with commander: one subcommand per module of src/cli/, each with only
 * its own options. `parseCli` reads argv into a command and its options, or a usage error, and
 * runs nothing: the whole command line is testable without a project.
 */
import { Command, CommanderError, Help } from 'commander';
import { VERSION } from '../version.ts';
import { buildCommand } from './build.ts';
import { checkCommand } from './check.ts';
import type { CommandSpec } from './command.ts';
import { importCommand } from './import.ts';
import { newCommand } from './new.ts';
import { DEFAULT_OPTIONS, type CliOptions, type CommandName } from './options.ts';
import { previewCommand } from './preview.ts';
import { schemaCommand } from './schema.ts';
import { sendCommand } from './send.ts';
import { usageError } from './usage.ts';

/** Every command, in the order `clarion --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [checkCommand, buildCommand, newCommand, importCommand, previewCommand, schemaCommand, sendCommand];

export type Invocation =
  /** Text for standard output, and nothing to run. */
  | { command: 'help' | 'version'; output: string }
  | { command: CommandName; options: CliOptions };

const DESCRIPTION =
  'Clarion publishes advocacy statements, written once as Markdown with a short YAML header, as a web page, a print-ready PDF, a plain-text release, an email draft and, for UN submissions, a Word file.';
const EPILOGUE = '\nExit codes: 0 no errors, 1 a statement has errors (or could not be built),\n2 the command line is wrong.';

/** argv (without `node clarion`) to what to run; throws CliUsageError. */
export function parseCli(argv: readonly string[]): Invocation {
  let output = '';
  let invocation: Invocation | undefined;
  const program = createProgram((text) => (output += text), (command, options) => (invocation = { command, options }));
  if (argv.length === 0) {
    program.outputHelp();
    return { command: 'help', output };
  }
  // `clarion help chek` is refused as `clarion chek` is, with the suggestion.
  const args = argv[0] === 'help' && argv[1] !== undefined && !COMMANDS.some((c) => c.name === argv[1]) ? [argv[1]] : [...argv];
  try {
    program.parse(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.version') return { command: 'version', output };
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return { command: 'help', output };
    throw error;
  }
  if (!invocation) throw new Error(`no command ran for: ${argv.join(' ')}`);
  return invocation;
}

/** The program, writing its help to `writeOut`; each command, once read, is handed to `chosen`. */
function createProgram(writeOut: (text: string) => void, chosen: (command: CommandName, options: CliOptions) => void): Command {
  const program = new Command('clarion')
    .usage('<command> [options]')
    .description(DESCRIPTION)
    .version(VERSION, '-v, --version', "print Clarion's version")
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', 'show the help of a command')
    // Commander neither prints an error nor ends the process: errors become usage errors, worded here.
    .configureOutput({ writeOut, writeErr: () => {}, outputError: () => {} })
    .configureHelp({ formatHelp: (command, helper) => formatHelp(command, helper) })
    .addHelpText('afterAll', EPILOGUE);
  program.exitOverride((error) => {
    throw usageError(error, program);
  });
  for (const spec of COMMANDS) {
    const command = program.command(spec.name).summary(spec.summary).description(spec.description);
    spec.declare(command);
    command.exitOverride((error) => {
      throw usageError(error, command, spec);
    });
    command.action(() => chosen(spec.name, optionsOf(command)));
  }
  return program;
}

function optionsOf(command: Command): CliOptions {
  const paths = command.processedArgs.flat().filter((arg): arg is string => typeof arg === 'string');
  return { ...DEFAULT_OPTIONS, ...(command.opts() as Partial<CliOptions>), paths };
}

/** Commander's help; the program's also lists the options of every command. */
function formatHelp(command: Command, helper: Help): string {
  const text = Help.prototype.formatHelp.call(helper, command, helper);
  if (command.parent) return text;
  const sections = command.commands
    .filter((sub) => sub.name() !== 'help')
    .map((sub) => ({ sub, options: helper.visibleOptions(sub).filter((option) => option.long !== '--help') }));
  const width = Math.max(...sections.flatMap((s) => s.options.map((option) => helper.displayWidth(helper.optionTerm(option)))));
  const lists = sections.map(({ sub, options }) => {
    const items = options.map((option) => helper.formatItem(helper.optionTerm(option), width, helper.optionDescription(option), helper));
    return [`Options of clarion ${sub.name()}:`, ...(items.length ? items : ['  (none)']), ''].join('\n');
  });
  return `${text}\n${lists.join('\n')}`;
}
