/** What each module of src/cli/ declares: one command, its own arguments and options, and how it runs. */
import type { Command } from 'commander';
import type { Io } from './io.ts';
import type { CliOptions, CommandName } from './options.ts';

export interface CommandSpec {
  name: CommandName;
  /** One line for the list of commands in `clarion --help`. */
  summary: string;
  /** What the command does, for its own help (`clarion <command> --help`). */
  description: string;
  /** Adds the command's arguments and options (only those it takes) and any help text of its own. */
  declare(command: Command): void;
  /** Usage errors the command words itself, by what went wrong. */
  usage?: { missingArgument?: string; excessArguments?: string; missingOption?: string };
  /**
   * Whether the command stops cleanly when `signal` aborts (Ctrl-C). For the others, Ctrl-C ends
   * the process at once, as it does any program that has nothing to finish.
   */
  stopsOnSignal: boolean;
  /** 0 done, 1 a statement (or the press list, or a file) has errors, 2 usage, 130 stopped. */
  run(io: Io, options: CliOptions, signal: AbortSignal): Promise<number>;
}
