/**
 * Commander's parse errors, worded as Clarion's: `<what happened> — <what to do>`, naming the
 * option or command, with commander's suggestion for a typo. Help and version pass through.
 */
import { CommanderError, type Command } from 'commander';
import type { CommandSpec } from './command.ts';
import { needsValue } from './common-options.ts';
import { CliUsageError } from './options.ts';

const PASS_THROUGH = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** The error to throw for `error`, raised while reading `command`'s part of the command line. */
export function usageError(error: CommanderError, command: Command, spec?: CommandSpec): Error {
  if (PASS_THROUGH.has(error.code)) return error;
  return new CliUsageError(message(error, command, spec));
}

function message(error: CommanderError, command: Command, spec?: CommandSpec): string {
  const name = command.name();
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownCommand':
      return unknownCommand(quoted, command, suggestion(error));
    case 'commander.unknownOption':
      return spec ? unknownOption(quoted, command, suggestion(error)) : misplacedOption(quoted, command);
    case 'commander.optionMissingArgument': {
      const option = command.options.find((o) => o.flags === quoted);
      if (option) return needsValue(option).message;
      break;
    }
    case 'commander.missingArgument':
      return spec?.usage?.missingArgument ?? `${name} needs ${quoted} — clarion ${name} --help shows how to run it`;
    case 'commander.missingMandatoryOptionValue':
      return spec?.usage?.missingOption ?? `${name} needs ${quoted} — clarion ${name} --help shows how to run it`;
    case 'commander.excessArguments': {
      const extra = command.args.slice(command.registeredArguments.length);
      return spec?.usage?.excessArguments ?? `${name} takes no arguments — remove ${listing(extra.map((a) => `"${a}"`))} (clarion ${name} --help shows how to run it)`;
    }
  }
  return `${error.message.replace(/^error: /, '').replace(/\n[\s\S]*$/, '')} — clarion --help lists the commands and their options`;
}

/** Commander's "(Did you mean ...?)", if it has one. */
function suggestion(error: CommanderError): string | undefined {
  return /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
}

function unknownCommand(given: string, program: Command, guess: string | undefined): string {
  if (guess) return `unknown command "${given}" — did you mean "${guess}"? (clarion --help lists the commands)`;
  const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
  return `unknown command "${given}" — use ${names.join(', ')} (clarion --help lists them)`;
}

function unknownOption(given: string, command: Command, guess: string | undefined): string {
  const name = command.name();
  const flag = given.replace(/=.*$/, '');
  const own = command.options.find((o) => o.long === flag || o.short === flag);
  if (own && flag !== given) return `${flag} takes no value — write ${flag} alone`;
  const takes = ownOptions(command);
  const listed = takes.length ? `${name} takes ${listing(takes)}` : `${name} takes no options`;
  const elsewhere = commandsTaking(command.parent, flag);
  if (elsewhere.length) return `${name} does not take ${flag}, an option of ${listing(elsewhere)} — ${listed} (clarion ${name} --help explains them)`;
  if (guess) return `unknown option "${flag}" — did you mean ${guess}? (clarion ${name} --help lists the options)`;
  return `unknown option "${flag}" — ${listed} (clarion ${name} --help explains them)`;
}

/** An option before any command, or without one. */
function misplacedOption(given: string, program: Command): string {
  const flag = given.replace(/=.*$/, '');
  const takers = commandsTaking(program, flag);
  if (takers.length) return `${flag} is an option of ${listing(takers)} — write it after the command, e.g. clarion ${takers[0]} ${flag}`;
  return `unknown option "${flag}" — clarion --help lists the commands and their options`;
}

function ownOptions(command: Command): string[] {
  return command.options.map((o) => o.long).filter((flag): flag is string => flag !== undefined && flag !== '--help');
}

function commandsTaking(program: Command | null, flag: string): string[] {
  return (program?.commands ?? []).filter((c) => c.options.some((o) => o.long === flag)).map((c) => c.name());
}

/** "a", "a and b", "a, b and c". */
function listing(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
