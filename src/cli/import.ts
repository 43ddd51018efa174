/** `clarion import file.docx`: a Word document as a new statement, with what could not be carried over listed. */
import type { CommandSpec } from './command.ts';
import { DEFAULT_KIND } from '../kinds/default-kind.ts';
import { valueOption } from './common-options.ts';
import { CliUsageError } from './options.ts';

const EXAMPLE = 'clarion import "Press release.docx"';

function markdownFile(value: string): string {
  if (!/\.md$/i.test(value)) throw new CliUsageError(`--out "${value}" is not a Markdown file — name a file ending in .md, e.g. --out statements/forty-mosques.md`);
  return value;
}

export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'turn a Word document (.docx) into statements/<slug>.md',
  description:
    "Writes a new statement from a Word document: title, subtitle and date from the document, its headings, paragraphs, lists, links, emphasis, tables, footnotes and pictures as Markdown, and the other fields as comments. Lists what it could not carry over (tracked changes, comments, what Markdown cannot hold), each with what to do. Never overwrites a file.",
  declare(command) {
    command
      .argument('<file>', 'the Word document (.docx)')
      .addOption(valueOption('--kind <kind>', `the kind of statement: a folder of templates/ (default ${DEFAULT_KIND})`, DEFAULT_KIND))
      .addOption(valueOption('--lang <tag>', "the statement's language, a BCP 47 tag (default: the document's, else the organisation's)", 'ur'))
      .addOption(valueOption('--out <file>', 'the statement file to write', 'statements/forty-mosques.md', markdownFile).default('', 'statements/<slug>.md'))
      .addHelpText('after', `\nExample:\n  ${EXAMPLE}\n  ${EXAMPLE} --lang ur --out statements/ur-statement.md`);
  },
  usage: {
    missingArgument: `import needs a Word document — e.g. ${EXAMPLE}`,
    excessArguments: `import takes one Word document — put a name with spaces in quotes, e.g. ${EXAMPLE}`,
  },
  stopsOnSignal: false,
  async run(io, options) {
    const { importFile } = await import('../import/import-file.ts');
    const { ImportError } = await import('../import/finding.ts');
    const { WriteError } = await import('../write/write-atomic.ts');
    const file = options.paths[0]!;
    try {
      const result = await importFile(io.cwd, {
        file,
        kind: options.kind ?? DEFAULT_KIND,
        today: new Date(),
        ...(options.lang ? { lang: options.lang } : {}),
        ...(options.out ? { out: options.out } : {}),
      });
      const [statement, ...pictures] = result.written;
      const lines = [`Wrote ${statement} from ${file} — fill in the fields left as comments, then run clarion check`, ...pictures.map((p) => `Wrote ${p}`)];
      if (result.findings.length) lines.push(`Check in the statement (${result.findings.length}):`, ...result.findings.map((f) => `  - ${f.what} — ${f.todo}`));
      io.stdout(`${lines.join('\n')}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof ImportError) && !(error instanceof WriteError)) throw error;
      io.stderr(`clarion: ${error.message}\n`);
      return 1;
    }
  },
};
