/** `clarion new "Headline"`: a new statement with the required fields filled in. */
import type { CommandSpec } from './command.ts';
import { DEFAULT_KIND } from '../kinds/default-kind.ts';
import { valueOption } from './common-options.ts';

const EXAMPLE = 'clarion new "Forty mosques desecrated in 2023"';

export const newCommand: CommandSpec = {
  name: 'new',
  summary: 'write statements/<slug>.md, ready to fill in',
  description:
    "Writes statements/<slug>.md with the required fields filled in (today's date, the slug from the headline) and every optional field as a comment. Never overwrites a file.",
  declare(command) {
    command
      .argument('<headline...>', 'the headline (in quotes, or as several words)')
      .addOption(valueOption('--kind <kind>', `the kind of statement: a folder of templates/ (default ${DEFAULT_KIND})`, DEFAULT_KIND))
      .addOption(valueOption('--lang <tag>', "the statement's language, a BCP 47 tag (default the organisation's)", 'fr'))
      .addHelpText('after', `\nExample:\n  ${EXAMPLE} --lang en`);
  },
  usage: { missingArgument: `new needs a headline — give it in quotes, e.g. ${EXAMPLE}` },
  stopsOnSignal: false,
  async run(io, options) {
    const { newStatement, NewStatementError } = await import('../new-statement.ts');
    try {
      const file = await newStatement(io.cwd, {
        title: options.paths.join(' '),
        today: new Date(),
        ...(options.kind ? { kind: options.kind } : {}),
        ...(options.lang ? { lang: options.lang } : {}),
      });
      io.stdout(`Wrote ${file} — write the statement in it, then run clarion check\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof NewStatementError)) throw error;
      io.stderr(`clarion: ${error.message}\n`);
      return 1;
    }
  },
};
