/** `clarion check [paths...]`: every problem of the statements, at once; renders in memory and writes nothing. */
import type { CommandSpec } from './command.ts';
import { jsonOption, strictOption } from './common-options.ts';

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'validate statements and report every problem at once (writes nothing)',
  description:
    'Validates statements (default: everything under statements/) and reports every problem at once, with the word count of every UN submission: front matter, structure, and everything rendering finds, exactly as build reports it. Renders in memory, without a browser, and writes nothing.',
  declare(command) {
    command
      .argument('[paths...]', 'statement files or folders (default: statements/)')
      .addOption(strictOption())
      .addOption(jsonOption());
  },
  stopsOnSignal: false,
  async run(io, options) {
    const [{ check }, { formatReport, jsonReport }] = await Promise.all([import('../check.ts'), import('../report/reporter.ts')]);
    const result = await check(io.cwd, options.paths, { strict: options.strict });
    const report = options.json ? jsonReport : formatReport;
    io.stdout(report(result.diagnostics, result.checked, result.wordCounts, result.drafts));
    return result.exitCode;
  },
};
