/**
 * The options several commands take, made once here so that each command declares them the same
 * way. Every value option refuses a missing value with an example of one.
 */
import { Option } from 'commander';
import { CliUsageError } from './options.ts';
import * as values from './option-values.ts';

const examples = new WeakMap<Option, string>();

/** `--flag <value>`: `parse` checks the value (by default any value will do). */
export function valueOption(flags: string, description: string, example: string, parse: (value: string) => unknown = (v) => v): Option {
  const option = new Option(flags, description);
  examples.set(option, example);
  // Commander takes the next word as the value, even another option: `--out --strict` is a slip.
  return option.argParser((value: string) => {
    if (value === '' || value.startsWith('--')) throw needsValue(option);
    return parse(value);
  });
}

export function needsValue(option: Option): CliUsageError {
  return new CliUsageError(`${option.long} needs a value — e.g. ${option.long} ${examples.get(option) ?? 'VALUE'}`);
}

export const strictOption = () => new Option('--strict', 'treat warnings as errors');
export const jsonOption = () => new Option('--json', 'print a machine-readable JSON report on standard output');
export const outOption = (description = 'output folder') => valueOption('--out <dir>', description, 'dist').default('dist');
export const formatsOption = () =>
  valueOption('--formats <list>', `comma-separated formats to make (default all: ${values.formatNames().join(',')}; docx for UN submissions only)`, 'html,text', values.formats);
export const nowOption = () =>
  valueOption('--now <date-time>', 'the moment embargoes are compared with (default SOURCE_DATE_EPOCH, else the clock), e.g. 2023-11-28T09:00Z', '2023-11-28T09:00Z', values.now);
export const concurrencyOption = () => valueOption('--concurrency <n>', 'PDFs printed at once (default: the number of cores)', '2', values.concurrency);
export const timeoutOption = () => valueOption('--timeout <seconds>', 'time a PDF may take to print before it fails (default 60)', '60', values.timeout);
