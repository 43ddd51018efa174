/** `clarion send <statement> --to <list>`: email the built release to a press list (a dry run unless --yes). */
import { Option } from 'commander';
import type { CommandSpec } from './command.ts';
import { outOption, valueOption } from './common-options.ts';
import { rate } from './option-values.ts';

const EXAMPLE = 'clarion send statements/forty-mosques.md --to press-list.csv';

export const sendCommand: CommandSpec = {
  name: 'send',
  summary: 'email the built release to a press list (a dry run unless --yes)',
  description:
    'Emails the release that clarion build wrote to every address of the press list, one message each, except those the list marks as unsubscribed. Without --yes, a dry run lists who would get what. Nothing is sent while the list has bad rows, unless --skip-bad. The SMTP server comes from CLARION_SMTP_URL only. A rerun skips everyone the send log shows as sent.',
  declare(command) {
    command
      .argument('<statement>', "the statement's source path or slug")
      .addOption(valueOption('--to <list>', 'the press list: CSV as a spreadsheet saves it (comma, semicolon or tab; a header line with "email", or none), or a YAML list of {name, email}', 'press-list.csv').makeOptionMandatory())
      .addOption(new Option('--yes', 'really send (without it, a dry run lists who would get what)'))
      .addOption(new Option('--skip-bad', 'skip the rows of the list that cannot be sent to (an invalid address, too few fields) instead of sending nothing'))
      .addOption(new Option('--correction', 'send the corrected release again, its subject marked as a correction, to those of the list who got it before'))
      .addOption(valueOption('--rate <n>', 'messages per minute at most (default 60)', '60', rate))
      .addOption(outOption('the folder the release was built into'))
      .addHelpText('after', `\nExample:\n  ${EXAMPLE}          # dry run: who would get what\n  ${EXAMPLE} --yes    # sends`);
  },
  usage: {
    missingArgument: `send needs one statement — e.g. ${EXAMPLE}`,
    excessArguments: `send needs one statement — e.g. ${EXAMPLE}`,
    missingOption: 'send needs a press list — add --to press-list.csv',
  },
  stopsOnSignal: true,
  async run(io, options, signal) {
    const { sendCommand: send } = await import('../send/send-command.ts');
    return await send(io, options, { signal });
  },
};
